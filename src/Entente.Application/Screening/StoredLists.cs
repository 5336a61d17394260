namespace Entente.Application.Screening;

/// <summary>A sanctions list kept in the database (e.g. "ofac", "un", "uk", an internal list); each import is a version.</summary>
public sealed class StoredList
{
    public const int NameMaxLength = 64;

    public Guid Id { get; set; }

    /// <summary>The list's short name, reported with every match.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The format of its last import (ofac-csv, un-xml, uk-csv, entente-csv).</summary>
    public string Format { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The number of the current version (1 for the first import).</summary>
    public int CurrentVersion { get; set; }

    public Guid CurrentVersionId { get; set; }
}

/// <summary>One import of a list: who imported which file when, and how it differs from the version before.</summary>
public sealed class StoredListVersion
{
    public Guid Id { get; set; }

    public Guid ListId { get; set; }

    public int Number { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public Guid ImportedBy { get; set; }

    public string ImportedByName { get; set; } = string.Empty;

    public string SourceFileName { get; set; } = string.Empty;

    /// <summary>SHA-256 of the source file (of the sdn.csv for an OFAC set), lower-case hex.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public int EntityCount { get; set; }

    public int Added { get; set; }

    public int Changed { get; set; }

    public int Removed { get; set; }

    /// <summary>When every organisation was screened again against this version; null until then.</summary>
    public DateTimeOffset? RescreenedAt { get; set; }
}

/// <summary>One listed party of a list's current version.</summary>
public sealed class StoredListEntry
{
    public Guid ListId { get; set; }

    public string EntityId { get; set; } = string.Empty;

    public string EntityType { get; set; } = string.Empty;

    public string PrimaryName { get; set; } = string.Empty;

    /// <summary>The other names, as a JSON array of strings.</summary>
    public string Aliases { get; set; } = "[]";

    public string? Country { get; set; }

    /// <summary>SHA-256 of the entry's content, to tell a changed entry from an unchanged one on re-import.</summary>
    public string ContentHash { get; set; } = string.Empty;

    /// <summary>The list version in which the entry was last added or changed; a cleared hit stays cleared until it changes.</summary>
    public int Revision { get; set; }
}

public enum HitStatus
{
    Open = 0,
    Cleared = 1,
    Confirmed = 2,
}

/// <summary>A possible match of an organisation's legal name with a listed party, for the organisation's authority to review.</summary>
public sealed class ScreeningHit
{
    public const int ReasonMaxLength = 1000;

    public Guid Id { get; set; }

    /// <summary>The organisation screened, or the organisation that named the screened counterparty.</summary>
    public Guid OrganisationId { get; set; }

    /// <summary>The counterparty screened; null when the hit is on the organisation itself.</summary>
    public Guid? CounterpartyId { get; set; }

    /// <summary>The organisation's party: its authority reviews the hit.</summary>
    public string Party { get; set; } = string.Empty;

    public Guid ListId { get; set; }

    public string ListName { get; set; } = string.Empty;

    public string EntityId { get; set; } = string.Empty;

    /// <summary>The entry's revision (list version of its last change) that the hit was found against.</summary>
    public int EntryRevision { get; set; }

    /// <summary>The list version current when the hit was found.</summary>
    public int ListVersion { get; set; }

    public string EntityName { get; set; } = string.Empty;

    public string MatchedName { get; set; } = string.Empty;

    /// <summary>The organisation's legal name or the counterparty's name that was screened.</summary>
    public string ScreenedName { get; set; } = string.Empty;

    public double Score { get; set; }

    public string Explanation { get; set; } = string.Empty;

    public HitStatus Status { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public Guid? DecidedBy { get; set; }

    public string? Reason { get; set; }

    /// <summary>Optimistic concurrency: two officers deciding at once cannot both win.</summary>
    public Guid Version { get; set; }
}

/// <summary>A named lease, so that one web node of several does a piece of background work.</summary>
public sealed class ScreeningLease
{
    public const string Rescreen = "rescreen";

    public string Name { get; set; } = string.Empty;

    public string? Holder { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
