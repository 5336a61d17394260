using Entente.Testing;
using Entente.Application;
using Entente.Application.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Entente.Application.Tests;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>A fresh, migrated database on either provider, with the Application's services over it.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string _connectionString;

    private readonly IConfiguration _configuration;

    private TestDatabase(Provider provider, string connectionString, string? sqliteFile, IReadOnlyDictionary<string, string?>? settings)
    {
        Provider = provider;
        _connectionString = connectionString;
        _sqliteFile = sqliteFile;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Entente"] = connectionString,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>(StringComparer.Ordinal))
        {
            values[key] = value;
        }

        _configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        Services = BuildServices();
    }

    public Provider Provider { get; }

    public ServiceProvider Services { get; }

    /// <summary>A second, independent set of the Application's services over the same database and settings (as another process would have).</summary>
    public ServiceProvider BuildServices() => BuildServices(_configuration);

    /// <summary>Another process over the same database whose settings differ from this one's by <paramref name="changed"/> (a value of null removes a setting).</summary>
    public ServiceProvider BuildServices(IReadOnlyDictionary<string, string?> changed)
    {
        var values = _configuration.AsEnumerable().Where(pair => pair.Value is not null).ToDictionary(StringComparer.Ordinal);
        foreach (var (key, value) in changed)
        {
            values[key] = value;
        }

        return BuildServices(new ConfigurationBuilder().AddInMemoryCollection(values.Where(pair => pair.Value is not null)).Build());
    }

    private static ServiceProvider BuildServices(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddEntenteApplication(configuration);
        return services.BuildServiceProvider();
    }

    /// <param name="settings">Configuration added to the database's own, such as DataProtection:CertificatePath.</param>
    public static async Task<TestDatabase> CreateAsync(Provider provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        TestDatabase database;
        if (provider == Provider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), "entente-app-" + Guid.NewGuid().ToString("N") + ".db");
            database = new TestDatabase(provider, "Data Source=" + file + ";Default Timeout=30", file, settings);
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("ENTENTE_TEST_POSTGRES");
            if (string.IsNullOrEmpty(server))
            {
                Assert.Skip("ENTENTE_TEST_POSTGRES is not set: PostgreSQL tests run under ./test.sh, which starts a throwaway server.");
            }

            var builder = new NpgsqlConnectionStringBuilder(server) { Database = "entente_app_" + Guid.NewGuid().ToString("N")[..12] };
            database = new TestDatabase(provider, builder.ConnectionString, null, settings);
        }

        await using var scope = database.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await ThrowawayDatabase.DropAsync(_sqliteFile, _connectionString);
    }
}

public static class Providers
{
    public static TheoryData<Provider> All => new(Provider.Sqlite, Provider.Postgres);
}
