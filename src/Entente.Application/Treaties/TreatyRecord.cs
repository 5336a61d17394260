using Entente.Core.Treaties;

namespace Entente.Application.Treaties;

/// <summary>
/// Where a treaty stands on this installation: its lifecycle status, the version in force, and the step under way. The
/// row is a summary kept for reading; the lifecycle itself is re-derived from <see cref="TreatyEvent"/>s, which are only
/// ever appended, so nothing that happened to the treaty can be lost or rewritten.
/// </summary>
public sealed class TreatyRecord
{
    /// <summary>Longest reason a suspension may give.</summary>
    public const int ReasonMaxLength = 1000;

    /// <summary>The treaty file's id (<c>gb-ru-2014</c>).</summary>
    public string TreatyId { get; set; } = string.Empty;

    /// <summary>The version every assessment applies (<c>gb-ru-2014/1</c>); changes only when both authorities accept an amendment.</summary>
    public string VersionInForce { get; set; } = string.Empty;

    public TreatyStatus Status { get; set; }

    /// <summary>Authority codes that have agreed to the step now under way (signature, ratification or resumption), comma-separated.</summary>
    public string PendingAgreement { get; set; } = string.Empty;

    /// <summary>The authority that suspended the treaty, while it is suspended.</summary>
    public string? SuspendedBy { get; set; }

    public string? SuspensionReason { get; set; }

    public string? TerminatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Concurrency token: two authorities acting at the same moment cannot both win on a stale state.</summary>
    public Guid Version { get; set; }
}

/// <summary>What happened to a treaty, one row per step.</summary>
// CA1720: "Signed" is the treaty's own word for the step, not a type name.
#pragma warning disable CA1720
public enum TreatyEventKind
{
    Signed = 0,
    Ratified = 1,
    Suspended = 2,
    ResumptionConsented = 3,
    Terminated = 4,
    AmendmentProposed = 5,
    AmendmentAccepted = 6,
}
#pragma warning restore CA1720

/// <summary>One step in a treaty's history, as taken by one authority. Rows are only inserted.</summary>
public sealed class TreatyEvent
{
    public long Id { get; set; }

    public string TreatyId { get; set; } = string.Empty;

    /// <summary>1, 2, 3… per treaty: the order the steps were taken in.</summary>
    public int Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public TreatyEventKind Kind { get; set; }

    /// <summary>The acting authority's code (<c>GB-MOD</c>).</summary>
    public string Authority { get; set; } = string.Empty;

    /// <summary>The acting authority's party (<c>GB</c>).</summary>
    public string Party { get; set; } = string.Empty;

    public Guid ActorId { get; set; }

    /// <summary>The status the step left the treaty in.</summary>
    public TreatyStatus StatusAfter { get; set; }

    /// <summary>The version in force after the step.</summary>
    public string VersionInForce { get; set; } = string.Empty;

    /// <summary>For amendment steps: the version proposed or accepted.</summary>
    public string? AmendmentVersion { get; set; }

    /// <summary>A suspension's reason.</summary>
    public string? Reason { get; set; }
}

/// <summary>Where a proposed amendment stands.</summary>
public enum AmendmentStatus
{
    Proposed = 0,
    InForce = 1,
    Superseded = 2,
}

/// <summary>A new version of a treaty file, proposed by one authority; it takes effect once every authority has accepted it.</summary>
public sealed class TreatyAmendment
{
    public Guid Id { get; set; }

    public string TreatyId { get; set; } = string.Empty;

    /// <summary>The version the file declares (<c>gb-ru-2014/2</c>); unique per treaty.</summary>
    public string TreatyVersion { get; set; } = string.Empty;

    /// <summary>The treaty file, exactly as proposed (validated at proposal).</summary>
    public string TreatyJson { get; set; } = string.Empty;

    public AmendmentStatus Status { get; set; }

    public string ProposedBy { get; set; } = string.Empty;

    /// <summary>Authority codes that have accepted, comma-separated (the proposer accepts by proposing).</summary>
    public string AcceptedBy { get; set; } = string.Empty;

    public DateTimeOffset ProposedAt { get; set; }

    public DateTimeOffset? InForceAt { get; set; }
}
