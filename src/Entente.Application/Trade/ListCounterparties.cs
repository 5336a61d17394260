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

/// <summary>A counterparty with the name of the organisation that named it, so the register can sort by either.</summary>
public sealed class CounterpartyListing
{
    public required Counterparty Counterparty { get; init; }

    public required string OrganisationNameEn { get; init; }
}

public sealed class ListCounterpartiesHandler(EntenteDbContext db)
{
    /// <summary>The register's sort orders, shared by its numbered pages and the cursor-paged API; "registered" is the default.</summary>
    public static SortOrders<CounterpartyListing, CounterpartyRow> Sorts { get; } = new(
        new("registered", SortColumns.Time<CounterpartyListing, CounterpartyRow>(l => l.Counterparty.RegisteredAt, r => r.RegisteredAt), Id),
        new("name", SortColumns.Text<CounterpartyListing, CounterpartyRow>(l => l.Counterparty.Name, r => r.Name, TextOrder.Alphabetical), Id),
        new("country", SortColumns.Text<CounterpartyListing, CounterpartyRow>(l => l.Counterparty.Country, r => r.Country, TextOrder.Code), Name, Id.Ascending()),
        new("status",
            SortColumns.StoredName<CounterpartyListing, CounterpartyRow, CounterpartyStatus>(l => l.Counterparty.Status, r => Enum.Parse<CounterpartyStatus>(r.Status)),
            Name, Id.Ascending()),
        new("organisation", SortColumns.Text<CounterpartyListing, CounterpartyRow>(l => l.OrganisationNameEn, r => r.OrganisationNameEn, TextOrder.Alphabetical), Name, Id.Ascending()));

    private static SortColumn<CounterpartyListing, CounterpartyRow> Id => SortColumns.Id<CounterpartyListing, CounterpartyRow>(l => l.Counterparty.Id, r => r.Id);

    private static SortColumn<CounterpartyListing, CounterpartyRow> Name =>
        SortColumns.Text<CounterpartyListing, CounterpartyRow>(l => l.Counterparty.Name, r => r.Name, TextOrder.Alphabetical).Ascending();

    /// <summary>One numbered page, for the register's page.</summary>
    public async Task<Result<Page<CounterpartyRow>>> HandleAsync(Actor actor, ListCounterparties request, CancellationToken cancellationToken)
    {
        var query = Filter(actor, request);
        return query.IsSuccess
            ? await Sorts.PageAsync(query.Value!, request.Sort, request.Descending, request.Page, request.PageSize, Project, cancellationToken)
            : query.Error!;
    }

    /// <summary>
    /// The slice after a cursor, for the API: the request gives the filter and the sort. <paramref name="descending"/>
    /// null means the cursor's direction.
    /// </summary>
    public async Task<Result<CursorPage<CounterpartyRow>>> HandleAsync(Actor actor, ListCounterparties request, bool? descending, CursorRequest cursor, CancellationToken cancellationToken)
    {
        var query = Filter(actor, request);
        return query.IsSuccess
            ? await Sorts.SliceAsync(query.Value!, request.Sort, descending, cursor, Project, cancellationToken)
            : query.Error!;
    }

    private static IQueryable<CounterpartyRow> Project(IQueryable<CounterpartyListing> query) =>
        query.Select(l => new CounterpartyRow(l.Counterparty.Id, l.Counterparty.OrganisationId, l.OrganisationNameEn, l.Counterparty.Name, l.Counterparty.NativeName, l.Counterparty.Country,
            l.Counterparty.IsConsignee, l.Counterparty.IsEndUser, l.Counterparty.Status.ToString(), l.Counterparty.RegisteredAt));

    private Result<IQueryable<CounterpartyListing>> Filter(Actor actor, ListCounterparties request)
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

        if (Sorts.Refuse(request.Sort) is { } refused)
        {
            return refused;
        }

        var listings = from c in counterparties
                       join o in db.Organisations on c.OrganisationId equals o.Id
                       select new CounterpartyListing { Counterparty = c, OrganisationNameEn = o.LegalNameEn };
        return Result<IQueryable<CounterpartyListing>>.Success(listings);
    }
}
