using Entente.Application.Common;
using Entente.Application.Persistence;
using Entente.Application.Screening;
using Entente.Application.TransparencyLog;
using Entente.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Trade;

/// <summary>A compliance officer corrects a registered consignee or end user: the same fields as registration.</summary>
public sealed record AmendCounterparty(
    Guid CounterpartyId,
    string? Name,
    string? NativeName,
    string? Country,
    string? Address,
    string? RegistrationNumber,
    bool IsConsignee,
    bool IsEndUser);

/// <summary>
/// Amends a counterparty under the rules that registered it: the same validation, the same duplicate rule (itself
/// excepted), an approved organisation, its compliance officer. A denied or withdrawn counterparty is closed and cannot
/// be amended. A new name or country is screened again in the same transaction, so no name is ever stored unscreened;
/// hits raised against the old name stay in the authority's queue, because their decision still matters for what was
/// named before the amendment.
/// </summary>
public sealed class AmendCounterpartyHandler(EntenteDbContext db, Screener screener, LogEntryWriter log, TimeProvider clock)
{
    public async Task<Result<CounterpartyView>> HandleAsync(Actor actor, AmendCounterparty request, CancellationToken cancellationToken)
    {
        var validated = CounterpartyDetails.Validate(request.Name, request.NativeName, request.Country, request.Address, request.RegistrationNumber, request.IsConsignee, request.IsEndUser);
        if (validated.Error is { } invalid)
        {
            return invalid;
        }

        var details = validated.Value!;
        await screener.PrepareAsync(cancellationToken);
        return await db.InTransactionAsync<CounterpartyView>(async () =>
        {
            var found = await CounterpartyAccess.FindOpenForComplianceOfficerAsync(db, actor, request.CounterpartyId,
                "Only the organisation's compliance officer amends its consignees and end users.",
                status => $"The counterparty is {status}: only a clear or under-review one can be amended.", cancellationToken);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            var counterparty = found.Value!;

            var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == counterparty.OrganisationId, cancellationToken);
            if (organisation.Status != MembershipStatus.Approved)
            {
                return new Error.Conflict("organisation-not-approved", $"The organisation is {organisation.Status}: only an approved organisation names consignees and end users.");
            }

            var changed = ChangedFields(counterparty, details);
            if (changed.Count == 0)
            {
                // Nothing to record: an unchanged form sent again is not an amendment, so it leaves no log entry and
                // keeps the version a concurrent decision may be relying on.
                return CounterpartyView.From(counterparty, organisation);
            }

            var renamed = changed.Contains("name") || changed.Contains("nativeName") || changed.Contains("country");
            if (renamed && await CounterpartyDetails.IsNamedAlreadyAsync(db, counterparty.OrganisationId, details.Country, details.Name, counterparty.Id, cancellationToken))
            {
                return CounterpartyDetails.Duplicate(details.Name, details.Country);
            }

            counterparty.Name = details.Name;
            counterparty.NativeName = details.NativeName;
            counterparty.Country = details.Country;
            counterparty.Address = details.Address;
            counterparty.RegistrationNumber = details.RegistrationNumber;
            counterparty.IsConsignee = details.IsConsignee;
            counterparty.IsEndUser = details.IsEndUser;
            counterparty.SearchText = Counterparty.BuildSearchText(details.Name, details.NativeName, details.RegistrationNumber);
            counterparty.ChangedAt = clock.GetUtcNow();
            counterparty.Version = Guid.NewGuid();

            // As at registration, the log names which fields changed, never their values: the entry is read by both
            // authorities' witnesses, and a name or an address can identify a person acting as a sole trader.
            await log.AppendAsync(actor, "counterparty.amended", "counterparty/" + counterparty.Id.ToString("D"), counterparty.OrganisationId, new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["counterparty"] = counterparty.Id,
                ["organisation"] = counterparty.OrganisationId,
                ["party"] = counterparty.Party,
                ["country"] = counterparty.Country,
                ["consignee"] = counterparty.IsConsignee,
                ["endUser"] = counterparty.IsEndUser,
                ["changed"] = changed,
                ["rescreened"] = renamed,
            }, cancellationToken);

            if (renamed)
            {
                // A hit puts a clear counterparty under review (the screener does that). Hits against the old name are
                // kept and still count: only when none is open does an under-review counterparty become clear again.
                var opened = await screener.ScreenAsync(counterparty, cancellationToken);
                if (opened.Count == 0 && counterparty.Status == CounterpartyStatus.UnderReview
                    && !await db.ScreeningHits.AnyAsync(h => h.CounterpartyId == counterparty.Id && h.Status == HitStatus.Open, cancellationToken))
                {
                    counterparty.Status = CounterpartyStatus.Clear;
                }
            }

            return CounterpartyView.From(counterparty, organisation);
        }, cancellationToken);
    }

    /// <summary>The names of the fields the amendment changes, in the order of the form; "roles" covers both role flags, as the validation names them.</summary>
    private static List<string> ChangedFields(Counterparty counterparty, CounterpartyDetails details)
    {
        var changed = new List<string>();
        if (!string.Equals(counterparty.Name, details.Name, StringComparison.Ordinal))
        {
            changed.Add("name");
        }

        if (!string.Equals(counterparty.NativeName, details.NativeName, StringComparison.Ordinal))
        {
            changed.Add("nativeName");
        }

        if (!string.Equals(counterparty.Country, details.Country, StringComparison.Ordinal))
        {
            changed.Add("country");
        }

        if (!string.Equals(counterparty.Address, details.Address, StringComparison.Ordinal))
        {
            changed.Add("address");
        }

        if (!string.Equals(counterparty.RegistrationNumber, details.RegistrationNumber, StringComparison.Ordinal))
        {
            changed.Add("registrationNumber");
        }

        if (counterparty.IsConsignee != details.IsConsignee || counterparty.IsEndUser != details.IsEndUser)
        {
            changed.Add("roles");
        }

        return changed;
    }
}
