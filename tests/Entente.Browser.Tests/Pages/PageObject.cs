using Microsoft.Playwright;

namespace Entente.Browser.Tests.Pages;

/// <summary>
/// Base of every page object: one class per page of Entente.Web, named after the page (SignInPage,
/// DirectoryPage, VettingPage…), exposing what a person does there as methods and what they see as
/// locators, so tests read as steps and a changed page is fixed in one place.
/// </summary>
public abstract class PageObject(IPage page)
{
    protected IPage Page { get; } = page;

    /// <summary>The page's path relative to the app root, e.g. <c>/sign-in</c>.</summary>
    public abstract string Path { get; }

    /// <summary>Navigates to the page and returns the main response (fails if there was none).</summary>
    public async Task<IResponse> GotoAsync()
    {
        var response = await Page.GotoAsync(Path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return response ?? throw new InvalidOperationException($"navigating to {Path} produced no response");
    }

    /// <summary>The text a person sees in the page body.</summary>
    public Task<string> VisibleTextAsync() => Page.Locator("body").InnerTextAsync();
}
