using System.Text;
using System.Text.Json;
using Entente.Application.Common;
using Entente.Application.Persistence;
using Entente.Core.TransparencyLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Entente.Application.TransparencyLog;

/// <summary>
/// Appends log entries inside the caller's transaction, so a state change, its record and the Merkle nodes the
/// record completes commit together or not at all. The next sequence number is read under a database lock (an
/// advisory transaction lock on PostgreSQL, the single-writer lock of an IMMEDIATE transaction on SQLite): two web
/// nodes can never take the same number, and a rolled-back transaction leaves no gap because its number was never
/// committed. Each entry links to its predecessor's leaf hash (<see cref="LogEntryLink"/>), which the lock makes
/// well defined: the predecessor is committed, or pending in this same transaction.
/// </summary>
public sealed class LogEntryWriter(EntenteDbContext db, TimeProvider clock)
{
    // Any constant works; it only has to be the same on every node.
    internal const long PostgresAppendLockKey = 0x456e74656e7465;

    private CompactMerkleTree? _tree;
    private byte[] _lastLeaf = [];
    private IDbContextTransaction? _treeTransaction;

    public async Task<LogEntry> AppendAsync(Actor actor, string action, string subject, Guid? organisationId, IReadOnlyDictionary<string, object?> payload, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A log entry must be appended inside the transaction of the change it records.");

        // Within one transaction the lock is already held and the tree in memory is the truth: later appends
        // (group commit) need no query at all.
        if (_tree is null || !ReferenceEquals(_treeTransaction, transaction))
        {
            await LoadTreeAsync(cancellationToken);
            _treeTransaction = transaction;
        }

        var tree = _tree!;
        var sequence = tree.Size;
        var now = clock.GetUtcNow();
        var bytes = Canonical(sequence, _lastLeaf, now, actor, action, subject, payload);
        var leaf = MerkleHashing.HashLeaf(bytes);
        var rows = PendingLogRows.For(db);
        tree.Append(leaf, new PendingNodeWriter(rows));
        _lastLeaf = leaf;
        var entry = new LogEntry
        {
            Sequence = sequence,
            RecordedAt = now,
            ActorId = actor.UserId,
            Action = action,
            Subject = subject,
            OrganisationId = organisationId,
            Bytes = bytes,
        };
        rows.Entries.Add(entry);
        return entry;
    }

    private async Task LoadTreeAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresAppendLockKey})", cancellationToken);
        }
        else
        {
            // EF begins SQLite transactions IMMEDIATE, which already holds the writer lock; should a caller have begun
            // a deferred one, this empty write takes the lock now, before the size is read.
            await db.Database.ExecuteSqlRawAsync("DELETE FROM log_nodes WHERE 0", cancellationToken);
        }

        // Rows appended earlier in this context but not yet saved belong to a transaction that has ended (the tree is
        // reloaded only when the transaction changes): they are stale, and must not be written into this one.
        var pendingRows = PendingLogRows.For(db);
        pendingRows.Clear();
        pendingRows.Transaction = db.Database.CurrentTransaction;
        var last = await db.LogEntries.MaxAsync(e => (long?)e.Sequence, cancellationToken);
        var size = (last ?? -1) + 1;
        var wanted = LogNodes.FrontierNodes(size).ToList();
        if (size > 0)
        {
            wanted.Add(new MerkleNodeId(0, size - 1));
        }

        var nodes = await LogNodes.ReadAsync(db, wanted, cancellationToken);
        _tree = new CompactMerkleTree(size, new DictionaryMerkleNodeReader(nodes));
        _lastLeaf = size > 0 ? nodes[new MerkleNodeId(0, size - 1)] : [];
    }

    /// <summary>
    /// The entry's canonical JSON: <c>sequence</c> and <c>previous</c> first (<see cref="LogEntryLink"/>), then fixed
    /// member order, payload members sorted by ordinal key, no insignificant whitespace, UTC time with a fixed format.
    /// These bytes are stored and hashed as they are, never re-serialised. Personal data stays out: the payload
    /// carries ids, codes and decisions, not names of people.
    /// </summary>
    internal static byte[] Canonical(long sequence, ReadOnlySpan<byte> previousLeaf, DateTimeOffset time, Actor actor, string action, string subject, IReadOnlyDictionary<string, object?> payload) =>
        LogEntryLink.Write(sequence, previousLeaf, writer =>
        {
            writer.WriteString("time", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("actor", actor.UserId == Guid.Empty ? "system" : actor.UserId.ToString("D"));
            writer.WriteString("action", action);
            writer.WriteString("subject", subject);
            writer.WritePropertyName("payload");
            writer.WriteStartObject();
            foreach (var (key, value) in payload.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(key);
                JsonSerializer.Serialize(writer, value, value?.GetType() ?? typeof(object));
            }

            writer.WriteEndObject();
        });

    public static string Decode(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private sealed class PendingNodeWriter(PendingLogRows rows) : IMerkleNodeWriter
    {
        public void WriteNode(int level, long index, ReadOnlySpan<byte> hash) =>
            rows.Nodes.Add(new LogNode { Level = level, Index = index, Hash = hash.ToArray() });
    }
}
