using Entente.Application.Identity;

namespace Entente.Application.Common;

/// <summary>
/// Who is acting, as the use cases see it: resolved once per request from the signed-in user or API token.
/// Organisation-scoped roles (Member, ComplianceOfficer) carry <see cref="OrganisationId"/>; party-scoped roles
/// (AuthorityOfficer, Auditor) carry <see cref="Party"/>.
/// </summary>
public sealed record Actor(Guid UserId, string UserName, IReadOnlySet<string> Roles, Guid? OrganisationId, string? Party)
{
    /// <summary>The command-line operator and the seeding routine, recorded as such in the log.</summary>
    public static Actor System { get; } = new(Guid.Empty, "system", new HashSet<string>(StringComparer.Ordinal) { EntenteRoles.Administrator }, null, null);

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsAuthorityOfficerOf(string party) => IsInRole(EntenteRoles.AuthorityOfficer) && string.Equals(Party, party, StringComparison.Ordinal);

    public bool CanReadParty(string party) =>
        (IsInRole(EntenteRoles.AuthorityOfficer) || IsInRole(EntenteRoles.Auditor)) && string.Equals(Party, party, StringComparison.Ordinal);

    public bool IsComplianceOfficerOf(Guid organisationId) => IsInRole(EntenteRoles.ComplianceOfficer) && OrganisationId == organisationId;

    public bool BelongsTo(Guid organisationId) => OrganisationId == organisationId;
}
