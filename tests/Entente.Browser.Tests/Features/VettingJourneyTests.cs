using Entente.Browser.Tests.Infrastructure;
using Entente.Browser.Tests.Pages;
using Microsoft.Playwright;

namespace Entente.Browser.Tests.Features;

/// <summary>The authority officer's everyday journey in a real browser: vet a pending company, then find it.</summary>
public sealed class VettingJourneyTests(BrowserHarness harness) : BrowserTest(harness)
{
    [Fact]
    public async Task GbOfficer_ApprovesThePendingCompany_FindsItInTheDirectory_AndReadsItInRussian()
    {
        await new SignInPage(Page).SignInAsync("officer@ecju.example", "Entente-Demo-2014", "JBSWY3DPEHPK3PXPGBOFFICR");

        var queue = new VettingQueuePage(Page);
        await queue.GotoAsync();
        await Assertions.Expect(queue.Row("Thames Optics Ltd")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#organisations")).Not.ToContainTextAsync("Ural Forge"); // the other party's company
        await queue.OpenAsync("Thames Optics Ltd");

        var organisation = new OrganisationPage(Page);
        await Assertions.Expect(organisation.Status).ToHaveTextAsync("Pending");
        await organisation.ApproveAsync();
        await Assertions.Expect(organisation.Status).ToHaveTextAsync("Approved");

        var directory = new DirectoryPage(Page);
        await directory.GotoAsync();
        await directory.SearchAsync("Thames");
        await Assertions.Expect(directory.Rows).ToHaveCountAsync(1);
        await Assertions.Expect(directory.Rows.First).ToContainTextAsync("Темз Оптикс Лтд");

        await directory.SwitchLanguageAsync("ru");
        await Assertions.Expect(directory.Heading).ToHaveTextAsync("Справочник сообщества");
        await Assertions.Expect(directory.Rows.First).ToContainTextAsync("Thames Optics Ltd");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Harness.ResultsDirectory, "directory-ru.png"), FullPage = true });
        Assert.True(ConsoleErrors.Count == 0, string.Join("\n", ConsoleErrors));
    }
}
