using Entente.Browser.Tests.Infrastructure;
using Entente.Browser.Tests.Pages;
using Microsoft.Playwright;

namespace Entente.Browser.Tests.Features;

/// <summary>The header's menus: one row at 1280 pixels for the role with the most links, and usable from the keyboard.</summary>
public sealed class HeaderMenuTests(BrowserHarness harness) : BrowserTest(harness)
{
    [Fact]
    public async Task Header_FitsOneRow_ForAnAuthorityOfficer_InBothLanguages()
    {
        await new SignInPage(Page).SignInAsync("officer@ecju.example", "Entente-Demo-2014", "JBSWY3DPEHPK3PXPGBOFFICR");
        foreach (var language in new[] { "en", "ru" })
        {
            await Page.GotoAsync($"/culture/{language}?returnUrl=%2Ftreaty%2Fcheck");

            // Every item of the header sits on the same line, and nothing spills past the window's edge.
            var tops = await Page.EvalOnSelectorAllAsync<double[]>(
                "header.top > *, nav.main > *, .tools > *", "els => els.map(e => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2))");
            Assert.True(tops.Max() - tops.Min() <= 4, $"{language}: header items at {string.Join(", ", tops)}");
            var right = await Page.EvalOnSelectorAsync<double>("header.top", "h => Math.max(...[...h.querySelectorAll('*')].filter(e => e.offsetParent !== null && !e.closest('details:not([open]) > ul')).map(e => e.getBoundingClientRect().right))");
            Assert.True(right <= 1280, $"{language}: header reaches {right}px");
        }

        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task Menu_OpensWithTheKeyboard_AndClosesOnEscapeOrAClickElsewhere()
    {
        await new SignInPage(Page).SignInAsync("officer@ecju.example", "Entente-Demo-2014", "JBSWY3DPEHPK3PXPGBOFFICR");
        await Page.GotoAsync("/treaty/check");
        var treaty = Page.Locator("details[data-menu=treaty]");
        var screening = Page.Locator("details[data-menu=screening]");

        // The menu holding the current page is marked, and so is the page inside it.
        await Assertions.Expect(treaty.Locator("summary")).ToHaveClassAsync("current");
        await Assertions.Expect(treaty.Locator("a[aria-current=page]")).ToHaveAttributeAsync("href", "/treaty/check");

        await treaty.Locator("summary").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(treaty.Locator("a[href='/treaty/check']")).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(treaty.Locator("a[href='/treaty/check']")).Not.ToBeVisibleAsync();
        await Assertions.Expect(treaty.Locator("summary")).ToBeFocusedAsync();

        // Opening another menu closes the first; a click on the page closes any.
        await treaty.Locator("summary").ClickAsync();
        await screening.Locator("summary").ClickAsync();
        await Assertions.Expect(screening.Locator("a[href='/screening/hits']")).ToBeVisibleAsync();
        await Assertions.Expect(treaty.Locator("a[href='/treaty/check']")).Not.ToBeVisibleAsync();
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Harness.ResultsDirectory, "header-menu-open.png") });
        await Page.Locator("main h1").ClickAsync();
        await Assertions.Expect(screening.Locator("a[href='/screening/hits']")).Not.ToBeVisibleAsync();

        // A link in a menu leads to its page.
        await screening.Locator("summary").ClickAsync();
        await screening.Locator("a[href='/screening/hits']").ClickAsync();
        // The address alone, not a load event: a page that is already loaded when the wait begins fires none.
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/screening/hits$"));
        await Assertions.Expect(Page.Locator("details[data-menu=screening] > summary")).ToHaveClassAsync("current");

        Assert.Empty(ConsoleErrors);
    }
}
