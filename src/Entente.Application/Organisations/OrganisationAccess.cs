using Entente.Application.Common;
using Entente.Application.Identity;

namespace Entente.Application.Organisations;

/// <summary>
/// Who may see an organisation's private record: its own people, and the authority officers and auditors of its
/// party. Everyone else is told it does not exist (404), so ids cannot be probed.
/// </summary>
public static class OrganisationAccess
{
    public static bool CanRead(Actor actor, Organisation organisation) => CanRead(actor, organisation.Id, organisation.Party);

    /// <summary>The same rule for an organisation known by its id and party only, as a list that names it reads it.</summary>
    public static bool CanRead(Actor actor, Guid organisationId, string party) =>
        actor.BelongsTo(organisationId) || actor.CanReadParty(party) || actor.IsInRole(EntenteRoles.Administrator);

    public static bool CanManageMembers(Actor actor, Guid organisationId) => actor.IsComplianceOfficerOf(organisationId);

    public static Error NotFound(Guid id) => new Error.NotFound("organisation-not-found", $"Organisation {id} was not found.");
}

/// <summary>An organisation's record as its own people and its authority see it.</summary>
/// <param name="OpenScreeningHit">A possible sanctions-list match awaits its authority's review (the organisation's screening state); set for its authority only.</param>
public sealed record OrganisationDetails(
    Guid Id,
    string LegalNameEn,
    string LegalNameRu,
    string Party,
    string RegistrationNumber,
    string? TaxNumber,
    string Address,
    string ContactName,
    string ContactEmail,
    string? ContactPhone,
    string Status,
    string? StatusReason,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? DecidedAt,
    bool OpenScreeningHit = false)
{
    public static OrganisationDetails From(Organisation o) => new(
        o.Id, o.LegalNameEn, o.LegalNameRu, o.Party, o.RegistrationNumber, o.TaxNumber, o.Address, o.ContactName, o.ContactEmail, o.ContactPhone, o.Status.ToString(), o.StatusReason, o.RegisteredAt, o.DecidedAt);
}
