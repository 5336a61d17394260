namespace Entente.Browser.Tests.Infrastructure;

public sealed class BrowserTestTests(BrowserHarness harness) : BrowserTest(harness)
{
    [Fact]
    public async Task ConsoleErrors_RecordsConsoleErrorsAndUncaughtExceptions_WhenThePageHasThem()
    {
        await Page.GotoAsync("/health/live");

        await Page.EvaluateAsync("() => console.error('probe console error')");
        await Page.EvaluateAsync("() => setTimeout(() => { throw new Error('probe uncaught'); }, 0)");
        // Both arrive as events from the browser: wait for them, boundedly.
        for (var waited = 0; ConsoleErrors.Count < 2 && waited < 5000; waited += 50)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Contains(ConsoleErrors, e => e.Contains("probe console error", StringComparison.Ordinal));
        Assert.Contains(ConsoleErrors, e => e.StartsWith("uncaught exception", StringComparison.Ordinal) && e.Contains("probe uncaught", StringComparison.Ordinal));
    }
}
