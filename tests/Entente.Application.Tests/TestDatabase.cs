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

    private TestDatabase(Provider provider, string connectionString, string? sqliteFile)
    {
        Provider = provider;
        _connectionString = connectionString;
        _sqliteFile = sqliteFile;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Entente"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddEntenteApplication(configuration);
        Services = services.BuildServiceProvider();
    }

    public Provider Provider { get; }

    public ServiceProvider Services { get; }

    public static async Task<TestDatabase> CreateAsync(Provider provider)
    {
        TestDatabase database;
        if (provider == Provider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), "entente-app-" + Guid.NewGuid().ToString("N") + ".db");
            database = new TestDatabase(provider, "Data Source=" + file + ";Default Timeout=30", file);
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("ENTENTE_TEST_POSTGRES");
            if (string.IsNullOrEmpty(server))
            {
                Assert.Skip("ENTENTE_TEST_POSTGRES is not set: PostgreSQL tests run under ./test.sh, which starts a throwaway server.");
            }

            var builder = new NpgsqlConnectionStringBuilder(server) { Database = "entente_app_" + Guid.NewGuid().ToString("N")[..12] };
            database = new TestDatabase(provider, builder.ConnectionString, null);
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
