using Entente.Application.Common;
using Entente.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Screening;

public sealed record ListVersionView(int Number, DateTimeOffset ImportedAt, string ImportedBy, string SourceFileName, string Sha256, int EntityCount, int Added, int Changed, int Removed, DateTimeOffset? RescreenedAt);

public sealed record ListView(Guid Id, string Name, string Format, int CurrentVersion, IReadOnlyList<ListVersionView> Versions);

/// <summary>The stored lists and their versions, newest first. Readable by everyone who may screen.</summary>
public sealed class ListListsHandler(EntenteDbContext db)
{
    public async Task<Result<IReadOnlyList<ListView>>> HandleAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!SearchNameHandler.MayScreen(actor))
        {
            return new Error.Forbidden("not-screening-role", "Only compliance officers, authority officers, auditors and administrators see the lists.");
        }

        var lists = await db.ScreeningLists.AsNoTracking().OrderBy(l => l.Name).ToListAsync(cancellationToken);
        var versions = await db.ScreeningListVersions.AsNoTracking().ToListAsync(cancellationToken);
        return lists.Select(l => new ListView(l.Id, l.Name, l.Format, l.CurrentVersion, versions.Where(v => v.ListId == l.Id).OrderByDescending(v => v.Number)
            .Select(v => new ListVersionView(v.Number, v.ImportedAt, v.ImportedByName, v.SourceFileName, v.Sha256, v.EntityCount, v.Added, v.Changed, v.Removed, v.RescreenedAt)).ToList())).ToList();
    }
}
