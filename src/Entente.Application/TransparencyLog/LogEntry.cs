namespace Entente.Application.TransparencyLog;

/// <summary>
/// One recorded state change. <see cref="Sequence"/> is gap-free and never reused; <see cref="Bytes"/> is the
/// canonical UTF-8 JSON of the entry exactly as written, which the transparency log hashes. Rows are only ever
/// inserted: nothing updates or deletes them.
/// </summary>
public sealed class LogEntry
{
    public long Sequence { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The acting user's id, or the empty id for the system.</summary>
    public Guid ActorId { get; set; }

    /// <summary>What happened, as a dotted name: <c>organisation.registered</c>, <c>token.revoked</c>.</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>What it happened to, as <c>kind/id</c>: <c>organisation/3f…</c>.</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>The organisation concerned, when there is one: lets pages filter the log by organisation.</summary>
    public Guid? OrganisationId { get; set; }

    public byte[] Bytes { get; set; } = [];
}
