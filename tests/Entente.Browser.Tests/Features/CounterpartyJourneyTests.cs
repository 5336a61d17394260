using Entente.Browser.Tests.Infrastructure;
using Entente.Browser.Tests.Pages;
using Microsoft.Playwright;

namespace Entente.Browser.Tests.Features;

/// <summary>A compliance officer corrects the consignees and end users the company names, in a real browser.</summary>
public sealed class CounterpartyJourneyTests(BrowserHarness harness) : BrowserTest(harness)
{
    [Fact]
    public async Task Officer_AmendsAnAddress_AndARenameToAListedNameGoesUnderReview()
    {
        await new SignInPage(Page).SignInAsync("officer@kalashnikov.example", "Entente-Demo-2014");
        var register = new CounterpartiesPage(Page);
        await register.GotoAsync();
        await register.OpenAsync("Highland Sporting Arms Ltd");

        var counterparty = new CounterpartyPage(Page);
        await Assertions.Expect(counterparty.Status).ToHaveTextAsync("Clear");
        await counterparty.AmendAsync(address: "9 Tay Street, Perth PH1 5LQ");
        await Assertions.Expect(counterparty.Amended).ToBeVisibleAsync();
        await Assertions.Expect(counterparty.Facts).ToContainTextAsync("9 Tay Street, Perth PH1 5LQ");
        await Assertions.Expect(counterparty.Status).ToHaveTextAsync("Clear");

        // A country code that is not one is refused on the page, and nothing is stored.
        await counterparty.AmendAsync(country: "XX");
        await Assertions.Expect(counterparty.Errors.First).ToBeVisibleAsync();
        await counterparty.ReopenAsync();
        await Assertions.Expect(counterparty.Facts).ToContainTextAsync("GB (United Kingdom)");

        // Renamed to a name on the demo sanctions list, it is screened at once and waits for the authority.
        await counterparty.AmendAsync(name: "Rosoboronexport", country: "RU");
        await Assertions.Expect(counterparty.Amended).ToBeVisibleAsync();
        await Assertions.Expect(counterparty.Status).ToHaveTextAsync("Under review");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Harness.ResultsDirectory, "counterparty-amended.png"), FullPage = true });

        // The same page in Russian, with the amend panel open, for review.
        await Page.GotoAsync($"/culture/ru?returnUrl={Uri.EscapeDataString(new Uri(Page.Url).PathAndQuery)}");
        await Assertions.Expect(Page.Locator("html[lang=ru]")).ToBeAttachedAsync();
        await Assertions.Expect(counterparty.Status).ToHaveTextAsync("На проверке");
        await Assertions.Expect(counterparty.Facts).ToContainTextAsync("RU (Россия)");
        await Page.Locator("#amend summary").ClickAsync();
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Harness.ResultsDirectory, "counterparty-amend-ru.png"), FullPage = true });
        Assert.True(ConsoleErrors.Count == 0, string.Join("\n", ConsoleErrors));
    }
}
