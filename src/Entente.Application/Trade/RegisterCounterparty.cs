using Entente.Application.Common;
using Entente.Application.Identity;
using Entente.Application.Organisations;
using Entente.Application.Persistence;
using Entente.Application.Screening;
using Entente.Application.TransparencyLog;
using Entente.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Trade;

/// <summary>A compliance officer names a consignee or end user of the organisation's trade.</summary>
public sealed record RegisterCounterparty(
    string? Name,
    string? NativeName,
    string? Country,
    string? Address,
    string? RegistrationNumber,
    bool IsConsignee,
    bool IsEndUser);

/// <summary>
/// Registers a counterparty and screens it in the same transaction, so none is ever stored unscreened. Only an approved
/// organisation names counterparties: a pending, suspended or rejected one cannot trade. The same name twice in one
/// organisation's register (active entries) is refused, so screening decisions are not split between duplicates.
/// </summary>
public sealed class RegisterCounterpartyHandler(EntenteDbContext db, Screener screener, LogEntryWriter log, TimeProvider clock)
{
    public async Task<Result<CounterpartyView>> HandleAsync(Actor actor, RegisterCounterparty request, CancellationToken cancellationToken)
    {
        if (actor.OrganisationId is not { } organisationId || !actor.IsComplianceOfficerOf(organisationId))
        {
            return new Error.Forbidden("not-compliance-officer", "Only an organisation's compliance officer registers its consignees and end users.");
        }

        var validated = CounterpartyDetails.Validate(request.Name, request.NativeName, request.Country, request.Address, request.RegistrationNumber, request.IsConsignee, request.IsEndUser);
        if (validated.Error is { } invalid)
        {
            return invalid;
        }

        var details = validated.Value!;
        await screener.PrepareAsync(cancellationToken);
        return await db.InTransactionAsync<CounterpartyView>(async () =>
        {
            var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
            if (organisation is null)
            {
                return OrganisationAccess.NotFound(organisationId);
            }

            if (organisation.Status != MembershipStatus.Approved)
            {
                return new Error.Conflict("organisation-not-approved", $"The organisation is {organisation.Status}: only an approved organisation names consignees and end users.");
            }

            if (await CounterpartyDetails.IsNamedAlreadyAsync(db, organisationId, details.Country, details.Name, null, cancellationToken))
            {
                return CounterpartyDetails.Duplicate(details.Name, details.Country);
            }

            var now = clock.GetUtcNow();
            var counterparty = new Counterparty
            {
                Id = Guid.CreateVersion7(now),
                OrganisationId = organisationId,
                Party = organisation.Party,
                Name = details.Name,
                NativeName = details.NativeName,
                Country = details.Country,
                Address = details.Address,
                RegistrationNumber = details.RegistrationNumber,
                IsConsignee = details.IsConsignee,
                IsEndUser = details.IsEndUser,
                Status = CounterpartyStatus.Clear,
                RegisteredAt = now,
                RegisteredBy = actor.UserId,
                SearchText = Counterparty.BuildSearchText(details.Name, details.NativeName, details.RegistrationNumber),
                Version = Guid.NewGuid(),
            };
            db.Counterparties.Add(counterparty);
            await db.SaveChangesAsync(cancellationToken);

            // The log records who named which body, not the names themselves: the entry is public to both authorities'
            // witnesses, and a name is enough to identify a person acting as a sole trader.
            await log.AppendAsync(actor, "counterparty.registered", "counterparty/" + counterparty.Id.ToString("D"), organisationId, new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["counterparty"] = counterparty.Id,
                ["organisation"] = organisationId,
                ["party"] = organisation.Party,
                ["country"] = counterparty.Country,
                ["consignee"] = counterparty.IsConsignee,
                ["endUser"] = counterparty.IsEndUser,
            }, cancellationToken);
            await screener.ScreenAsync(counterparty, cancellationToken);
            return CounterpartyView.From(counterparty, organisation);
        }, cancellationToken);
    }
}
