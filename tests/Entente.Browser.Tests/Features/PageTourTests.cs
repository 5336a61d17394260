using Entente.Browser.Tests.Infrastructure;
using Entente.Browser.Tests.Pages;
using Microsoft.Playwright;

namespace Entente.Browser.Tests.Features;

/// <summary>
/// Every page a role reaches loads with 200, a heading and no console error, in both languages. The screenshots it
/// leaves in TestResults/browser/tour are the pictures reviewers look at.
/// </summary>
public sealed class PageTourTests(BrowserHarness harness) : BrowserTest(harness)
{
    public static TheoryData<string, string, string?, string> Tours => new()
    {
        { "officer@fsvts.example", "Entente-Demo-2014", "JBSWY3DPEHPK3PXPRUOFFICR", "/,/organisations,/organisations?status=Suspended,/directory,/screening/hits,/screening/lists,/screening?q=Калашников,/account/tokens,/treaty,/treaty/check,/log" },
        { "officer@kalashnikov.example", "Entente-Demo-2014", null, "/,/organisations/mine,/counterparties,/directory?party=GB,/screening?q=Rosoboronexport,/screening/lists,/account/tokens" },
        { "officer@ecju.example", "Entente-Demo-2014", "JBSWY3DPEHPK3PXPGBOFFICR", "/,/organisations,/organisations?status=Pending,/counterparties,/counterparties?status=UnderReview,/directory,/screening/hits,/screening/hits?status=all,/screening/lists,/screening?q=Kalashnikov,/account/tokens,/treaty,/treaty/check,/log" },
        { "officer@albion.example", "Entente-Demo-2014", null, "/,/organisations/mine,/counterparties,/directory,/directory?party=RU,/screening,/screening?q=Rosoboronexport,/screening/lists,/account/tokens" },
        { "admin@entente.example", "Entente-Demo-2014", "JBSWY3DPEHPK3PXPADMINAAA", "/,/organisations,/directory,/treaty,/screening,/screening?q=Kalashnikov,/screening/lists,/account/tokens" },
    };

    [Theory]
    [MemberData(nameof(Tours))]
    public async Task EveryPageOfTheRole_LoadsWithoutErrors_InBothLanguages(string email, string password, string? totp, string paths)
    {
        await new SignInPage(Page).SignInAsync(email, password, totp);
        var directory = Path.Combine(Harness.ResultsDirectory, "tour");
        Directory.CreateDirectory(directory);
        foreach (var language in new[] { "en", "ru" })
        {
            await Page.GotoAsync($"/culture/{language}?returnUrl=%2F");
            foreach (var path in paths.Split(','))
            {
                var response = await Page.GotoAsync(path);
                Assert.Equal(200, response!.Status);
                await Assertions.Expect(Page.Locator("main h1")).ToBeVisibleAsync();
                var name = $"{email.Split('@')[0]}-{email.Split('@')[1].Split('.')[0]}-{language}{path.Replace('/', '_').Replace('?', '_').Replace('=', '-')}.png";
                await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name), FullPage = true });
            }
        }

        Assert.True(ConsoleErrors.Count == 0, string.Join("\n", ConsoleErrors));
    }

    [Fact]
    public async Task EveryPublicPage_LoadsWithoutErrors_InBothLanguages()
    {
        var directory = Path.Combine(Harness.ResultsDirectory, "tour");
        Directory.CreateDirectory(directory);
        foreach (var language in new[] { "en", "ru" })
        {
            await Page.GotoAsync($"/culture/{language}?returnUrl=%2F");
            foreach (var path in new[] { "/", "/account/sign-in", "/organisations/register" })
            {
                var response = await Page.GotoAsync(path);
                Assert.Equal(200, response!.Status);
                await Assertions.Expect(Page.Locator("main h1")).ToBeVisibleAsync();
                await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"public-{language}{path.Replace('/', '_')}.png"), FullPage = true });
            }
        }

        Assert.True(ConsoleErrors.Count == 0, string.Join("\n", ConsoleErrors));
    }
}
