using Entente.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Persistence;

public static class Transactions
{
    /// <summary>
    /// Runs a use case in one database transaction and commits only when it succeeds: a failure value or an
    /// exception rolls everything back, so no half-written rows and no log entry without its change. The commit is
    /// explicit here rather than hidden in a filter, because in an audit-sensitive system it must be visible.
    /// </summary>
    public static async Task<Result<T>> InTransactionAsync<T>(this EntenteDbContext db, Func<Task<Result<T>>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Result<T> result;
        try
        {
            result = await work();
            if (result.IsSuccess)
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return new Error.Conflict("concurrent-change", "Someone else changed this record at the same time. Reload and try again.");
        }
        catch (DbUpdateException exception) when (IsUniqueViolation(exception))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return new Error.Conflict("duplicate", "A record with the same identifying values already exists.");
        }

        await transaction.RollbackAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        return result;
    }

    private static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        Npgsql.PostgresException postgres => postgres.SqlState == "23505",
        _ => false,
    };
}
