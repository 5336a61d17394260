using Entente.Application.Persistence;
using Entente.Core.Screening;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Screening;

/// <summary>The screening index of every stored list's current version, with what a hit needs to know about each entity.</summary>
public sealed class ScreeningSnapshot
{
    internal ScreeningSnapshot(string stamp, ScreeningIndex index, IReadOnlyDictionary<string, (Guid Id, int Version)> lists, IReadOnlyDictionary<(string List, string EntityId), int> revisions)
    {
        Stamp = stamp;
        Index = index;
        Lists = lists;
        Revisions = revisions;
    }

    /// <summary>Identifies the set of list versions indexed.</summary>
    public string Stamp { get; }

    public ScreeningIndex Index { get; }

    /// <summary>List name → its id and current version number.</summary>
    public IReadOnlyDictionary<string, (Guid Id, int Version)> Lists { get; }

    /// <summary>(list name, entity id) → the entry's revision.</summary>
    public IReadOnlyDictionary<(string List, string EntityId), int> Revisions { get; }

    public bool IsEmpty => Lists.Count == 0;
}

/// <summary>
/// One in-memory index per process (per web node), rebuilt when a list gets a new version: each use reads the current
/// version ids (one small query) and rebuilds only when they differ from the indexed ones.
/// </summary>
public sealed class ScreeningIndexCache : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile ScreeningSnapshot? _current;

    public void Dispose() => _gate.Dispose();

    public async Task<ScreeningSnapshot> GetAsync(EntenteDbContext db, CancellationToken cancellationToken)
    {
        var stamp = await StampAsync(db, cancellationToken);
        if (_current is { } current && string.Equals(current.Stamp, stamp, StringComparison.Ordinal))
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } again && string.Equals(again.Stamp, stamp, StringComparison.Ordinal))
            {
                return again;
            }

            var built = await BuildAsync(db, stamp, cancellationToken);
            _current = built;
            return built;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<string> StampAsync(EntenteDbContext db, CancellationToken cancellationToken)
    {
        var versions = await db.ScreeningLists.AsNoTracking().Select(l => l.CurrentVersionId).ToListAsync(cancellationToken);
        versions.Sort();
        return string.Join(',', versions);
    }

    private static async Task<ScreeningSnapshot> BuildAsync(EntenteDbContext db, string stamp, CancellationToken cancellationToken)
    {
        var lists = await db.ScreeningLists.AsNoTracking().OrderBy(l => l.Name).ToListAsync(cancellationToken);
        var sanctionsLists = new List<SanctionsList>(lists.Count);
        var revisions = new Dictionary<(string, string), int>();
        foreach (var list in lists)
        {
            var rows = await db.ScreeningListEntries.AsNoTracking().Where(e => e.ListId == list.Id).ToListAsync(cancellationToken);
            var entries = new List<ListEntry>(rows.Count);
            foreach (var row in rows)
            {
                entries.Add(ImportListHandler.FromRow(row));
                revisions[(list.Name, row.EntityId)] = row.Revision;
            }

            sanctionsLists.Add(new SanctionsList(list.Name, entries));
        }

        return new ScreeningSnapshot(
            stamp,
            ScreeningIndex.Build(sanctionsLists),
            lists.ToDictionary(l => l.Name, l => (l.Id, l.CurrentVersion), StringComparer.Ordinal),
            revisions);
    }
}
