using Entente.Application.Common;
using Entente.Application.Identity;
using Entente.Application.Organisations;
using Entente.Application.Persistence;
using Entente.Application.TransparencyLog;
using Entente.Core.Organisations;
using Entente.Core.Screening;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Screening;

/// <summary>A hit as its authority reviews it.</summary>
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
    MatchExplanation? Reading);

public sealed record ListHits(string? Status, string? Sort, bool Descending, int? Page, int? PageSize);

internal static class HitAccess
{
    public static Error NotFound(Guid id) => new Error.NotFound("hit-not-found", $"Screening hit {id} was not found.");

    public static bool CanRead(Actor actor, string party) => actor.CanReadParty(party);

    public static HitView View(ScreeningHit h, Organisation o) =>
        new(h.Id, h.OrganisationId, o.LegalNameEn, o.LegalNameRu, o.Status.ToString(), h.Party, h.ListName, h.ListVersion, h.EntityId, h.EntityName, h.MatchedName, h.ScreenedName, h.Score,
            HitExplanations.Text(h.Explanation), h.Status.ToString(), h.OpenedAt, h.DecidedAt, h.Reason, HitExplanations.Read(h.Explanation));
}

/// <summary>The hit queue of an authority: its own party's hits, filtered by status, sorted and paged.</summary>
public sealed class ListHitsHandler(EntenteDbContext db)
{
    public static IReadOnlyList<string> SortKeys { get; } = ["opened", "score", "organisation", "list", "status"];

    public async Task<Result<Page<HitView>>> HandleAsync(Actor actor, ListHits request, CancellationToken cancellationToken)
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

        var sort = string.IsNullOrWhiteSpace(request.Sort) ? "opened" : request.Sort.Trim().ToLowerInvariant();
        if (!SortKeys.Contains(sort, StringComparer.Ordinal))
        {
            return Error.Invalid("sort", "must be one of " + string.Join(", ", SortKeys) + ".");
        }

        var (page, size) = Paging.Clamp(request.Page, request.PageSize);
        var party = actor.Party;
        var hits = db.ScreeningHits.AsNoTracking().Where(h => h.Party == party);
        if (status is { } s)
        {
            hits = hits.Where(h => h.Status == s);
        }

        var rows = hits.Join(db.Organisations, h => h.OrganisationId, o => o.Id, (h, o) => new HitRow { Hit = h, Organisation = o });
        var total = await rows.CountAsync(cancellationToken);
        var desc = request.Descending;
        rows = sort switch
        {
            "score" => desc ? rows.OrderByDescending(r => r.Hit.Score).ThenBy(r => r.Hit.Id) : rows.OrderBy(r => r.Hit.Score).ThenBy(r => r.Hit.Id),
            "organisation" => desc ? rows.OrderByDescending(r => r.Organisation.LegalNameEn).ThenBy(r => r.Hit.Id) : rows.OrderBy(r => r.Organisation.LegalNameEn).ThenBy(r => r.Hit.Id),
            "list" => desc ? rows.OrderByDescending(r => r.Hit.ListName).ThenBy(r => r.Hit.Id) : rows.OrderBy(r => r.Hit.ListName).ThenBy(r => r.Hit.Id),
            "status" => desc ? rows.OrderByDescending(r => r.Hit.Status).ThenBy(r => r.Hit.Id) : rows.OrderBy(r => r.Hit.Status).ThenBy(r => r.Hit.Id),

            // Ids are version 7 GUIDs: their order is the order of opening, and they sort on every provider.
            _ => desc ? rows.OrderByDescending(r => r.Hit.Id) : rows.OrderBy(r => r.Hit.Id),
        };
        var loaded = await rows.Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        var items = loaded.Select(r => HitAccess.View(r.Hit, r.Organisation)).ToList();
        return new Page<HitView>(items, page, size, total);
    }
}

internal sealed class HitRow
{
    public required ScreeningHit Hit { get; init; }

    public required Organisation Organisation { get; init; }
}

public sealed record DecideHit(Guid HitId, HitDecision Decision, string? Reason);

public enum HitDecision
{
    Clear,
    Confirm,
}

/// <summary>
/// The organisation's own authority clears a hit as a false positive (a reason is required; it stays cleared for that
/// entity revision) or confirms it, which suspends the organisation at once through the vetting rules (an approved
/// organisation is suspended; a pending one, which vetting cannot suspend, is rejected). One log entry per decision.
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
            hit.DecidedAt = now;
            hit.DecidedBy = actor.UserId;
            hit.Reason = reason;
            hit.Version = Guid.NewGuid();
            string action;
            if (request.Decision == HitDecision.Clear)
            {
                hit.Status = HitStatus.Cleared;
                action = "screening.hit-cleared";
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
                    organisation.StatusReason = Truncate($"Sanctions screening: confirmed match with {hit.ListName} {hit.EntityId} ({hit.EntityName})" + (reason is null ? "." : ": " + reason), Organisation.ReasonMaxLength);
                    organisation.DecidedAt = now;
                    organisation.DecidedBy = actor.UserId;
                    organisation.Version = Guid.NewGuid();
                }

                payload["from"] = previous.ToString();
                payload["to"] = organisation.Status.ToString();
            }

            await log.AppendAsync(actor, action, "screening-hit/" + hit.Id.ToString("D"), organisation.Id, payload, cancellationToken);
            return HitAccess.View(hit, organisation);
        }, cancellationToken);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
