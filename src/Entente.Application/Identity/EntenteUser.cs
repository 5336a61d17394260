using Microsoft.AspNetCore.Identity;

namespace Entente.Application.Identity;

/// <summary>A person who signs in. Organisation and party scope the roles they hold.</summary>
public sealed class EntenteUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The organisation of a Member or ComplianceOfficer.</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>The party of an AuthorityOfficer or Auditor (GB or RU).</summary>
    public string? Party { get; set; }

    /// <summary>"en" or "ru": the language the interface opens in after sign-in.</summary>
    public string PreferredCulture { get; set; } = "en";

    public DateTimeOffset CreatedAt { get; set; }
}
