using Entente.Application.Persistence;
using Entente.Core.TransparencyLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Entente.Application.TransparencyLog;

/// <summary>The stored log as the contract's export: the entries the newest checkpoint covers, that checkpoint, and the keys.</summary>
public static class LogExporter
{
    /// <summary>
    /// Signs a checkpoint first when entries were appended since the newest one, so that the export covers every
    /// entry. Null only when no checkpoint exists and none could be signed (another node holds the signing lock).
    /// </summary>
    public static async Task<LogExport?> ExportAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<CheckpointSigner>().SignAsync(cancellationToken);
        var db = services.GetRequiredService<EntenteDbContext>();
        var checkpoint = await db.LogCheckpoints.AsNoTracking().OrderByDescending(c => c.Size).FirstOrDefaultAsync(cancellationToken);
        if (checkpoint is null)
        {
            return null;
        }

        var options = services.GetRequiredService<IOptions<TransparencyLogOptions>>().Value;
        var platform = await services.GetRequiredService<PlatformLogKey>().GetSignerAsync(cancellationToken);
        var entries = await db.LogEntries.AsNoTracking().Where(e => e.Sequence < checkpoint.Size).OrderBy(e => e.Sequence).Select(e => e.Bytes).ToListAsync(cancellationToken);
        return new LogExport
        {
            Origin = options.Origin,
            Checkpoint = checkpoint.Note,
            VerifierKeys = [platform.VerifierKey, .. options.Witnesses.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => w.Value)],
            Entries = entries,
        };
    }
}
