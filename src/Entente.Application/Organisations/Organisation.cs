using Entente.Core.Organisations;

namespace Entente.Application.Organisations;

/// <summary>A company of one party, applying to or belonging to the treaty community.</summary>
public sealed class Organisation
{
    public const int NameMaxLength = 200;
    public const int AddressMaxLength = 500;
    public const int ContactMaxLength = 200;
    public const int ReasonMaxLength = 1000;

    public Guid Id { get; set; }

    public string LegalNameEn { get; set; } = string.Empty;

    public string LegalNameRu { get; set; } = string.Empty;

    /// <summary>GB or RU.</summary>
    public string Party { get; set; } = string.Empty;

    /// <summary>Companies House number (GB) or OGRN (RU), normalised.</summary>
    public string RegistrationNumber { get; set; } = string.Empty;

    /// <summary>INN, for RU organisations.</summary>
    public string? TaxNumber { get; set; }

    public string Address { get; set; } = string.Empty;

    public string ContactName { get; set; } = string.Empty;

    public string ContactEmail { get; set; } = string.Empty;

    public string? ContactPhone { get; set; }

    public MembershipStatus Status { get; set; }

    /// <summary>The reason given with the last rejection or suspension.</summary>
    public string? StatusReason { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public Guid? DecidedBy { get; set; }

    /// <summary>Upper-cased names in both scripts, for case-insensitive directory search on every provider.</summary>
    public string SearchText { get; set; } = string.Empty;

    /// <summary>Optimistic concurrency: two officers deciding at once cannot both win.</summary>
    public Guid Version { get; set; }

    public static string BuildSearchText(string nameEn, string nameRu, string registrationNumber) =>
        string.Join('\n', nameEn, nameRu, registrationNumber).ToUpperInvariant();
}
