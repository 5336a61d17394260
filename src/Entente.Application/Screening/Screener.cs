using Entente.Application.Common;
using Entente.Application.Organisations;
using Entente.Application.Persistence;
using Entente.Application.TransparencyLog;
using Entente.Application.Trade;
using Entente.Core.Screening;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Screening;

/// <summary>
/// Screens an organisation's legal names (English and Russian), or a counterparty's names, against the current list
/// versions and opens a hit for each listed entity matching at or above the alert threshold, inside the caller's
/// transaction. A hit already found for the same subject and entity revision (open, cleared or confirmed) is not opened
/// again, nor is a second open hit for an entity.
/// </summary>
public sealed class Screener(EntenteDbContext db, ScreeningIndexCache cache, LogEntryWriter log, TimeProvider clock)
{
    /// <summary>The score at and above which a match opens a hit.</summary>
    public const double OperatingThreshold = ScreeningOptions.AlertThreshold;

    /// <summary>
    /// Brings the in-memory index up to date before a transaction starts, so building it after a new list version
    /// (seconds for a large list) does not happen while the transaction holds its locks.
    /// </summary>
    public async Task PrepareAsync(CancellationToken cancellationToken) => await cache.GetAsync(db, cancellationToken);

    public Task<IReadOnlyList<ScreeningHit>> ScreenAsync(Organisation organisation, CancellationToken cancellationToken) =>
        ScreenAsync(new Subject(organisation.Id, null, organisation.Party, [organisation.LegalNameEn, organisation.LegalNameRu]), cancellationToken);

    /// <summary>
    /// Screens a counterparty; a hit puts a clear counterparty under review, so no later step names it until its
    /// authority has decided.
    /// </summary>
    public async Task<IReadOnlyList<ScreeningHit>> ScreenAsync(Counterparty counterparty, CancellationToken cancellationToken)
    {
        var opened = await ScreenAsync(new Subject(counterparty.OrganisationId, counterparty.Id, counterparty.Party, [.. counterparty.ScreenedNames()]), cancellationToken);
        if (opened.Count > 0 && counterparty.Status == CounterpartyStatus.Clear)
        {
            counterparty.Status = CounterpartyStatus.UnderReview;
            counterparty.ChangedAt = clock.GetUtcNow();
            counterparty.Version = Guid.NewGuid();
        }

        return opened;
    }

    private async Task<IReadOnlyList<ScreeningHit>> ScreenAsync(Subject subject, CancellationToken cancellationToken)
    {
        var snapshot = await cache.GetAsync(db, cancellationToken);
        if (snapshot.IsEmpty)
        {
            return [];
        }

        var options = new ScreeningOptions(Top: 10, MinimumScore: OperatingThreshold);
        var best = new Dictionary<(string List, string EntityId), (ScreeningMatch Match, string Screened)>();
        foreach (var name in subject.Names)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            foreach (var match in snapshot.Index.Search(name, options))
            {
                var key = (match.List, match.EntityId);
                if (!best.TryGetValue(key, out var known) || known.Match.Score < match.Score)
                {
                    best[key] = (match, name);
                }
            }
        }

        if (best.Count == 0)
        {
            return [];
        }

        var previous = await db.ScreeningHits.AsNoTracking()
            .Where(h => h.OrganisationId == subject.OrganisationId && h.CounterpartyId == subject.CounterpartyId)
            .Select(h => new { h.ListId, h.EntityId, h.EntryRevision, h.Status }).ToListAsync(cancellationToken);
        var opened = new List<ScreeningHit>();
        var now = clock.GetUtcNow();
        foreach (var ((listName, entityId), (match, screened)) in best.OrderByDescending(p => p.Value.Match.Score))
        {
            if (!snapshot.Lists.TryGetValue(listName, out var list) || !snapshot.Revisions.TryGetValue((listName, entityId), out var revision))
            {
                continue;
            }

            if (previous.Any(h => h.ListId == list.Id && string.Equals(h.EntityId, entityId, StringComparison.Ordinal) && (h.EntryRevision == revision || h.Status == HitStatus.Open)))
            {
                continue;
            }

            var hit = new ScreeningHit
            {
                Id = Guid.CreateVersion7(now),
                OrganisationId = subject.OrganisationId,
                CounterpartyId = subject.CounterpartyId,
                Party = subject.Party,
                ListId = list.Id,
                ListName = listName,
                EntityId = entityId,
                EntryRevision = revision,
                ListVersion = list.Version,
                EntityName = match.Name,
                MatchedName = match.MatchedName,
                ScreenedName = screened,
                Score = Math.Round(match.Score, 4),
                Explanation = HitExplanations.Store(match.Explanation),
                Status = HitStatus.Open,
                OpenedAt = now,
                Version = Guid.NewGuid(),
            };
            db.ScreeningHits.Add(hit);
            opened.Add(hit);
            var payload = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["hit"] = hit.Id,
                ["organisation"] = subject.OrganisationId,
                ["party"] = subject.Party,
                ["list"] = listName,
                ["listVersion"] = list.Version,
                ["entityId"] = entityId,
                ["score"] = hit.Score,
            };
            if (subject.CounterpartyId is { } counterpartyId)
            {
                payload["counterparty"] = counterpartyId;
            }

            await log.AppendAsync(Actor.System, "screening.hit-opened", "screening-hit/" + hit.Id.ToString("D"), subject.OrganisationId, payload, cancellationToken);
        }

        return opened;
    }

    /// <summary>What is screened: an organisation (no counterparty) or one of its counterparties, and the names to try.</summary>
    private sealed record Subject(Guid OrganisationId, Guid? CounterpartyId, string Party, IReadOnlyList<string> Names);
}
