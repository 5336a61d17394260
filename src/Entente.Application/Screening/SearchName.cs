using Entente.Application.Common;
using Entente.Application.Identity;
using Entente.Application.Persistence;
using Entente.Core.Screening;

namespace Entente.Application.Screening;

/// <summary>Screens one name against every stored list, with the explanation of each match.</summary>
public sealed record SearchName(string? Name, int? Top);

public sealed record NameSearchResult(string Query, IReadOnlyList<ScreeningMatch> Matches, double AlertThreshold, int ListCount);

public sealed class SearchNameHandler(EntenteDbContext db, ScreeningIndexCache cache)
{
    public const int NameMaxLength = 300;

    public static bool MayScreen(Actor actor) =>
        actor.IsInRole(EntenteRoles.ComplianceOfficer) || actor.IsInRole(EntenteRoles.AuthorityOfficer) || actor.IsInRole(EntenteRoles.Auditor) || actor.IsInRole(EntenteRoles.Administrator);

    public async Task<Result<NameSearchResult>> HandleAsync(Actor actor, SearchName request, CancellationToken cancellationToken)
    {
        if (!MayScreen(actor))
        {
            return new Error.Forbidden("not-screening-role", "Only compliance officers, authority officers and auditors screen names.");
        }

        var errors = new ValidationErrors();
        var name = errors.Required("name", request.Name, NameMaxLength);
        var top = request.Top ?? 10;
        if (top is < 1 or > 100)
        {
            errors.Add("top", "must be between 1 and 100.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var snapshot = await cache.GetAsync(db, cancellationToken);
        var matches = snapshot.IsEmpty ? [] : snapshot.Index.Search(name, new ScreeningOptions(top));
        return new NameSearchResult(name, matches, ScreeningOptions.AlertThreshold, snapshot.Lists.Count);
    }
}
