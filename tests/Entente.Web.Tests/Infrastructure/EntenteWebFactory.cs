using Entente.Testing;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Entente.Application.Common;
using Entente.Application.Identity;
using Entente.Application.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Entente.Web.Tests.Infrastructure;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The real web host over a fresh database: an SQLite file of its own, or a new PostgreSQL database on the server
/// named by ENTENTE_TEST_POSTGRES. Seeds the demo community, which the tests use as known actors.
/// </summary>
public sealed class EntenteWebFactory : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly string? _sqliteFile;

    public EntenteWebFactory(Provider provider)
    {
        Provider = provider;
        if (provider == Provider.Sqlite)
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), "entente-test-" + Guid.NewGuid().ToString("N") + ".db");
            _connectionString = "Data Source=" + _sqliteFile;
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("ENTENTE_TEST_POSTGRES") ?? throw new InvalidOperationException("ENTENTE_TEST_POSTGRES is not set.");
            var builder = new NpgsqlConnectionStringBuilder(server) { Database = "entente_web_" + Guid.NewGuid().ToString("N")[..12] };
            _connectionString = builder.ConnectionString;
        }
    }

    /// <summary>A second web node over the same database as <paramref name="first"/>: it owns nothing and deletes nothing.</summary>
    public EntenteWebFactory(EntenteWebFactory first)
    {
        Provider = first.Provider;
        _connectionString = first._connectionString;
        _isSecondNode = true;
    }

    private readonly bool _isSecondNode;

    public Provider Provider { get; }

    /// <summary>The GB authority's witness key, registered with the host (TransparencyLog:Witnesses:GB).</summary>
    public Entente.Application.TransparencyLog.NoteSigningKey GbWitnessKey { get; } = Entente.Application.TransparencyLog.Ed25519Keys.Generate("witness.gb.entente.example", cosigner: true);

    public static bool PostgresConfigured => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ENTENTE_TEST_POSTGRES"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Provider == Provider.Sqlite ? "Sqlite" : "Postgres");
        builder.UseSetting("ConnectionStrings:Entente", _connectionString);
        builder.UseSetting("Entente:SeedDemoCommunity", "true");
        builder.UseSetting("TransparencyLog:Witnesses:GB", GbWitnessKey.VerifierKey());

        // The background rescreen makes its first round at start (the seeded versions are already screened) and no
        // other during a run: a round after a test's import would open hits and append log entries at a moment no
        // test chooses, and tests that count the log's entries raced it. RescreenHandler is tested on its own.
        builder.UseSetting("Entente:Screening:RescreenIntervalSeconds", "86400");
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<int> CountLogEntriesAsync() => WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<EntenteDbContext>().LogEntries.Count()));

    /// <summary>An API client signed in as a seeded user through a personal token issued to them.</summary>
    public async Task<HttpClient> ClientForAsync(string email)
    {
        var token = await WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<EntenteUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("No user " + email);
            var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<EntenteUser>>().CreateAsync(user);
            var actor = ActorClaims.FromPrincipal(principal)!;
            var issued = await sp.GetRequiredService<ApiTokenService>().IssueAsync(actor, new IssueApiToken("test", 1), CancellationToken.None);
            return issued.Value!.Token;
        });
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<Guid> OrganisationIdAsync(string registrationNumber) => await WithScopeAsync(sp =>
        Task.FromResult(sp.GetRequiredService<EntenteDbContext>().Organisations.Single(o => o.RegistrationNumber == registrationNumber).Id));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_isSecondNode)
        {
            return;
        }

        await ThrowawayDatabase.DropAsync(_sqliteFile, _connectionString);
    }
}

/// <summary>One host per provider for the whole test run: starting one costs a migration and a seeding.</summary>
public sealed class Hosts : IAsyncDisposable
{
    private readonly Lazy<EntenteWebFactory> _sqlite = new(() => new EntenteWebFactory(Provider.Sqlite));
    private readonly Lazy<EntenteWebFactory> _postgres = new(() => new EntenteWebFactory(Provider.Postgres));

    public EntenteWebFactory For(Provider provider)
    {
        if (provider == Provider.Postgres && !EntenteWebFactory.PostgresConfigured)
        {
            Assert.Skip("ENTENTE_TEST_POSTGRES is not set: PostgreSQL tests run under ./test.sh, which starts a throwaway server.");
        }

        var factory = provider == Provider.Sqlite ? _sqlite.Value : _postgres.Value;
        _ = factory.Server; // start it
        return factory;
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlite.IsValueCreated)
        {
            await _sqlite.Value.DisposeAsync();
        }

        if (_postgres.IsValueCreated)
        {
            await _postgres.Value.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<Hosts>
{
    public const string Name = "web";
}

public static class Providers
{
    public static TheoryData<Provider> All => new(Provider.Sqlite, Provider.Postgres);
}

public static class Numbers
{
    private static readonly Random Random = new(20140127);
    private static readonly Lock Gate = new();

    public static string CompaniesHouse()
    {
        lock (Gate)
        {
            return Random.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public static string Ogrn()
    {
        lock (Gate)
        {
            var body = "1" + Random.NextInt64(10_000_000_000, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return body + (long.Parse(body, System.Globalization.CultureInfo.InvariantCulture) % 11 % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public static string Inn()
    {
        lock (Gate)
        {
            var body = Random.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            int[] weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
            var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
            return body + (sum % 11 % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

public static class Json
{
    public static string? LocationPath(this HttpResponseMessage response) => BrowserlessSession.LocationPath(response);

    public static Task<T> ReadAsync<T>(this HttpResponseMessage response) => response.Content.ReadFromJsonAsync<T>()!;
}
