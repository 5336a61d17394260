using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Entente.Browser.Tests.Infrastructure.BrowserHarness))]

namespace Entente.Browser.Tests.Infrastructure;

/// <summary>
/// Shared by every browser test of the run: starts Entente.Web once on a free loopback port, waits until
/// <c>/health/live</c> answers, and launches Debian's Chromium once. Each test gets its own fresh
/// browser context from <see cref="NewContextAsync"/> (see <see cref="BrowserTest"/>).
/// No browser is downloaded: Playwright drives the system's <c>/usr/bin/chromium</c>; when it is absent,
/// every browser test is skipped with the reason shown.
/// </summary>
public sealed class BrowserHarness : IAsyncLifetime
{
    /// <summary>Debian's Chromium, or the browser named by <c>ENTENTE_CHROMIUM</c> when set.</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("ENTENTE_CHROMIUM") is { Length: > 0 } path
        ? path
        : "/usr/bin/chromium";

    private static readonly string[] ChromiumArguments =
    [
        "--headless",
        "--no-sandbox", // CI runs as root, where Chromium's sandbox refuses to start.
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private readonly string _workDirectory = Directory.CreateTempSubdirectory("entente-browser-").FullName;
    private EntenteWebFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>The root address of the running app, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where screenshots and other artefacts of this run go (under TestResults).</summary>
    public string ResultsDirectory { get; } = LocateResultsDirectory();

    /// <summary>The stored sign-in per role; see <see cref="StoredSignIn"/>.</summary>
    public StoredSignIn SignIns { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(SkipReason ?? "the browser is not started");

    /// <summary>The running app's services, for a test that seeds what the demo community lacks (a user with a long name).</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException(SkipReason ?? "the app is not started");

    public async ValueTask InitializeAsync()
    {
        SignIns = new StoredSignIn(this, Path.Combine(_workDirectory, "auth"));
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"{ChromiumPath} is not installed (apt-get install chromium; ./test.sh does it)";
            return;
        }

        _factory = new EntenteWebFactory(Path.Combine(_workDirectory, "entente.db"));
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = ResolveAddress(_factory);
        await WaitUntilLiveAsync(BaseAddress);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    /// <summary>Skips the calling test, with the reason shown, when the browser tests cannot run here.</summary>
    public void RequireBrowser()
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }
    }

    /// <summary>A fresh, isolated context (own cookies and storage), optionally signed in from a stored state file.</summary>
    public Task<IBrowserContext> NewContextAsync(string? storageStatePath = null)
    {
        RequireBrowser();
        return Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "en-GB",

            // A common office laptop screen: pages are reviewed and the header is checked to fit at this width.
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            StorageStatePath = storageStatePath,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a closing process must not fail the run; the folder is in the temp dir.
        }
    }

    private static Uri ResolveAddress(EntenteWebFactory factory)
    {
        // With port 0 Kestrel picks the port; the bound address is only known from the server itself.
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no server addresses");
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("Kestrel listens on no http address: " + string.Join(", ", addresses));
        // Browsers and HttpClient both reach the loopback address reliably; "[::]" or "localhost" may resolve elsewhere.
        var uri = new UriBuilder(address) { Host = "127.0.0.1", Path = "/" };
        return uri.Uri;
    }

    private static async Task WaitUntilLiveAsync(Uri baseAddress)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("health/live", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = new HttpRequestException($"/health/live answered {(int)response.StatusCode}");
            }
            catch (HttpRequestException ex)
            {
                last = ex;
            }
            catch (TaskCanceledException ex)
            {
                last = ex;
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"Entente.Web at {baseAddress} never became live", last);
    }

    private static string LocateResultsDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("ENTENTE_TEST_RESULTS");
        var root = !string.IsNullOrEmpty(fromEnvironment)
            ? fromEnvironment
            : Path.Combine(Entente.Testing.SharedData.RepositoryRoot, "TestResults");
        var directory = Path.Combine(root, "browser");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
