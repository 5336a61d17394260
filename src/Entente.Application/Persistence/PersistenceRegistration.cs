using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Application.Persistence;

public static class PersistenceRegistration
{
    public const string ConnectionStringName = "Entente";

    private static readonly TransparencyLog.LogRowFlusher LogFlush = new();

    private static readonly Collated.SqliteRegistration SqliteCollations = new();

    /// <summary>
    /// Registers <see cref="EntenteDbContext"/> on the configured provider, each with its own migrations assembly,
    /// and keeps Data Protection keys in the database so every web node reads the same sign-in cookies; with
    /// <c>DataProtection:CertificatePath</c> set, those keys are stored encrypted to that certificate and read back with it
    /// or any of <c>DataProtection:PreviousCertificates</c>.
    /// </summary>
    public static IServiceCollection AddEntentePersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        services.AddDbContext<EntenteDbContext>(builder => Configure(builder, options, connectionString));
        var dataProtection = services.AddDataProtection().SetApplicationName("Entente").PersistKeysToDbContext<EntenteDbContext>();
        DataProtectionKeyOptions.From(configuration).ApplyTo(dataProtection);

        services.AddSingleton(TimeProvider.System);
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options, string? connectionString)
    {
        // Writes the transparency log's rows in bulk at each SaveChanges (see PendingLogRows).
        builder.AddInterceptors(LogFlush);
        if (string.Equals(options.Provider, "Postgres", StringComparison.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Entente is not set.");
            }

            builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly("Entente.Migrations.Postgres"));
        }
        else
        {
            // SQLite keeps collations per connection: the ones the sorts name are added as each connection opens.
            builder.AddInterceptors(SqliteCollations);
            builder.UseSqlite(string.IsNullOrWhiteSpace(connectionString) ? SqliteConnectionString(options.SqlitePath) : connectionString, sqlite => sqlite.MigrationsAssembly("Entente.Migrations.Sqlite"));
        }
    }

    /// <summary>A connection string for an SQLite file, creating its folder so a first start needs nothing.</summary>
    public static string SqliteConnectionString(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return new SqliteConnectionStringBuilder { DataSource = full, Cache = SqliteCacheMode.Default, DefaultTimeout = 30 }.ToString();
    }
}
