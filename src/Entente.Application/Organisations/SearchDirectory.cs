using Entente.Application.Common;
using Entente.Application.Persistence;
using Entente.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Organisations;

/// <summary>The community directory: approved members of both parties, searchable by name in either script.</summary>
public sealed record SearchDirectory(string? Search, string? Party, string? Sort, bool Descending, int? Page, int? PageSize);

public sealed record DirectoryEntry(Guid Id, string LegalNameEn, string LegalNameRu, string Party, string RegistrationNumber, DateTimeOffset? ApprovedAt);

public sealed class SearchDirectoryHandler(EntenteDbContext db)
{
    /// <summary>
    /// Only approved members act in the community: people of a pending, rejected or suspended organisation do not
    /// browse its directory. Authority officers, auditors and administrators always may.
    /// </summary>
    /// <summary>The directory's sort orders, shared by its numbered pages and the cursor-paged API; "name" is the default.</summary>
    public static SortOrders<Organisation, DirectoryEntry> Sorts { get; } = new(
        new("name", SortColumns.Text<Organisation, DirectoryEntry>(o => o.LegalNameEn, r => r.LegalNameEn, TextOrder.Alphabetical), Id),
        new("party",
            SortColumns.Text<Organisation, DirectoryEntry>(o => o.Party, r => r.Party, TextOrder.Code),
            SortColumns.Text<Organisation, DirectoryEntry>(o => o.LegalNameEn, r => r.LegalNameEn, TextOrder.Alphabetical).Ascending(),
            Id.Ascending()),
        new("approved", SortColumns.OptionalTime<Organisation, DirectoryEntry>(o => o.DecidedAt, r => r.ApprovedAt), Id),
        new("name-ru", SortColumns.Text<Organisation, DirectoryEntry>(o => o.LegalNameRu, r => r.LegalNameRu, TextOrder.Russian), Id),
        new("number", SortColumns.Text<Organisation, DirectoryEntry>(o => o.RegistrationNumber, r => r.RegistrationNumber, TextOrder.Code), Id));

    private static SortColumn<Organisation, DirectoryEntry> Id => SortColumns.Id<Organisation, DirectoryEntry>(o => o.Id, r => r.Id);

    /// <summary>One numbered page, for the directory's page.</summary>
    public async Task<Result<Page<DirectoryEntry>>> HandleAsync(Actor actor, SearchDirectory request, CancellationToken cancellationToken)
    {
        var refused = await RefusedAsync(actor, cancellationToken);
        return refused ?? Result<Page<DirectoryEntry>>.Success(
            await Sorts.PageAsync(Filter(request), request.Sort, request.Descending, request.Page, request.PageSize, Project, cancellationToken));
    }

    /// <summary>
    /// The slice after a cursor, for the API: the request gives the filter and the sort; its page, page size and
    /// direction are the numbered pages' and are not read here. <paramref name="descending"/> null means the cursor's direction.
    /// </summary>
    public async Task<Result<CursorPage<DirectoryEntry>>> HandleAsync(Actor actor, SearchDirectory request, bool? descending, CursorRequest cursor, CancellationToken cancellationToken)
    {
        var refused = await RefusedAsync(actor, cancellationToken);
        return refused ?? await Sorts.SliceAsync(Filter(request), request.Sort, descending, cursor, Project, cancellationToken);
    }

    /// <summary>
    /// Only approved members act in the community: people of a pending, rejected or suspended organisation do not
    /// browse its directory. Authority officers, auditors and administrators always may.
    /// </summary>
    private async Task<Error?> RefusedAsync(Actor actor, CancellationToken cancellationToken) =>
        actor.OrganisationId is { } own && !await db.Organisations.AnyAsync(o => o.Id == own && o.Status == MembershipStatus.Approved, cancellationToken)
            ? new Error.Forbidden("not-an-approved-member", "Your organisation is not an approved member of the community, so the directory is closed to it.")
            : null;

    /// <summary>Approved members per party: the treaty's headline figure, public on the start page.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountByPartyAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Organisations.AsNoTracking().Where(o => o.Status == MembershipStatus.Approved)
            .GroupBy(o => o.Party).Select(g => new { Party = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return Parties.All.ToDictionary(p => p, p => counts.FirstOrDefault(c => c.Party == p)?.Count ?? 0, StringComparer.Ordinal);
    }

    private static IQueryable<DirectoryEntry> Project(IQueryable<Organisation> query) =>
        query.Select(o => new DirectoryEntry(o.Id, o.LegalNameEn, o.LegalNameRu, o.Party, o.RegistrationNumber, o.DecidedAt));

    private IQueryable<Organisation> Filter(SearchDirectory request)
    {
        var query = db.Organisations.AsNoTracking().Where(o => o.Status == MembershipStatus.Approved);
        if (!string.IsNullOrWhiteSpace(request.Party))
        {
            var party = request.Party.Trim().ToUpperInvariant();
            query = query.Where(o => o.Party == party);
        }

        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            // Upper-casing is culture-invariant on both sides, so "рособоронэкспорт" finds "Рособоронэкспорт".
            var term = request.Search.Trim().ToUpperInvariant();
            query = query.Where(o => o.SearchText.Contains(term));
        }

        return query;
    }
}
