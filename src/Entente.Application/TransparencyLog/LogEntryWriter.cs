using System.Text;
using System.Text.Json;
using Entente.Application.Common;
using Entente.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.TransparencyLog;

/// <summary>
/// Appends log entries inside the caller's transaction, so a state change and its record commit together or not
/// at all. The next sequence number is read under a database lock (an advisory transaction lock on PostgreSQL, the
/// single-writer lock of an IMMEDIATE transaction on SQLite): two web nodes can never take the same number, and a
/// rolled-back transaction leaves no gap because its number was never committed.
/// </summary>
public sealed class LogEntryWriter(EntenteDbContext db, TimeProvider clock)
{
    // Any constant works; it only has to be the same on every node.
    private const long PostgresAppendLockKey = 0x456e74656e7465;

    public async Task<LogEntry> AppendAsync(Actor actor, string action, string subject, Guid? organisationId, IReadOnlyDictionary<string, object?> payload, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A log entry must be appended inside the transaction of the change it records.");
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresAppendLockKey})", cancellationToken);
        }

        var last = await db.LogEntries.MaxAsync(e => (long?)e.Sequence, cancellationToken);
        var pending = db.ChangeTracker.Entries<LogEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Sequence).DefaultIfEmpty(-1).Max();
        var sequence = Math.Max(last ?? -1, pending) + 1;
        var now = clock.GetUtcNow();
        var entry = new LogEntry
        {
            Sequence = sequence,
            RecordedAt = now,
            ActorId = actor.UserId,
            Action = action,
            Subject = subject,
            OrganisationId = organisationId,
            Bytes = Canonical(sequence, now, actor, action, subject, payload),
        };
        db.LogEntries.Add(entry);
        return entry;
    }

    /// <summary>
    /// The entry's canonical JSON: fixed member order, payload members sorted by ordinal key, no insignificant
    /// whitespace, UTC time with a fixed format. These bytes are stored and hashed as they are, never re-serialised.
    /// Personal data stays out: the payload carries ids, codes and decisions, not names of people.
    /// </summary>
    internal static byte[] Canonical(long sequence, DateTimeOffset time, Actor actor, string action, string subject, IReadOnlyDictionary<string, object?> payload)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("sequence", sequence);
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
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static string Decode(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
