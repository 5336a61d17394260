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
    public async Task<Result<Page<DirectoryEntry>>> HandleAsync(Actor actor, SearchDirectory request, CancellationToken cancellationToken)
    {
        if (actor.OrganisationId is { } own
            && !await db.Organisations.AnyAsync(o => o.Id == own && o.Status == MembershipStatus.Approved, cancellationToken))
        {
            return new Error.Forbidden("not-an-approved-member", "Your organisation is not an approved member of the community, so the directory is closed to it.");
        }

        return await SearchAsync(request, cancellationToken);
    }

    /// <summary>Approved members per party: the treaty's headline figure, public on the start page.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountByPartyAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Organisations.AsNoTracking().Where(o => o.Status == MembershipStatus.Approved)
            .GroupBy(o => o.Party).Select(g => new { Party = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return Parties.All.ToDictionary(p => p, p => counts.FirstOrDefault(c => c.Party == p)?.Count ?? 0, StringComparer.Ordinal);
    }

    private async Task<Result<Page<DirectoryEntry>>> SearchAsync(SearchDirectory request, CancellationToken cancellationToken)
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

        query = (request.Sort, request.Descending) switch
        {
            ("party", false) => query.OrderBy(o => o.Party).ThenBy(o => o.LegalNameEn),
            ("party", true) => query.OrderByDescending(o => o.Party).ThenBy(o => o.LegalNameEn),
            ("approved", false) => query.OrderBy(o => o.DecidedAt),
            ("approved", true) => query.OrderByDescending(o => o.DecidedAt),
            (_, true) => query.OrderByDescending(o => o.LegalNameEn),
            _ => query.OrderBy(o => o.LegalNameEn),
        };

        var (page, size) = Paging.Clamp(request.Page, request.PageSize);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.Skip((page - 1) * size).Take(size)
            .Select(o => new DirectoryEntry(o.Id, o.LegalNameEn, o.LegalNameRu, o.Party, o.RegistrationNumber, o.DecidedAt))
            .ToListAsync(cancellationToken);
        return new Page<DirectoryEntry>(rows, page, size, total);
    }
}
