using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Entente.Browser.Tests.Infrastructure;

/// <summary>
/// Base of every browser test: a fresh context and page per test, the page's console errors and uncaught
/// exceptions collected (every page must be free of them), and a full-page screenshot in
/// TestResults/browser/screenshots when the test fails.
/// </summary>
public abstract partial class BrowserTest(BrowserHarness harness) : IAsyncLifetime
{
    private readonly List<string> _consoleErrors = [];

    protected BrowserHarness Harness { get; } = harness;

    protected IBrowserContext Context { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    /// <summary>Console errors and uncaught page exceptions seen so far in this test.</summary>
    protected IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_consoleErrors)
            {
                return [.. _consoleErrors];
            }
        }
    }

    public virtual async ValueTask InitializeAsync()
    {
        Harness.RequireBrowser();
        await UseContextAsync(await Harness.NewContextAsync());
    }

    /// <summary>Continues the test signed in as <paramref name="role"/> (stored once per run, see <see cref="StoredSignIn"/>).</summary>
    protected async Task SignInAsAsync(Role role, Func<IPage, Task> signIn)
    {
        await UseContextAsync(await Harness.SignIns.NewContextAsync(role, signIn));
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Context is null)
        {
            return;
        }

        if (TestContext.Current.TestState?.Result == TestResult.Failed && Page is not null && !Page.IsClosed)
        {
            await TakeScreenshotAsync();
        }

        await Context.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task UseContextAsync(IBrowserContext context)
    {
        if (Context is not null)
        {
            await Context.DisposeAsync();
        }

        lock (_consoleErrors)
        {
            _consoleErrors.Clear();
        }

        Context = context;
        Page = await context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            // Chromium asks for /favicon.ico on its own for every document without an icon link (plain text,
            // JSON); that request is the browser's, not the page's, so its 404 is no page error.
            if (string.Equals(message.Type, "error", StringComparison.Ordinal)
                && !IsFaviconRequest(message.Location))
            {
                Record($"console error at {message.Location}: {message.Text}");
            }
        };
        Page.PageError += (_, error) => Record("uncaught exception: " + error);
    }

    private static bool IsFaviconRequest(string location)
    {
        // Location reads "URL:line:column".
        var url = LineAndColumn().Replace(location, string.Empty);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && string.Equals(uri.AbsolutePath, "/favicon.ico", StringComparison.Ordinal);
    }

    [GeneratedRegex(@":\d+:\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex LineAndColumn();

    private void Record(string error)
    {
        lock (_consoleErrors)
        {
            _consoleErrors.Add(error);
        }
    }

    private async Task TakeScreenshotAsync()
    {
        var test = TestContext.Current.Test;
        var name = test is null ? Guid.NewGuid().ToString("N") : Sanitise(test.TestDisplayName);
        var directory = Path.Combine(Harness.ResultsDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        try
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
        }
        catch (PlaywrightException ex)
        {
            // The screenshot is a diagnostic extra: losing it must not hide the test's own failure.
            TestContext.Current.SendDiagnosticMessage("screenshot failed: " + ex.Message);
        }
    }

    private static string Sanitise(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var chars = name.Select(c => invalid.Contains(c) || c is ' ' or '(' or ')' or '"' ? '_' : c).ToArray();
        var result = new string(chars);
        return result.Length > 150 ? result[..150] : result;
    }
}
