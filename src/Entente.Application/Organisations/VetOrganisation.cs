using Entente.Application.Common;
using Entente.Application.Persistence;
using Entente.Application.TransparencyLog;
using Entente.Core.Organisations;

namespace Entente.Application.Organisations;

/// <summary>An authority officer approves, rejects, suspends or reinstates an organisation of its own party.</summary>
public sealed record VetOrganisation(Guid OrganisationId, VettingDecision Decision, string? Reason);

public sealed class VetOrganisationHandler(EntenteDbContext db, LogEntryWriter log, TimeProvider clock)
{
    public async Task<Result<OrganisationDetails>> HandleAsync(Actor actor, VetOrganisation request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var reason = errors.Optional("reason", request.Reason, Organisation.ReasonMaxLength);
        if (Vetting.RequiresReason(request.Decision) && reason is null)
        {
            errors.Add("reason", "is required when rejecting or suspending.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        return await db.InTransactionAsync<OrganisationDetails>(async () =>
        {
            var organisation = await db.Organisations.FindAsync([request.OrganisationId], cancellationToken);
            if (organisation is null || !OrganisationAccess.CanRead(actor, organisation))
            {
                return OrganisationAccess.NotFound(request.OrganisationId);
            }

            if (!actor.IsAuthorityOfficerOf(organisation.Party))
            {
                return new Error.Forbidden("not-vetting-authority", $"Only an authority officer of {organisation.Party} vets {organisation.Party} organisations.");
            }

            var next = Vetting.Apply(organisation.Status, request.Decision);
            if (next is null)
            {
                return new Error.Conflict("vetting-not-open", $"An organisation that is {organisation.Status} cannot be given the decision {request.Decision}.");
            }

            var previous = organisation.Status;
            organisation.Status = next.Value;
            organisation.StatusReason = reason;
            organisation.DecidedAt = clock.GetUtcNow();
            organisation.DecidedBy = actor.UserId;
            organisation.Version = Guid.NewGuid();
            await log.AppendAsync(actor, "organisation." + ActionName(request.Decision), "organisation/" + organisation.Id.ToString("D"), organisation.Id, new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["organisation"] = organisation.Id,
                ["party"] = organisation.Party,
                ["from"] = previous.ToString(),
                ["to"] = next.Value.ToString(),
                ["reason"] = reason,
            }, cancellationToken);
            return OrganisationDetails.From(organisation);
        }, cancellationToken);
    }

    private static string ActionName(VettingDecision decision) => decision switch
    {
        VettingDecision.Approve => "approved",
        VettingDecision.Reject => "rejected",
        VettingDecision.Suspend => "suspended",
        VettingDecision.Reinstate => "reinstated",
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };
}
