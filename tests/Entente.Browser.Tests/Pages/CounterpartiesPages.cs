using Microsoft.Playwright;

namespace Entente.Browser.Tests.Pages;

/// <summary>/counterparties: the consignees and end users an organisation names.</summary>
public sealed class CounterpartiesPage(IPage page) : PageObject(page)
{
    public override string Path => "/counterparties";

    public ILocator Row(string name) => Page.Locator("#counterparties tbody tr", new PageLocatorOptions { HasText = name });

    public async Task OpenAsync(string name) => await Row(name).GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
}

/// <summary>/counterparties/{id}: one consignee or end user, with the officer's amend and withdraw forms.</summary>
public sealed class CounterpartyPage(IPage page) : PageObject(page)
{
    public override string Path => "/counterparties";

    public async Task ReopenAsync() => await Page.GotoAsync(Page.Url.Split('?')[0].Replace("/amend", string.Empty, StringComparison.Ordinal));

    public ILocator Facts => Page.Locator("dl.facts");

    public ILocator Status => Page.Locator("dl.facts .badge");

    public ILocator Amended => Page.Locator("#amended");

    public ILocator Errors => Page.Locator("#amend .validation-message, #amend .notice.error, main .notice.error");

    /// <summary>Opens the amend panel, changes what is given (null leaves a field as it is) and saves.</summary>
    public async Task AmendAsync(string? name = null, string? country = null, string? address = null)
    {
        // The panel opens by itself when the page shows a refused amendment again.
        if (await Page.Locator("#amend[open]").CountAsync() == 0)
        {
            await Page.Locator("#amend summary").ClickAsync();
        }

        if (name is not null)
        {
            await Page.FillAsync("#amend-name", name);
        }

        if (country is not null)
        {
            await Page.FillAsync("#amend-country", country);
        }

        if (address is not null)
        {
            await Page.FillAsync("#amend-address", address);
        }

        await Page.Locator("#amend button[type=submit]").ClickAsync();
    }
}
