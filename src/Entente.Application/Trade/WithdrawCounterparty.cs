using Entente.Application.Common;
using Entente.Application.Persistence;
using Entente.Application.TransparencyLog;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Trade;

public sealed record WithdrawCounterparty(Guid CounterpartyId, string? Reason);

/// <summary>
/// The compliance officer takes a counterparty out of use: it stays in the register for the record and is no longer
/// screened. A denied counterparty stays denied (a withdrawal must not hide an authority's decision), and an open hit
/// stays in the authority's queue.
/// </summary>
public sealed class WithdrawCounterpartyHandler(EntenteDbContext db, LogEntryWriter log, TimeProvider clock)
{
    public async Task<Result<CounterpartyView>> HandleAsync(Actor actor, WithdrawCounterparty request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var reason = errors.Required("reason", request.Reason, Counterparty.ReasonMaxLength);
        if (errors.Any)
        {
            return errors.ToError();
        }

        return await db.InTransactionAsync<CounterpartyView>(async () =>
        {
            var found = await CounterpartyAccess.FindOpenForComplianceOfficerAsync(db, actor, request.CounterpartyId,
                "Only the organisation's compliance officer withdraws its consignees and end users.",
                status => $"The counterparty is already {status}.", cancellationToken);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            var counterparty = found.Value!;

            var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == counterparty.OrganisationId, cancellationToken);
            var previous = counterparty.Status;
            counterparty.Status = CounterpartyStatus.Withdrawn;
            counterparty.StatusReason = reason;
            counterparty.ChangedAt = clock.GetUtcNow();
            counterparty.Version = Guid.NewGuid();
            await log.AppendAsync(actor, "counterparty.withdrawn", "counterparty/" + counterparty.Id.ToString("D"), counterparty.OrganisationId, new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["counterparty"] = counterparty.Id,
                ["organisation"] = counterparty.OrganisationId,
                ["party"] = counterparty.Party,
                ["from"] = previous.ToString(),
                ["reason"] = reason,
            }, cancellationToken);
            return CounterpartyView.From(counterparty, organisation);
        }, cancellationToken);
    }
}
