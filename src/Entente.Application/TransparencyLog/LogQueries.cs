using Entente.Application.Common;
using Entente.Application.Persistence;
using Entente.Core.TransparencyLog;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.TransparencyLog;

/// <summary>One entry as served: its index and its stored bytes, never re-serialised.</summary>
public sealed record ServedEntry(long Index, byte[] Entry);

public sealed record InclusionProofAnswer(long Index, long Size, IReadOnlyList<byte[]> Hashes);

public sealed record ConsistencyProofAnswer(long From, long Size, IReadOnlyList<byte[]> Hashes);

/// <summary>Reads the log: the newest checkpoint, entries by range, and proofs from O(log n) stored nodes.</summary>
public sealed class LogQueries(EntenteDbContext db)
{
    public const int MaxEntriesPerCall = 1000;

    public async Task<LogCheckpoint?> NewestCheckpointAsync(CancellationToken cancellationToken) =>
        await db.LogCheckpoints.AsNoTracking().OrderByDescending(c => c.Size).FirstOrDefaultAsync(cancellationToken);

    public async Task<long> SizeAsync(CancellationToken cancellationToken) =>
        (await db.LogEntries.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? -1) + 1;

    public async Task<Result<IReadOnlyList<ServedEntry>>> EntriesAsync(long start, long end, CancellationToken cancellationToken)
    {
        if (start < 0)
        {
            return Error.Invalid("start", "must be 0 or more.");
        }

        if (end <= start)
        {
            return Error.Invalid("end", "must be greater than start.");
        }

        if (end - start > MaxEntriesPerCall)
        {
            return Error.Invalid("end", $"at most {MaxEntriesPerCall} entries per call.");
        }

        var rows = await db.LogEntries.AsNoTracking().Where(e => e.Sequence >= start && e.Sequence < end).OrderBy(e => e.Sequence)
            .Select(e => new ServedEntry(e.Sequence, e.Bytes)).ToListAsync(cancellationToken);
        return rows;
    }

    public async Task<Result<InclusionProofAnswer>> InclusionProofAsync(long index, long size, CancellationToken cancellationToken)
    {
        var logSize = await SizeAsync(cancellationToken);
        if (size < 1 || size > logSize)
        {
            return Error.Invalid("size", $"must be between 1 and the log's size ({logSize}).");
        }

        if (index < 0 || index >= size)
        {
            return Error.Invalid("index", "must be 0 or more and below size.");
        }

        var nodes = await LogNodes.ReadAsync(db, MerkleProofs.InclusionProofNodes(index, size), cancellationToken);
        return new InclusionProofAnswer(index, size, MerkleProofs.InclusionProof(new DictionaryMerkleNodeReader(nodes), index, size));
    }

    public async Task<Result<ConsistencyProofAnswer>> ConsistencyProofAsync(long from, long size, CancellationToken cancellationToken)
    {
        var logSize = await SizeAsync(cancellationToken);
        if (size < 1 || size > logSize)
        {
            return Error.Invalid("size", $"must be between 1 and the log's size ({logSize}).");
        }

        if (from < 1 || from > size)
        {
            return Error.Invalid("from", "must be between 1 and size (the empty tree needs no proof).");
        }

        var nodes = await LogNodes.ReadAsync(db, MerkleProofs.ConsistencyProofNodes(from, size), cancellationToken);
        return new ConsistencyProofAnswer(from, size, MerkleProofs.ConsistencyProof(new DictionaryMerkleNodeReader(nodes), from, size));
    }
}
