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
    public static IReadOnlyList<string> SortKeys { get; } = ["registered", "name", "status", "decided"];

    public async Task<Result<Page<OrganisationRow>>> HandleAsync(Actor actor, ListOrganisations request, CancellationToken cancellationToken)
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

        query = (request.Sort, request.Descending) switch
        {
            ("name", false) => query.OrderBy(o => o.LegalNameEn),
            ("name", true) => query.OrderByDescending(o => o.LegalNameEn),
            ("status", false) => query.OrderBy(o => o.Status).ThenBy(o => o.LegalNameEn),
            ("status", true) => query.OrderByDescending(o => o.Status).ThenBy(o => o.LegalNameEn),
            ("decided", false) => query.OrderBy(o => o.DecidedAt),
            ("decided", true) => query.OrderByDescending(o => o.DecidedAt),
            (_, true) => query.OrderByDescending(o => o.RegisteredAt),
            _ => query.OrderBy(o => o.RegisteredAt),
        };

        var (page, size) = Paging.Clamp(request.Page, request.PageSize);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.Skip((page - 1) * size).Take(size)
            .Select(o => new OrganisationRow(o.Id, o.LegalNameEn, o.LegalNameRu, o.Party, o.RegistrationNumber, o.Status.ToString(), o.RegisteredAt, o.DecidedAt))
            .ToListAsync(cancellationToken);
        return new Page<OrganisationRow>(rows, page, size, total);
    }
}
