using System.Linq.Expressions;
using Entente.Application.Persistence;
using Entente.Core.TransparencyLog;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.TransparencyLog;

/// <summary>Reads stored Merkle nodes: the few a proof or a root needs, in one query.</summary>
public static class LogNodes
{
    /// <summary>The perfect subtrees whose roots make up a tree of <paramref name="size"/> leaves, largest first.</summary>
    public static IEnumerable<MerkleNodeId> FrontierNodes(long size)
    {
        long start = 0;
        for (var level = 62; level >= 0; level--)
        {
            if ((size & (1L << level)) != 0)
            {
                yield return new MerkleNodeId(level, start >> level);
                start += 1L << level;
            }
        }
    }

    /// <summary>
    /// Fetches the listed nodes in one query (nodes appended but not yet saved in this context included). Throws when
    /// one is missing: the tree and the entries are written together, so a missing node is corruption.
    /// </summary>
    public static async Task<Dictionary<MerkleNodeId, byte[]>> ReadAsync(EntenteDbContext db, IReadOnlyCollection<MerkleNodeId> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<MerkleNodeId, byte[]>();
        var wanted = ids.Distinct().ToList();
        foreach (var local in PendingLogRows.Find(db)?.Nodes ?? [])
        {
            var id = new MerkleNodeId(local.Level, local.Index);
            if (wanted.Contains(id))
            {
                result[id] = local.Hash;
            }
        }

        var missing = wanted.Where(id => !result.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var rows = await db.LogNodes.AsNoTracking().Where(Matching(missing)).Select(n => new { n.Level, n.Index, n.Hash }).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                result[new MerkleNodeId(row.Level, row.Index)] = row.Hash;
            }
        }

        var absent = wanted.FirstOrDefault(id => !result.ContainsKey(id), new MerkleNodeId(-1, -1));
        if (absent.Level >= 0)
        {
            throw new InvalidOperationException($"The log's node ({absent.Level}, {absent.Index}) is missing from storage.");
        }

        return result;
    }

    /// <summary>The root of the stored tree at <paramref name="size"/>, from its frontier nodes.</summary>
    public static async Task<byte[]> RootAsync(EntenteDbContext db, long size, CancellationToken cancellationToken)
    {
        var nodes = await ReadAsync(db, FrontierNodes(size).ToList(), cancellationToken);
        return new CompactMerkleTree(size, new DictionaryMerkleNodeReader(nodes)).Root();
    }

    // (level = a AND index = b) OR …: one query whatever the number of nodes (at most ~2·64 for a proof).
    private static Expression<Func<LogNode, bool>> Matching(IReadOnlyList<MerkleNodeId> ids)
    {
        var node = Expression.Parameter(typeof(LogNode), "n");
        Expression? body = null;
        foreach (var id in ids)
        {
            var term = Expression.AndAlso(
                Expression.Equal(Expression.Property(node, nameof(LogNode.Level)), Parameter(id.Level)),
                Expression.Equal(Expression.Property(node, nameof(LogNode.Index)), Parameter(id.Index)));
            body = body is null ? term : Expression.OrElse(body, term);
        }

        return Expression.Lambda<Func<LogNode, bool>>(body ?? Expression.Constant(false), node);
    }

    // A closure member rather than a constant, so the values are sent as parameters, not spliced into the SQL.
    private static MemberExpression Parameter<T>(T value) => Expression.Property(Expression.Constant(new Box<T>(value)), nameof(Box<T>.Value));

    private sealed record Box<T>(T Value);
}
