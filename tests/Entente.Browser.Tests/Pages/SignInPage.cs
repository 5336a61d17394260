using Entente.Testing;
using Microsoft.Playwright;

namespace Entente.Browser.Tests.Pages;

/// <summary>/account/sign-in, followed by the two-factor step for roles that have it.</summary>
public sealed class SignInPage(IPage page) : PageObject(page)
{
    public override string Path => "/account/sign-in";

    public async Task SignInAsync(string email, string password, string? totpKey = null)
    {
        await GotoAsync();
        await Page.FillAsync("#email", email);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("form button[type=submit]");
        if (totpKey is not null)
        {
            // Wait for the code field itself: waiting on the URL after a POST-redirect-GET proved flaky in Chromium.
            await Page.Locator("#code").WaitForAsync();
            await Page.FillAsync("#code", Totp.Code(totpKey, DateTimeOffset.UtcNow));
            await Page.ClickAsync("form button[type=submit]");
        }

        await Page.WaitForSelectorAsync("header .who");
    }
}
