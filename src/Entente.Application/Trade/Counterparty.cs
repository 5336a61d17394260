using System.Collections.Frozen;
using System.Globalization;
using Entente.Application.Common;
using Entente.Application.Organisations;
using Entente.Application.Persistence;
using Entente.Core.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entente.Application.Trade;

/// <summary>
/// A consignee or end user that a member organisation names for its trade: the body that receives the goods, the body
/// that uses them, or both. Inside the community the importer is itself a vetted organisation; a counterparty is who
/// stands behind or beyond it (a ministry, a police force, a distributor, a buyer in a third country on re-transfer).
/// Each is screened when it is registered, when an amendment changes its name or country, and again on every list
/// version, so a later step can only name one that is not denied.
/// </summary>
public sealed class Counterparty
{
    public const int NameMaxLength = 200;
    public const int AddressMaxLength = 500;
    public const int NumberMaxLength = 64;
    public const int ReasonMaxLength = 1000;

    public Guid Id { get; set; }

    /// <summary>The member organisation that named it; its people read it and its compliance officer manages it.</summary>
    public Guid OrganisationId { get; set; }

    /// <summary>The naming organisation's party: that party's authority reviews the counterparty's screening hits.</summary>
    public string Party { get; set; } = string.Empty;

    /// <summary>The name in Latin script, as it appears on contracts and shipping documents.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The name in its own script (Cyrillic for a Russian body), when it has one; screened too.</summary>
    public string? NativeName { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code of the country where it is established.</summary>
    public string Country { get; set; } = string.Empty;

    public string Address { get; set; } = string.Empty;

    /// <summary>Its registration number in its own country, when known.</summary>
    public string? RegistrationNumber { get; set; }

    public bool IsConsignee { get; set; }

    public bool IsEndUser { get; set; }

    public CounterpartyStatus Status { get; set; }

    /// <summary>Why the status last changed, when a person changed it (a confirmed match, a withdrawal).</summary>
    public string? StatusReason { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public Guid RegisteredBy { get; set; }

    public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>Upper-cased names in both scripts, for case-insensitive search on every provider.</summary>
    public string SearchText { get; set; } = string.Empty;

    /// <summary>Optimistic concurrency: of a withdrawal, an amendment and a screening decision made at once, only one wins.</summary>
    public Guid Version { get; set; }

    /// <summary>The names screened against the lists.</summary>
    public IEnumerable<string> ScreenedNames()
    {
        yield return Name;
        if (!string.IsNullOrWhiteSpace(NativeName))
        {
            yield return NativeName;
        }
    }

    public static string BuildSearchText(string name, string? nativeName, string? registrationNumber) =>
        string.Join('\n', name, nativeName ?? string.Empty, registrationNumber ?? string.Empty).ToUpperInvariant();
}

/// <summary>Where a counterparty stands for trade.</summary>
public enum CounterpartyStatus
{
    /// <summary>Screened with no open hit: later steps may name it.</summary>
    Clear,

    /// <summary>A possible sanctions-list match awaits the authority's review: later steps may not name it yet.</summary>
    UnderReview,

    /// <summary>The authority confirmed a match: it may never be named again.</summary>
    Denied,

    /// <summary>The organisation no longer deals with it; kept for the record, no longer screened.</summary>
    Withdrawn,
}

/// <summary>A counterparty as its organisation's people and its authority see it.</summary>
public sealed record CounterpartyView(
    Guid Id,
    Guid OrganisationId,
    string OrganisationNameEn,
    string OrganisationNameRu,
    string Party,
    string Name,
    string? NativeName,
    string Country,
    string Address,
    string? RegistrationNumber,
    bool IsConsignee,
    bool IsEndUser,
    string Status,
    string? StatusReason,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? ChangedAt)
{
    internal static CounterpartyView From(Counterparty c, Organisation o) => new(
        c.Id, c.OrganisationId, o.LegalNameEn, o.LegalNameRu, c.Party, c.Name, c.NativeName, c.Country, c.Address, c.RegistrationNumber, c.IsConsignee, c.IsEndUser,
        c.Status.ToString(), c.StatusReason, c.RegisteredAt, c.ChangedAt);
}

/// <summary>
/// Who may see a counterparty: the people of the organisation that named it, and the authority officers and auditors
/// of that organisation's party. Everyone else is told it does not exist (404), so ids cannot be probed.
/// </summary>
public static class CounterpartyAccess
{
    public static bool CanRead(Actor actor, Counterparty counterparty) =>
        actor.BelongsTo(counterparty.OrganisationId) || actor.CanReadParty(counterparty.Party);

    public static Error NotFound(Guid id) => new Error.NotFound("counterparty-not-found", $"Counterparty {id} was not found.");

    /// <summary>
    /// The counterparty its organisation's compliance officer may still change (amend, withdraw), tracked: one the actor
    /// can read (else not found, so nothing is disclosed), of the actor's own organisation as its compliance officer
    /// (else <paramref name="notOfficer"/>), and neither denied nor withdrawn (else <paramref name="closed"/>).
    /// </summary>
    public static async Task<Result<Counterparty>> FindOpenForComplianceOfficerAsync(
        EntenteDbContext db, Actor actor, Guid id, string notOfficer, Func<CounterpartyStatus, string> closed, CancellationToken cancellationToken)
    {
        var counterparty = await db.Counterparties.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (counterparty is null || !CanRead(actor, counterparty))
        {
            return NotFound(id);
        }

        if (!actor.IsComplianceOfficerOf(counterparty.OrganisationId))
        {
            return new Error.Forbidden("not-compliance-officer", notOfficer);
        }

        return counterparty.Status is CounterpartyStatus.Denied or CounterpartyStatus.Withdrawn
            ? new Error.Conflict("counterparty-not-active", closed(counterparty.Status))
            : counterparty;
    }
}

/// <summary>ISO 3166-1 alpha-2 country codes, checked against the platform's region data, and their names for people.</summary>
public static class Countries
{
    /// <summary>
    /// English names the project keeps itself, for codes whose runtime name would not name the country the Russian table
    /// (and ISO 3166-1) means. CS is ISO's withdrawn code for Serbia and Montenegro, but the runtime's region data carries
    /// it as an old alias of Serbia and calls it "Serbia", the same as RS: an English page would then name a different
    /// country from the Russian one, and two codes alike. EH (Western Sahara) is assigned by ISO 3166-1 but missing from
    /// the runtime's region data on ICU, so without a name here an English page would show the bare code.
    /// </summary>
    private static readonly FrozenDictionary<string, string> OwnEnglishNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CS"] = "Serbia and Montenegro",
        ["EH"] = "Western Sahara",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The upper-cased code when <paramref name="code"/> names a country, otherwise null.</summary>
    public static string? Normalise(string? code)
    {
        var trimmed = code?.Trim().ToUpperInvariant();
        if (trimmed is not { Length: 2 } || !char.IsAsciiLetterUpper(trimmed[0]) || !char.IsAsciiLetterUpper(trimmed[1]))
        {
            return null;
        }

        // IV is the invariant culture's stand-in region ("Invariant Country"), which RegionInfo accepts but no country has.
        if (string.Equals(trimmed, "IV", StringComparison.Ordinal))
        {
            return null;
        }

        // An assigned code the runtime lacks is still a country (see OwnEnglishNames).
        if (OwnEnglishNames.ContainsKey(trimmed))
        {
            return trimmed;
        }

        try
        {
            // RegionInfo knows the assigned codes (all but those above) and refuses the rest; it is built into the runtime's globalisation data.
            return string.Equals(new RegionInfo(trimmed).TwoLetterISORegionName, trimmed, StringComparison.Ordinal) ? trimmed : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The country's name for a reader of <paramref name="culture"/>: its Russian short name when the culture's language is
    /// Russian, its English name otherwise, and the code itself when neither is known. For pages only: the API, the CLI and
    /// the log keep the code.
    /// </summary>
    public static string Name(string code, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);

        // The runtime's region data on ICU gives English (or the region's own language) whatever the culture, so Russian
        // comes from the project's own table.
        if (string.Equals(culture.TwoLetterISOLanguageName, "ru", StringComparison.Ordinal))
        {
            return RussianCountryNames.Find(code) ?? code;
        }

        return EnglishName(code);
    }

    /// <summary>The country's English name, or the code itself when neither the project nor the region data has one.</summary>
    public static string EnglishName(string code) =>
        Normalise(code) is not { } known ? code
        : OwnEnglishNames.TryGetValue(known, out var own) ? own
        : new RegionInfo(known).EnglishName;
}

internal sealed class CounterpartyConfiguration : IEntityTypeConfiguration<Counterparty>
{
    public void Configure(EntityTypeBuilder<Counterparty> builder)
    {
        builder.ToTable("counterparties");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Party).HasMaxLength(2).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(Counterparty.NameMaxLength).IsRequired();
        builder.Property(c => c.NativeName).HasMaxLength(Counterparty.NameMaxLength);
        builder.Property(c => c.Country).HasMaxLength(2).IsRequired();
        builder.Property(c => c.Address).HasMaxLength(Counterparty.AddressMaxLength).IsRequired();
        builder.Property(c => c.RegistrationNumber).HasMaxLength(Counterparty.NumberMaxLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.StatusReason).HasMaxLength(Counterparty.ReasonMaxLength);
        builder.Property(c => c.SearchText).HasMaxLength(1024).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.OrganisationId, c.Status });
        builder.HasIndex(c => new { c.Party, c.Status });
    }
}
