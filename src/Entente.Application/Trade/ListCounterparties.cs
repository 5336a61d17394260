using Entente.Application.Common;
using Entente.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Trade;

/// <summary>The register of consignees and end users: an organisation's own, or all those named by its party's organisations.</summary>
public sealed record ListCounterparties(string? Status, string? Search, string? Sort, bool Descending, int? Page, int? PageSize);

public sealed record CounterpartyRow(
    Guid Id,
    Guid OrganisationId,
    string OrganisationNameEn,
    string Name,
    string? NativeName,
    string Country,
    bool IsConsignee,
    bool IsEndUser,
    string Status,
    DateTimeOffset RegisteredAt);

public sealed class ListCounterpartiesHandler(EntenteDbContext db)
{
    public static IReadOnlyList<string> SortKeys { get; } = ["registered", "name", "country", "status", "organisation"];

    public async Task<Result<Page<CounterpartyRow>>> HandleAsync(Actor actor, ListCounterparties request, CancellationToken cancellationToken)
    {
        var counterparties = db.Counterparties.AsNoTracking();
        if (actor.OrganisationId is { } organisationId)
        {
            counterparties = counterparties.Where(c => c.OrganisationId == organisationId);
        }
        else if (actor.Party is { } party && actor.CanReadParty(party))
        {
            counterparties = counterparties.Where(c => c.Party == party);
        }
        else
        {
            return new Error.Forbidden("not-allowed", "Only an organisation's people and its party's authority see its consignees and end users.");
        }

        if (!string.IsNullOrWhiteSpace(request.Status) && !string.Equals(request.Status, "all", StringComparison.OrdinalIgnoreCase))
        {
            if (!Enum.TryParse<CounterpartyStatus>(request.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status))
            {
                return Error.Invalid("status", "must be clear, underReview, denied, withdrawn or all.");
            }

            counterparties = counterparties.Where(c => c.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var term = request.Search.Trim().ToUpperInvariant();
            counterparties = counterparties.Where(c => c.SearchText.Contains(term));
        }

        var sort = string.IsNullOrWhiteSpace(request.Sort) ? "registered" : request.Sort.Trim().ToLowerInvariant();
        if (!SortKeys.Contains(sort, StringComparer.Ordinal))
        {
            return Error.Invalid("sort", "must be one of " + string.Join(", ", SortKeys) + ".");
        }

        var rows = from c in counterparties
                   join o in db.Organisations on c.OrganisationId equals o.Id
                   select new { Counterparty = c, OrganisationName = o.LegalNameEn };
        var desc = request.Descending;

        // Ids are version 7 GUIDs, in order of registration: the tie-breaker that keeps pages stable on every provider.
        rows = sort switch
        {
            "name" => desc ? rows.OrderByDescending(r => r.Counterparty.Name).ThenBy(r => r.Counterparty.Id) : rows.OrderBy(r => r.Counterparty.Name).ThenBy(r => r.Counterparty.Id),
            "country" => desc ? rows.OrderByDescending(r => r.Counterparty.Country).ThenBy(r => r.Counterparty.Name) : rows.OrderBy(r => r.Counterparty.Country).ThenBy(r => r.Counterparty.Name),
            "status" => desc ? rows.OrderByDescending(r => r.Counterparty.Status).ThenBy(r => r.Counterparty.Name) : rows.OrderBy(r => r.Counterparty.Status).ThenBy(r => r.Counterparty.Name),
            "organisation" => desc ? rows.OrderByDescending(r => r.OrganisationName).ThenBy(r => r.Counterparty.Name) : rows.OrderBy(r => r.OrganisationName).ThenBy(r => r.Counterparty.Name),
            _ => desc ? rows.OrderByDescending(r => r.Counterparty.Id) : rows.OrderBy(r => r.Counterparty.Id),
        };

        var (page, size) = Paging.Clamp(request.Page, request.PageSize);
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.Skip((page - 1) * size).Take(size)
            .Select(r => new CounterpartyRow(r.Counterparty.Id, r.Counterparty.OrganisationId, r.OrganisationName, r.Counterparty.Name, r.Counterparty.NativeName, r.Counterparty.Country,
                r.Counterparty.IsConsignee, r.Counterparty.IsEndUser, r.Counterparty.Status.ToString(), r.Counterparty.RegisteredAt))
            .ToListAsync(cancellationToken);
        return new Page<CounterpartyRow>(items, page, size, total);
    }
}
