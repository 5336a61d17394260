using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Entente.Browser.Tests.Pages;

/// <summary>/organisations: the authority's register of its party's organisations and the vetting queue.</summary>
public sealed class VettingQueuePage(IPage page) : PageObject(page)
{
    public override string Path => "/organisations?status=Pending";

    public ILocator Row(string legalName) => Page.Locator("#organisations tbody tr", new PageLocatorOptions { HasText = legalName });

    public async Task OpenAsync(string legalName) => await Row(legalName).GetByRole(AriaRole.Link).ClickAsync();
}

/// <summary>/organisations/{id}: one organisation, with the vetting decision form for its authority.</summary>
public sealed class OrganisationPage(IPage page) : PageObject(page)
{
    public override string Path => "/organisations";

    public ILocator Status => Page.Locator("dl.facts .badge");

    public async Task ApproveAsync()
    {
        await Page.ClickAsync("#approve");
        await Page.WaitForSelectorAsync(".notice.ok");
    }
}

/// <summary>/directory: approved members of both parties.</summary>
public sealed class DirectoryPage(IPage page) : PageObject(page)
{
    public override string Path => "/directory";

    public ILocator Rows => Page.Locator("#directory tbody tr");

    public async Task SearchAsync(string text)
    {
        await Page.FillAsync("#q", text);
        await Page.ClickAsync("form.filters button[type=submit]");
        // Wait for the search's own address by polling it, then for its form to carry the term. A load-state wait is
        // not used: on a busy machine the new page's "load" could arrive before the wait was set up, and it then waited
        // for a second one that never came.
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("[?&]q=" + Regex.Escape(Uri.EscapeDataString(text)) + "(&|$)"));
        await Assertions.Expect(Page.Locator("#q")).ToHaveValueAsync(text);
    }

    public async Task SwitchLanguageAsync(string code)
    {
        await Page.ClickAsync($"header .lang a[hreflang={code}]");
        // The switch redirects back to the same address: the page's language says when the new page has arrived.
        await Page.Locator($"html[lang={code}]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    public ILocator Heading => Page.Locator("main h1");
}
