using Entente.Application.Common;
using Entente.Application.Persistence;
using Entente.Core.Treaties;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Treaties;

/// <summary>
/// An authority officer accepts the open amendment of the given version. Once every authority has accepted, that version
/// is in force: every assessment from then on applies it and records it in its decision.
/// </summary>
public sealed record AcceptAmendment(string? Version);

public sealed class AcceptAmendmentHandler(EntenteDbContext db, TreatySteps steps, TimeProvider clock)
{
    public async Task<Result<TreatyView>> HandleAsync(Actor actor, AcceptAmendment request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authority = TreatySteps.AuthorityOf(actor);
        if (authority.Error is { } forbidden)
        {
            return forbidden;
        }

        var party = authority.Value!;
        var treaty = TreatySteps.Treaty;
        return await db.InTransactionAsync<TreatyView>(async () =>
        {
            var record = await steps.LoadOrCreateAsync(cancellationToken);
            var amendment = await db.TreatyAmendments.SingleOrDefaultAsync(a => a.TreatyId == treaty.Id && a.TreatyVersion == request.Version && a.Status == AmendmentStatus.Proposed, cancellationToken);
            if (amendment is null)
            {
                return new Error.NotFound("amendment-not-found", $"No amendment of version '{request.Version}' is awaiting acceptance.");
            }

            if (record.Status == TreatyStatus.Terminated)
            {
                return new Error.Conflict("treaty-step-not-open", "The treaty is Terminated: it cannot be amended.");
            }

            var accepted = amendment.AcceptedBy.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (accepted.Contains(party.Authority.Code, StringComparer.Ordinal))
            {
                return new Error.Conflict("treaty-step-already-taken", "Your authority has already accepted this amendment.");
            }

            accepted.Add(party.Authority.Code);
            amendment.AcceptedBy = string.Join(',', accepted.Order(StringComparer.Ordinal));
            if (treaty.Parties.All(p => accepted.Contains(p.Authority.Code, StringComparer.Ordinal)))
            {
                var now = clock.GetUtcNow();
                foreach (var previous in await db.TreatyAmendments.Where(a => a.TreatyId == treaty.Id && a.Status == AmendmentStatus.InForce).ToListAsync(cancellationToken))
                {
                    previous.Status = AmendmentStatus.Superseded;
                }

                amendment.Status = AmendmentStatus.InForce;
                amendment.InForceAt = now;
                record.VersionInForce = amendment.TreatyVersion;
            }

            await steps.RecordAsync(actor, record, party, TreatyEventKind.AmendmentAccepted, record.Status, null, amendment.TreatyVersion, cancellationToken);
            return await steps.ViewAsync(record, cancellationToken);
        }, cancellationToken);
    }
}
