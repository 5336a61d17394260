using Entente.Application.Persistence;
using Entente.Core.TransparencyLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Entente.Application.TransparencyLog;

/// <summary>
/// Signs a checkpoint over the whole log when entries were added since the newest one (or when there is none yet).
/// Run by every node; the database makes it happen once: a try-lock on PostgreSQL (a node that does not get it
/// skips this round), the IMMEDIATE transaction's writer lock on SQLite.
/// </summary>
public sealed class CheckpointSigner(EntenteDbContext db, PlatformLogKey key, IOptions<TransparencyLogOptions> options, TimeProvider clock)
{
    internal const long PostgresCheckpointLockKey = 0x456e74656e7443;

    /// <summary>The new checkpoint, or null when nothing changed or another node is signing.</summary>
    public async Task<LogCheckpoint?> SignAsync(CancellationToken cancellationToken)
    {
        var signer = await key.GetSignerAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            var locked = await db.Database.SqlQueryRaw<bool>($"SELECT pg_try_advisory_xact_lock({PostgresCheckpointLockKey}) AS \"Value\"").SingleAsync(cancellationToken);
            if (!locked)
            {
                return null;
            }
        }

        var size = (await db.LogEntries.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? -1) + 1;
        var newest = await db.LogCheckpoints.MaxAsync(c => (long?)c.Size, cancellationToken);
        if (newest >= size)
        {
            return null;
        }

        var root = await LogNodes.RootAsync(db, size, cancellationToken);
        var note = SignedNote.Sign(new Checkpoint(options.Value.Origin, size, root).Format(), signer);
        var checkpoint = new LogCheckpoint { Size = size, RootHash = root, Note = note.Format(), SignedAt = clock.GetUtcNow() };
        db.LogCheckpoints.Add(checkpoint);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return checkpoint;
    }
}
