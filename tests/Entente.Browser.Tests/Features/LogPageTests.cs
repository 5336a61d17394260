using Entente.Browser.Tests.Infrastructure;
using Entente.Browser.Tests.Pages;
using Microsoft.Playwright;

namespace Entente.Browser.Tests.Features;

/// <summary>The transparency log's page as an auditor meets it on an installation where no witness is registered yet.</summary>
public sealed class LogPageTests(BrowserHarness harness) : BrowserTest(harness)
{
    [Fact]
    public async Task Witnesses_SayHowToAddOne_WithTheCommandsAsCode_InBothLanguages()
    {
        await new SignInPage(Page).SignInAsync("auditor@ecju.example", "Entente-Demo-2014");
        var steps = Page.Locator("#no-witnesses li");
        var commands = Page.Locator("#no-witnesses code");
        string[] expected = ["entente keys generate --cosigner", "TransparencyLog:Witnesses", "entente witness run"];

        await Page.GotoAsync("/culture/en?returnUrl=%2Flog");
        await Assertions.Expect(steps).ToHaveCountAsync(3);
        Assert.Equal(expected, await commands.AllInnerTextsAsync());
        await Assertions.Expect(steps.First).ToContainTextAsync("the authority generates a witness key with");

        await Page.GotoAsync("/culture/ru?returnUrl=%2Flog");
        Assert.Equal(expected, await commands.AllInnerTextsAsync());
        await Assertions.Expect(steps.First).ToContainTextAsync("уполномоченный орган создаёт ключ свидетеля командой");
        await Assertions.Expect(Page.Locator("#no-witnesses")).Not.ToContainTextAsync("the operator");
        Assert.Empty(ConsoleErrors);
    }
}
