using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Entente.Application.Persistence;

/// <summary>Brings the database to the newest schema. Safe to run on every start and from several nodes.</summary>
public sealed class DatabaseMigrator(EntenteDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers proceed while one writer commits; the setting persists in the file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (pending.Count > 0)
        {
            logger.LogInformation("Applied {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        }

        return pending;
    }
}
