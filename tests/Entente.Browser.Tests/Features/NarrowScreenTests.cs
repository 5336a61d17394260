using Entente.Application.Common;
using Entente.Application.Identity;
using Entente.Browser.Tests.Infrastructure;
using Entente.Browser.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Entente.Browser.Tests.Features;

/// <summary>
/// The pages on a phone, 390 pixels wide: nothing widens the page past the screen (a wide table scrolls inside its
/// own wrapper), the header's menus open inside the screen, and an open hit's decision stays in view.
/// </summary>
public sealed class NarrowScreenTests(BrowserHarness harness) : BrowserTest(harness)
{
    private const int PhoneWidth = 390;

    public static TheoryData<string, string?, string> Tours => new()
    {
        { "officer@ecju.example", "JBSWY3DPEHPK3PXPGBOFFICR", "/,/organisations,/counterparties,/directory,/screening/hits?status=all,/screening/lists,/screening?q=Kalashnikov,/account/tokens,/treaty,/treaty/check,/log" },
        { "officer@albion.example", null, "/,/organisations/mine,/counterparties,/directory,/screening?q=Rosoboronexport,/screening/lists,/account/two-factor" },
    };

    [Theory]
    [MemberData(nameof(Tours))]
    public async Task EveryPage_FitsAPhoneScreen_InBothLanguages(string email, string? totp, string paths)
    {
        await new SignInPage(Page).SignInAsync(email, "Entente-Demo-2014", totp);
        await Page.SetViewportSizeAsync(PhoneWidth, 844);
        foreach (var language in new[] { "en", "ru" })
        {
            await Page.GotoAsync($"/culture/{language}?returnUrl=%2F");
            foreach (var path in paths.Split(','))
            {
                Assert.Equal(200, (await Page.GotoAsync(path))!.Status);
                await AssertFitsAsync($"{language} {path}");
            }
        }

        Assert.True(ConsoleErrors.Count == 0, string.Join("\n", ConsoleErrors));
    }

    [Fact]
    public async Task Registration_FitsAPhoneScreen_InBothLanguages()
    {
        await Page.SetViewportSizeAsync(PhoneWidth, 844);
        foreach (var language in new[] { "en", "ru" })
        {
            await Page.GotoAsync($"/culture/{language}?returnUrl=%2Forganisations%2Fregister");
            await AssertFitsAsync($"{language} /organisations/register");
            await Page.GotoAsync("/account/sign-in");
            await AssertFitsAsync($"{language} /account/sign-in");
        }

        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task HeaderMenu_OpensInsideThePhoneScreen()
    {
        await new SignInPage(Page).SignInAsync("officer@ecju.example", "Entente-Demo-2014", "JBSWY3DPEHPK3PXPGBOFFICR");
        await Page.SetViewportSizeAsync(PhoneWidth, 844);
        await Page.GotoAsync("/culture/ru?returnUrl=%2Flog");

        // The rightmost menus are the ones a fixed-width dropdown would push past the edge.
        foreach (var menu in new[] { "screening", "account" })
        {
            await Page.Locator($"details[data-menu={menu}] > summary").ClickAsync();
            var list = Page.Locator($"details[data-menu={menu}] > ul");
            await Assertions.Expect(list).ToBeVisibleAsync();
            var box = (await list.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= PhoneWidth, $"{menu} menu spans {box.X}..{box.X + box.Width}px");
            foreach (var link in await list.Locator("a, button").AllAsync())
            {
                var linkBox = (await link.BoundingBoxAsync())!;
                Assert.True(linkBox.X + linkBox.Width <= PhoneWidth, $"{menu}: '{await link.InnerTextAsync()}' reaches {linkBox.X + linkBox.Width}px");
            }
        }

        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task OpenHit_KeepsItsDecisionInView_WhileItsRowScrolls()
    {
        // The RU officer's queue opens with the seeded hits on Rosoboronexport and Kalashnikov Concern.
        await new SignInPage(Page).SignInAsync("officer@fsvts.example", "Entente-Demo-2014", "JBSWY3DPEHPK3PXPRUOFFICR");
        await Page.SetViewportSizeAsync(PhoneWidth, 844);
        await Page.GotoAsync("/culture/ru?returnUrl=%2Fscreening%2Fhits");
        await AssertFitsAsync("ru /screening/hits");

        var decision = Page.Locator("tr.decision-row").First;
        foreach (var control in new[] { decision.Locator("input[name=reason]"), decision.Locator("button").First, decision.Locator("button.danger") })
        {
            await Assertions.Expect(control).ToBeVisibleAsync();
            var box = (await control.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= PhoneWidth, $"a decision control spans {box.X}..{box.X + box.Width}px");
        }

        // Scrolled to the table's far end, the decision is still on the screen.
        await Page.Locator("#hits").EvaluateAsync("t => t.parentElement.scrollLeft = t.parentElement.scrollWidth");
        var button = (await decision.Locator("button.danger").BoundingBoxAsync())!;
        Assert.True(button.X >= 0 && button.X + button.Width <= PhoneWidth, $"after scrolling the confirm button spans {button.X}..{button.X + button.Width}px");
        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task Header_KeepsTheLanguageSwitchBesideTheProductName_WhenTheUserNameIsLong()
    {
        // Forty characters, as a full name with a patronymic can be; no demo user has one, so the test makes its own.
        const string longName = "Konstantin Aleksandrovich Vorontsov-Dash";
        var email = $"auditor-{Guid.NewGuid():N}@long-name.example";
        using (var scope = Harness.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateUserHandler>().HandleAsync(
                Actor.System, new CreateUser(email, longName, "Entente-Demo-2014", EntenteRoles.Auditor, "GB", null), TestContext.Current.CancellationToken);
            Assert.True(created.IsSuccess, $"the auditor was not created: {created.Error}");
        }

        await new SignInPage(Page).SignInAsync(email, "Entente-Demo-2014");
        await Page.SetViewportSizeAsync(PhoneWidth, 844);
        foreach (var language in new[] { "en", "ru" })
        {
            await Page.GotoAsync($"/culture/{language}?returnUrl=%2Fdirectory");
            await AssertFitsAsync($"{language} /directory");
            var brand = (await Page.Locator("header.top .brand").BoundingBoxAsync())!;
            var switcher = (await Page.Locator("header.top .lang").BoundingBoxAsync())!;
            var who = Page.Locator("header.top summary.who");
            var whoBox = (await who.BoundingBoxAsync())!;

            // The switch and the account menu share the product name's line, and end inside the screen.
            var line = brand.Y + brand.Height / 2;
            Assert.True(Math.Abs(switcher.Y + switcher.Height / 2 - line) <= 4, $"{language}: the switch is centred at {switcher.Y + switcher.Height / 2}px, the product name at {line}px");
            Assert.True(Math.Abs(whoBox.Y + whoBox.Height / 2 - line) <= 4, $"{language}: the user's name is centred at {whoBox.Y + whoBox.Height / 2}px, the product name at {line}px");
            Assert.True(switcher.X + switcher.Width <= PhoneWidth && whoBox.X + whoBox.Width <= PhoneWidth, $"{language}: the switch ends at {switcher.X + switcher.Width}px, the name at {whoBox.X + whoBox.Width}px");

            // The name is cut short on the screen, and whole in its title.
            var name = who.Locator(".name");
            Assert.Equal(longName, await name.GetAttributeAsync("title"));
            Assert.Equal(longName, await name.TextContentAsync());
            Assert.True(await name.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth"), $"{language}: the long name is not cut short");
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Harness.ResultsDirectory, $"header-long-name-{language}.png") });
        }

        Assert.True(ConsoleErrors.Count == 0, string.Join("\n", ConsoleErrors));
    }

    /// <summary>The page is no wider than the screen, and every table of it sits in a wrapper that scrolls.</summary>
    private async Task AssertFitsAsync(string where)
    {
        await Assertions.Expect(Page.Locator("main h1")).ToBeVisibleAsync();
        var widths = await Page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{where}: the page is {widths[0]}px wide on a {widths[1]}px screen");
        var unwrapped = await Page.EvaluateAsync<int>("[...document.querySelectorAll('table')].filter(t => !t.parentElement.classList.contains('table-scroll')).length");
        Assert.True(unwrapped == 0, $"{where}: {unwrapped} table(s) outside a .table-scroll wrapper");
    }
}
