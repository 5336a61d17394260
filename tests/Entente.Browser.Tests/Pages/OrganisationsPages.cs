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
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    public async Task SwitchLanguageAsync(string code)
    {
        await Page.ClickAsync($"header .lang a[hreflang={code}]");
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    public ILocator Heading => Page.Locator("main h1");
}
