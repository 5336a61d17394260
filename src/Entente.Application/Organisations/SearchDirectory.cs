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
    public async Task<Result<Page<DirectoryEntry>>> HandleAsync(SearchDirectory request, CancellationToken cancellationToken)
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
