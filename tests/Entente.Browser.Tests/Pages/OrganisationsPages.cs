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
        // The load state of the page being left is already "load": wait for the search's own address instead.
        await Page.WaitForURLAsync(url => url.Contains("q=" + Uri.EscapeDataString(text), StringComparison.Ordinal));
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    public async Task SwitchLanguageAsync(string code)
    {
        await Page.ClickAsync($"header .lang a[hreflang={code}]");
        // The switch redirects back to the same address: the page's language says when the new page has arrived.
        await Page.Locator($"html[lang={code}]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    public ILocator Heading => Page.Locator("main h1");
}
