using Entente.Application.Common;
using Entente.Application.Identity;
using Entente.Application.Persistence;
using Entente.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Organisations;

/// <summary>The authority's view of its party's organisations: the vetting queue and the register.</summary>
public sealed record ListOrganisations(MembershipStatus? Status, string? Search, string? Sort, bool Descending, int? Page, int? PageSize);

public sealed record OrganisationRow(Guid Id, string LegalNameEn, string LegalNameRu, string Party, string RegistrationNumber, string Status, DateTimeOffset RegisteredAt, DateTimeOffset? DecidedAt);

public sealed class ListOrganisationsHandler(EntenteDbContext db)
{
    /// <summary>The register's sort orders, shared by its numbered pages and the cursor-paged API; "registered" is the default.</summary>
    public static SortOrders<Organisation, OrganisationRow> Sorts { get; } = new(
        new("registered", SortColumns.Time<Organisation, OrganisationRow>(o => o.RegisteredAt, r => r.RegisteredAt), Id),
        new("name", SortColumns.Text<Organisation, OrganisationRow>(o => o.LegalNameEn, r => r.LegalNameEn, TextOrder.Alphabetical), Id),
        new("status",
            SortColumns.StoredName<Organisation, OrganisationRow, MembershipStatus>(o => o.Status, r => Enum.Parse<MembershipStatus>(r.Status)),
            SortColumns.Text<Organisation, OrganisationRow>(o => o.LegalNameEn, r => r.LegalNameEn, TextOrder.Alphabetical).Ascending(),
            Id.Ascending()),
        new("decided", SortColumns.OptionalTime<Organisation, OrganisationRow>(o => o.DecidedAt, r => r.DecidedAt), Id),
        // Only the administrator's register holds both parties; an authority's holds one, where this is the name order.
        new("party",
            SortColumns.Text<Organisation, OrganisationRow>(o => o.Party, r => r.Party, TextOrder.Code),
            SortColumns.Text<Organisation, OrganisationRow>(o => o.LegalNameEn, r => r.LegalNameEn, TextOrder.Alphabetical).Ascending(),
            Id.Ascending()),
        new("number", SortColumns.Text<Organisation, OrganisationRow>(o => o.RegistrationNumber, r => r.RegistrationNumber, TextOrder.Code), Id));

    private static SortColumn<Organisation, OrganisationRow> Id => SortColumns.Id<Organisation, OrganisationRow>(o => o.Id, r => r.Id);

    /// <summary>One numbered page, for the register's page.</summary>
    public async Task<Result<Page<OrganisationRow>>> HandleAsync(Actor actor, ListOrganisations request, CancellationToken cancellationToken)
    {
        var query = Filter(actor, request);
        return query.IsSuccess
            ? await Sorts.PageAsync(query.Value!, request.Sort, request.Descending, request.Page, request.PageSize, Project, cancellationToken)
            : query.Error!;
    }

    /// <summary>
    /// The slice after a cursor, for the API: the request gives the filter and the sort; its page, page size and
    /// direction are the numbered pages' and are not read here. <paramref name="descending"/> null means the cursor's direction.
    /// </summary>
    public async Task<Result<CursorPage<OrganisationRow>>> HandleAsync(Actor actor, ListOrganisations request, bool? descending, CursorRequest cursor, CancellationToken cancellationToken)
    {
        var query = Filter(actor, request);
        return query.IsSuccess
            ? await Sorts.SliceAsync(query.Value!, request.Sort, descending, cursor, Project, cancellationToken)
            : query.Error!;
    }

    private static IQueryable<OrganisationRow> Project(IQueryable<Organisation> query) =>
        query.Select(o => new OrganisationRow(o.Id, o.LegalNameEn, o.LegalNameRu, o.Party, o.RegistrationNumber, o.Status.ToString(), o.RegisteredAt, o.DecidedAt));

    private Result<IQueryable<Organisation>> Filter(Actor actor, ListOrganisations request)
    {
        IQueryable<Organisation> query = db.Organisations.AsNoTracking();
        if (actor.IsInRole(EntenteRoles.Administrator))
        {
            // The administrator runs the installation and sees every party's register.
        }
        else if (actor.Party is { } party && (actor.IsInRole(EntenteRoles.AuthorityOfficer) || actor.IsInRole(EntenteRoles.Auditor)))
        {
            query = query.Where(o => o.Party == party);
        }
        else
        {
            return new Error.Forbidden("not-an-authority", "Only authority officers, auditors and administrators see the register of organisations.");
        }

        if (request.Status is { } status)
        {
            query = query.Where(o => o.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var term = request.Search.Trim().ToUpperInvariant();
            query = query.Where(o => o.SearchText.Contains(term));
        }

        return Result<IQueryable<Organisation>>.Success(query);
    }
}
