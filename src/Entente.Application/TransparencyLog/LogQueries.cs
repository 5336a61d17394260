using Entente.Application.Common;
using Entente.Application.Organisations;
using Entente.Application.Persistence;
using Entente.Core.TransparencyLog;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.TransparencyLog;

/// <summary>One entry as served: its index and its stored bytes, never re-serialised.</summary>
public sealed record ServedEntry(long Index, byte[] Entry);

public sealed record InclusionProofAnswer(long Index, long Size, IReadOnlyList<byte[]> Hashes);

public sealed record ConsistencyProofAnswer(long From, long Size, IReadOnlyList<byte[]> Hashes);

/// <summary>Filters for the log page: action kind, organisation, and a UTC date range (inclusive days).</summary>
public sealed record LogFilter(string? Action, Guid? OrganisationId, DateOnly? From, DateOnly? To, bool OldestFirst, int? Page, int? PageSize);

/// <summary>One entry decoded for reading: the stored row's columns, its organisation's name when it has one.</summary>
/// <param name="ReaderMayOpenOrganisation">
/// The reader may open the organisation's page (<see cref="OrganisationAccess.CanRead(Actor, Guid, string)"/>): the log
/// names the other party's organisations too, whose pages answer 404 to this reader, so those are not links.
/// </param>
public sealed record LogRow(long Sequence, DateTimeOffset RecordedAt, string Action, string Subject, Guid? OrganisationId, string? OrganisationName, bool ReaderMayOpenOrganisation);

/// <summary>Reads the log: the newest checkpoint, entries by range, and proofs from O(log n) stored nodes.</summary>
public sealed class LogQueries(EntenteDbContext db)
{
    public const int MaxEntriesPerCall = 1000;

    /// <summary>
    /// Entries for the log page, newest first unless asked otherwise, filtered and paged. Every entry and name is shown
    /// to every reader of the log; <paramref name="reader"/> only decides which organisations it may open.
    /// </summary>
    public async Task<Page<LogRow>> ListAsync(Actor reader, LogFilter filter, CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Clamp(filter.Page, filter.PageSize);
        var query = db.LogEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action);
        }

        if (filter.OrganisationId is { } organisation)
        {
            query = query.Where(e => e.OrganisationId == organisation);
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(e => e.RecordedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(e => e.RecordedAt < end);
        }

        var total = await query.CountAsync(cancellationToken);
        query = filter.OldestFirst ? query.OrderBy(e => e.Sequence) : query.OrderByDescending(e => e.Sequence);
        var rows = await query.Skip((page - 1) * size).Take(size)
            .Select(e => new { e.Sequence, e.RecordedAt, e.Action, e.Subject, e.OrganisationId })
            .ToListAsync(cancellationToken);
        var ids = rows.Where(r => r.OrganisationId.HasValue).Select(r => r.OrganisationId!.Value).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.LegalNameEn, o.Party })
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        return new Page<LogRow>(
            rows.Select(r =>
            {
                var organisation = r.OrganisationId is { } id && organisations.TryGetValue(id, out var found) ? found : null;
                var mayOpen = organisation is not null && OrganisationAccess.CanRead(reader, organisation.Id, organisation.Party);
                return new LogRow(r.Sequence, r.RecordedAt, r.Action, r.Subject, r.OrganisationId, organisation?.LegalNameEn, mayOpen);
            }).ToList(),
            page, size, total);
    }

    /// <summary>The organisations the log mentions, by English name, for the filter.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> OrganisationsAsync(CancellationToken cancellationToken)
    {
        var ids = db.LogEntries.Where(e => e.OrganisationId != null).Select(e => e.OrganisationId!.Value).Distinct();
        var rows = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.LegalNameEn).Select(o => new { o.Id, o.LegalNameEn }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.LegalNameEn)).ToList();
    }

    /// <summary>The action kinds recorded so far, for the filter.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken) =>
        await db.LogEntries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);

    /// <summary>
    /// A C2SP tlog-proof of one entry against the newest checkpoint, with its cosignatures: what an outside party
    /// checks offline. An entry newer than the newest checkpoint cannot be proven until the next one is signed.
    /// </summary>
    public async Task<Result<string>> TlogProofAsync(long index, CancellationToken cancellationToken)
    {
        var checkpoint = await NewestCheckpointAsync(cancellationToken);
        if (checkpoint is null || index >= checkpoint.Size)
        {
            return new Error.Conflict("not-yet-checkpointed", "This entry is not covered by a signed checkpoint yet; try again in a few seconds.");
        }

        if (index < 0)
        {
            return Error.Invalid("index", "must be 0 or more.");
        }

        var nodes = await LogNodes.ReadAsync(db, MerkleProofs.InclusionProofNodes(index, checkpoint.Size), cancellationToken);
        var proof = MerkleProofs.InclusionProof(new DictionaryMerkleNodeReader(nodes), index, checkpoint.Size);
        return new TlogProof(null, index, proof, checkpoint.Note).Format();
    }

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
