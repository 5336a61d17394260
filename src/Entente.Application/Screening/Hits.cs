using Entente.Application.Common;
using Entente.Application.Identity;
using Entente.Application.Organisations;
using Entente.Application.Persistence;
using Entente.Application.TransparencyLog;
using Entente.Application.Trade;
using Entente.Core.Organisations;
using Entente.Core.Screening;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Screening;

/// <summary>A hit as its authority reviews it: on an organisation, or on a counterparty one of them named.</summary>
public sealed record HitView(
    Guid Id,
    Guid OrganisationId,
    string OrganisationNameEn,
    string OrganisationNameRu,
    string OrganisationStatus,
    string Party,
    string List,
    int ListVersion,
    string EntityId,
    string EntityName,
    string MatchedName,
    string ScreenedName,
    double Score,
    string Explanation,
    string Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset? DecidedAt,
    string? Reason,
    MatchExplanation? Reading,
    Guid? CounterpartyId = null,
    string? CounterpartyName = null,
    string? CounterpartyStatus = null);

/// <summary>The hits of a queue by status.</summary>
public sealed record HitCounts(int Open, int Cleared, int Confirmed)
{
    public int Total => Open + Cleared + Confirmed;
}

public sealed record ListHits(string? Status, string? Sort, bool Descending, int? Page, int? PageSize);

internal static class HitAccess
{
    public static Error NotFound(Guid id) => new Error.NotFound("hit-not-found", $"Screening hit {id} was not found.");

    public static bool CanRead(Actor actor, string party) => actor.CanReadParty(party);

    public static HitView View(ScreeningHit h, Organisation o, Counterparty? c) =>
        new(h.Id, h.OrganisationId, o.LegalNameEn, o.LegalNameRu, o.Status.ToString(), h.Party, h.ListName, h.ListVersion, h.EntityId, h.EntityName, h.MatchedName, h.ScreenedName, h.Score,
            HitExplanations.Text(h.Explanation), h.Status.ToString(), h.OpenedAt, h.DecidedAt, h.Reason, HitExplanations.Read(h.Explanation),
            c?.Id, c?.Name, c?.Status.ToString());
}

/// <summary>The hit queue of an authority: its own party's hits, filtered by status, sorted and paged.</summary>
public sealed class ListHitsHandler(EntenteDbContext db)
{
    /// <summary>The queue's sort orders, shared by its numbered pages and the cursor-paged API; "opened" is the default.</summary>
    internal static SortOrders<HitRow, HitView> Sorts { get; } = new(
        // Ids are version 7 GUIDs: their order is the order of opening, and they sort on every provider.
        new("opened", Id),
        new("score", SortColumns.Number<HitRow, HitView>(r => r.Hit.Score, v => v.Score), Id),
        new("organisation", SortColumns.Text<HitRow, HitView>(r => r.Organisation.LegalNameEn, v => v.OrganisationNameEn, TextOrder.Alphabetical), Id),
        new("list", SortColumns.Text<HitRow, HitView>(r => r.Hit.ListName, v => v.List, TextOrder.Alphabetical), Id),
        new("status", SortColumns.StoredName<HitRow, HitView, HitStatus>(r => r.Hit.Status, v => Enum.Parse<HitStatus>(v.Status)), Id));

    public static IReadOnlyList<string> SortKeys => Sorts.Names;

    private static SortColumn<HitRow, HitView> Id => SortColumns.Id<HitRow, HitView>(r => r.Hit.Id, v => v.Id);

    /// <summary>One numbered page, for the queue's page.</summary>
    public async Task<Result<Page<HitView>>> HandleAsync(Actor actor, ListHits request, CancellationToken cancellationToken)
    {
        var query = Filter(actor, request);
        return query.IsSuccess
            ? await Sorts.PageAsync(query.Value!, SortKey(request), request.Descending, request.Page, request.PageSize, Project, cancellationToken)
            : query.Error!;
    }

    /// <summary>The slice after a cursor, for the API. <paramref name="descending"/> null means the cursor's direction.</summary>
    public async Task<Result<CursorPage<HitView>>> HandleAsync(Actor actor, ListHits request, bool? descending, CursorRequest cursor, CancellationToken cancellationToken)
    {
        var query = Filter(actor, request);
        return query.IsSuccess
            ? await Sorts.SliceAsync(query.Value!, SortKey(request), descending, cursor, Project, cancellationToken)
            : query.Error!;
    }

    /// <summary>
    /// How many hits of each status the actor's queue holds, counted in the database: the queue's own filter (the
    /// authority's party, the same rows the pages list), so a summary never counts a hit its reader could not open.
    /// </summary>
    public async Task<Result<HitCounts>> CountAsync(Actor actor, CancellationToken cancellationToken)
    {
        var query = Filter(actor, new ListHits("all", null, false, null, null));
        if (!query.IsSuccess)
        {
            return query.Error!;
        }

        var counts = await query.Value!.GroupBy(r => r.Hit.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Of(HitStatus status) => counts.Where(c => c.Status == status).Sum(c => c.Count);
        return new HitCounts(Of(HitStatus.Open), Of(HitStatus.Cleared), Of(HitStatus.Confirmed));
    }

    // The queue has always taken its sort keys in any case.
    private static string? SortKey(ListHits request) => request.Sort?.Trim().ToLowerInvariant();

    // The explanation is decoded in .NET: EF runs the final projection's method calls on the rows it has read.
    private static IQueryable<HitView> Project(IQueryable<HitRow> rows) => rows.Select(r => HitAccess.View(r.Hit, r.Organisation, r.Counterparty));

    private Result<IQueryable<HitRow>> Filter(Actor actor, ListHits request)
    {
        if (actor.Party is null || !(actor.IsInRole(EntenteRoles.AuthorityOfficer) || actor.IsInRole(EntenteRoles.Auditor)))
        {
            return new Error.Forbidden("not-authority", "Only an authority officer or auditor reviews screening hits.");
        }

        HitStatus? status = null;
        if (!string.IsNullOrWhiteSpace(request.Status) && !string.Equals(request.Status, "all", StringComparison.OrdinalIgnoreCase))
        {
            if (!Enum.TryParse<HitStatus>(request.Status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Error.Invalid("status", "must be open, cleared, confirmed or all.");
            }

            status = parsed;
        }

        if (Sorts.Refuse(SortKey(request)) is { } refused)
        {
            return refused;
        }

        var party = actor.Party;
        var hits = db.ScreeningHits.AsNoTracking().Where(h => h.Party == party);
        if (status is { } s)
        {
            hits = hits.Where(h => h.Status == s);
        }

        var rows = from h in hits
                   join o in db.Organisations on h.OrganisationId equals o.Id
                   from c in db.Counterparties.Where(c => c.Id == h.CounterpartyId).DefaultIfEmpty()
                   select new HitRow { Hit = h, Organisation = o, Counterparty = c };
        return Result<IQueryable<HitRow>>.Success(rows);
    }
}

internal sealed class HitRow
{
    public required ScreeningHit Hit { get; init; }

    public required Organisation Organisation { get; init; }

    public Counterparty? Counterparty { get; init; }
}

public sealed record DecideHit(Guid HitId, HitDecision Decision, string? Reason);

public enum HitDecision
{
    Clear,
    Confirm,
}

/// <summary>
/// The organisation's own authority clears a hit as a false positive (a reason is required; it stays cleared for that
/// entity revision) or confirms it. Confirming a hit on an organisation suspends it at once through the vetting rules
/// (an approved organisation is suspended; a pending one, which vetting cannot suspend, is rejected); confirming a hit
/// on a counterparty denies the counterparty, and the organisation that named it keeps its standing. Clearing the last
/// open hit of a counterparty under review makes it clear again. One log entry per decision.
/// </summary>
public sealed class DecideHitHandler(EntenteDbContext db, LogEntryWriter log, TimeProvider clock)
{
    public async Task<Result<HitView>> HandleAsync(Actor actor, DecideHit request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var reason = errors.Optional("reason", request.Reason, ScreeningHit.ReasonMaxLength);
        if (request.Decision == HitDecision.Clear && reason is null)
        {
            errors.Add("reason", "is required when clearing a hit.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        return await db.InTransactionAsync<HitView>(async () =>
        {
            var hit = await db.ScreeningHits.FindAsync([request.HitId], cancellationToken);
            if (hit is null || !HitAccess.CanRead(actor, hit.Party))
            {
                return HitAccess.NotFound(request.HitId);
            }

            if (!actor.IsAuthorityOfficerOf(hit.Party))
            {
                return new Error.Forbidden("not-screening-authority", $"Only an authority officer of {hit.Party} decides hits on {hit.Party} organisations.");
            }

            if (hit.Status != HitStatus.Open)
            {
                return new Error.Conflict("hit-not-open", $"The hit is already {hit.Status}.");
            }

            var now = clock.GetUtcNow();
            var organisation = await db.Organisations.FindAsync([hit.OrganisationId], cancellationToken);
            if (organisation is null)
            {
                return OrganisationAccess.NotFound(hit.OrganisationId);
            }

            Counterparty? counterparty = null;
            if (hit.CounterpartyId is { } counterpartyId)
            {
                counterparty = await db.Counterparties.FindAsync([counterpartyId], cancellationToken);
                if (counterparty is null)
                {
                    return CounterpartyAccess.NotFound(counterpartyId);
                }
            }

            var payload = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["hit"] = hit.Id,
                ["organisation"] = organisation.Id,
                ["party"] = hit.Party,
                ["list"] = hit.ListName,
                ["listVersion"] = hit.ListVersion,
                ["entityId"] = hit.EntityId,
                ["reason"] = reason,
            };
            if (counterparty is not null)
            {
                payload["counterparty"] = counterparty.Id;
            }

            hit.DecidedAt = now;
            hit.DecidedBy = actor.UserId;
            hit.Reason = reason;
            hit.Version = Guid.NewGuid();
            string action;
            if (request.Decision == HitDecision.Clear)
            {
                hit.Status = HitStatus.Cleared;
                action = "screening.hit-cleared";
                if (counterparty is { Status: CounterpartyStatus.UnderReview }
                    && !await db.ScreeningHits.AnyAsync(h => h.CounterpartyId == counterparty.Id && h.Id != hit.Id && h.Status == HitStatus.Open, cancellationToken))
                {
                    payload["from"] = counterparty.Status.ToString();
                    counterparty.Status = CounterpartyStatus.Clear;
                    counterparty.ChangedAt = now;
                    counterparty.Version = Guid.NewGuid();
                    payload["to"] = counterparty.Status.ToString();
                }
            }
            else if (counterparty is not null)
            {
                hit.Status = HitStatus.Confirmed;
                action = "screening.hit-confirmed";
                payload["from"] = counterparty.Status.ToString();
                if (counterparty.Status != CounterpartyStatus.Denied)
                {
                    counterparty.Status = CounterpartyStatus.Denied;
                    counterparty.StatusReason = ConfirmedReason(hit, reason, Counterparty.ReasonMaxLength);
                    counterparty.ChangedAt = now;
                    counterparty.Version = Guid.NewGuid();
                }

                payload["to"] = counterparty.Status.ToString();
            }
            else
            {
                hit.Status = HitStatus.Confirmed;
                action = "screening.hit-confirmed";
                var previous = organisation.Status;
                var next = Vetting.Apply(previous, VettingDecision.Suspend) ?? Vetting.Apply(previous, VettingDecision.Reject);
                if (next is { } status)
                {
                    organisation.Status = status;
                    organisation.StatusReason = ConfirmedReason(hit, reason, Organisation.ReasonMaxLength);
                    organisation.DecidedAt = now;
                    organisation.DecidedBy = actor.UserId;
                    organisation.Version = Guid.NewGuid();
                }

                payload["from"] = previous.ToString();
                payload["to"] = organisation.Status.ToString();
            }

            await log.AppendAsync(actor, action, "screening-hit/" + hit.Id.ToString("D"), organisation.Id, payload, cancellationToken);
            return HitAccess.View(hit, organisation, counterparty);
        }, cancellationToken);
    }

    /// <summary>The status reason a confirmed hit gives its subject: the listed entry, then the officer's reason if any.</summary>
    private static string ConfirmedReason(ScreeningHit hit, string? reason, int max)
    {
        var text = $"Sanctions screening: confirmed match with {hit.ListName} {hit.EntityId} ({hit.EntityName})" + (reason is null ? "." : ": " + reason);
        return text.Length <= max ? text : text[..max];
    }
}
