using Entente.Browser.Tests.Infrastructure;
using Entente.Browser.Tests.Pages;

namespace Entente.Browser.Tests.Health;

public sealed class LivenessPageTests(BrowserHarness harness) : BrowserTest(harness)
{
    [Fact]
    public async Task Goto_Answers200AndRendersWithoutConsoleErrors_WhenAppIsRunning()
    {
        var liveness = new LivenessPage(Page);

        var response = await liveness.GotoAsync();

        Assert.Equal(200, response.Status);
        // What the browser shows is what the server sent: the page rendered, it was not replaced by an error page.
        Assert.Equal((await response.TextAsync()).Trim(), (await liveness.VisibleTextAsync()).Trim());
        Assert.Empty(ConsoleErrors);
    }
}
