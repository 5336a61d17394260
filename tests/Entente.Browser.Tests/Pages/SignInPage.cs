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
            await Page.WaitForURLAsync("**/account/sign-in/two-factor**");
            await Page.FillAsync("#code", Totp.Code(totpKey, DateTimeOffset.UtcNow));
            await Page.ClickAsync("form button[type=submit]");
        }

        await Page.WaitForSelectorAsync("header .who");
    }
}
