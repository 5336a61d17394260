using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Entente.Web.Tests.Infrastructure;

/// <summary>
/// Never log personal data or key material: a host of its own, with every log line it writes under its configured
/// levels captured, is taken through sign-in (right and wrong), two-factor, token issue and use, registration and
/// bad requests, and no captured line names a person, an address, a password, a code or a token.
/// </summary>
public sealed class LoggingTests
{
    private const string Password = "Entente-Demo-2014";

    [Fact]
    public async Task Logs_NameNoPersonAndNoSecret_WhenPeopleSignInRegisterAndUseTheApi()
    {
        var ct = TestContext.Current.CancellationToken;
        var capture = new CapturingLoggerProvider();
        await using var host = new EntenteWebFactory(Provider.Sqlite);
        // Information for everything, as a node runs when its settings file is not found or an operator turns it up.
        await using var factory = host.WithWebHostBuilder(builder => builder
            .UseSetting("Logging:LogLevel:Default", "Information")
            .UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Information")
            .UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Information")
            .ConfigureLogging(logging => logging.AddProvider(capture)));
        var number = Numbers.CompaniesHouse();
        var secrets = new List<string> { Password, "member@albion.example", "officer@ecju.example", "Wrong-Password-2014", $"officer{number}@test.example", $"desk{number}@test.example", "Hermione Logtest", "+44 20 7946 0958", "Screenedova" };

        var member = new BrowserlessSession(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await member.SignInAsync("member@albion.example", Password, null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.SubmitAsync("/account/sign-in", "sign-in", new Dictionary<string, string>(StringComparer.Ordinal) { ["Input.Email"] = "officer@ecju.example", ["Input.Password"] = "Wrong-Password-2014" })).StatusCode);
        var officer = new BrowserlessSession(factory);
        var code = Entente.Testing.Totp.Code("JBSWY3DPEHPK3PXPGBOFFICR", DateTimeOffset.UtcNow);
        secrets.Add(code);
        var first = await officer.SubmitAsync("/account/sign-in", "sign-in", new Dictionary<string, string>(StringComparer.Ordinal) { ["Input.Email"] = "officer@ecju.example", ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync(first.LocationPath()!, "two-factor", new Dictionary<string, string>(StringComparer.Ordinal) { ["Input.Code"] = code })).StatusCode);

        var issued = await member.SubmitAsync("/account/tokens", "issue-token", new Dictionary<string, string>(StringComparer.Ordinal) { ["Input.Name"] = "logging", ["Input.Days"] = "1" });
        var token = System.Text.RegularExpressions.Regex.Match(await issued.Content.ReadAsStringAsync(ct), "id=\"new-token\">(ent_[^<]+)<").Groups[1].Value;
        Assert.StartsWith("ent_", token, StringComparison.Ordinal);
        secrets.Add(token);
        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me", ct)).StatusCode);
        var forged = factory.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/me", ct)).StatusCode);

        var registered = await factory.CreateClient().PostAsJsonAsync("/api/v1/organisations", new
        {
            legalNameEn = "Logtest Gauges Ltd " + number,
            legalNameRu = "Логтест " + number,
            party = "GB",
            registrationNumber = number,
            address = "1 Test Street, Bristol",
            contactName = "Hermione Logtest",
            contactEmail = $"desk{number}@test.example",
            contactPhone = "+44 20 7946 0958",
            officerEmail = $"officer{number}@test.example",
            officerDisplayName = "Hermione Logtest",
            officerPassword = Password,
        }, ct);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync("/api/v1/tokens", new StringContent("{\"name\": \"" + Password, System.Text.Encoding.UTF8, "application/json"), ct)).StatusCode);

        // A person's name searched and screened travels in the query string.
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/directory?q=Screenedova")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/directory?search=Screenedova", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/screening/search", new { name = "Screenedova" }, ct)).StatusCode);

        Assert.Contains(capture.Lines, line => line.Contains("Microsoft.AspNetCore", StringComparison.Ordinal));
        var forms = secrets.SelectMany(secret => new[] { secret, Uri.EscapeDataString(secret), System.Net.WebUtility.UrlEncode(secret) }).Distinct(StringComparer.Ordinal).ToList();
        var leaks = capture.Lines.Where(line => forms.Any(secret => line.Contains(secret, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, "logged personal data or a secret:\n" + string.Join("\n", leaks));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                // The structured values too: a sink that stores them would keep what the message leaves out.
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => p.Key + "=" + p.Value)) : "";
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {values} {exception}");
            }
        }
    }
}
