using Entente.Application.Organisations;
using Entente.Application.Persistence;
using Entente.Application.Trade;
using Entente.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Screening;

/// <summary>
/// Screens every organisation and every counterparty still in use again once a list version has arrived. Several web nodes may call it at once: a lease
/// row taken by one conditional UPDATE (atomic on every provider) lets one node do the work; a node that dies leaves
/// a lease that expires, and the next node finishes the job.
/// </summary>
public sealed class RescreenHandler(EntenteDbContext db, Screener screener, TimeProvider clock)
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(10);

    /// <summary>What was done, or null when nothing is pending or another node holds (or took over) the lease.</summary>
    public async Task<RescreenOutcome?> HandleAsync(string holder, CancellationToken cancellationToken)
    {
        var pending = await db.ScreeningListVersions.AsNoTracking().Where(v => v.RescreenedAt == null).Select(v => v.Id).ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var expires = now + LeaseDuration;
        var taken = await db.ScreeningLeases
            .Where(l => l.Name == ScreeningLease.Rescreen && (l.ExpiresAt < now || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, expires), cancellationToken);
        if (taken == 0)
        {
            return null;
        }

        try
        {
            var organisations = await db.Organisations.AsNoTracking().Where(o => o.Status != MembershipStatus.Rejected).Select(o => o.Id).ToListAsync(cancellationToken);

            // A denied counterparty stays denied and a withdrawn one is out of use: neither is screened again.
            var counterparties = await db.Counterparties.AsNoTracking()
                .Where(c => c.Status == CounterpartyStatus.Clear || c.Status == CounterpartyStatus.UnderReview).Select(c => c.Id).ToListAsync(cancellationToken);
            var opened = 0;
            var renewed = now;
            var work = organisations.Select(id => (Id: id, Counterparty: false)).Concat(counterparties.Select(id => (Id: id, Counterparty: true)));
            foreach (var (id, isCounterparty) in work)
            {
                // A long run keeps its lease; a node that lost it (it was too slow and another took over) stops.
                if (clock.GetUtcNow() - renewed > LeaseDuration / 2)
                {
                    renewed = clock.GetUtcNow();
                    var until = renewed + LeaseDuration;
                    if (await db.ScreeningLeases.Where(l => l.Name == ScreeningLease.Rescreen && l.Holder == holder)
                        .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, until), cancellationToken) == 0)
                    {
                        return null;
                    }
                }

                var result = await db.InTransactionAsync<int>(async () =>
                {
                    if (isCounterparty)
                    {
                        // Tracked: a hit puts the counterparty under review in the same transaction.
                        var counterparty = await db.Counterparties.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
                        return counterparty is null ? 0 : (await screener.ScreenAsync(counterparty, cancellationToken)).Count;
                    }

                    var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
                    return organisation is null ? 0 : (await screener.ScreenAsync(organisation, cancellationToken)).Count;
                }, cancellationToken);
                opened += result.Value;
            }

            var done = clock.GetUtcNow();
            await db.ScreeningListVersions.Where(v => pending.Contains(v.Id)).ExecuteUpdateAsync(s => s.SetProperty(v => v.RescreenedAt, done), cancellationToken);
            return new RescreenOutcome(pending.Count, organisations.Count, counterparties.Count, opened);
        }
        finally
        {
            await db.ScreeningLeases.Where(l => l.Name == ScreeningLease.Rescreen && l.Holder == holder)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.ExpiresAt, DateTimeOffset.UnixEpoch), CancellationToken.None);
        }
    }
}

public sealed record RescreenOutcome(int Versions, int Organisations, int Counterparties, int HitsOpened);
