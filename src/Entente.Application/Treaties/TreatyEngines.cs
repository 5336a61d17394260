using System.Collections.Concurrent;
using Entente.Application.Persistence;
using Entente.Core.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Treaties;

/// <summary>
/// The assessment engine of each treaty version: the shipped file for its own version, an accepted amendment's file for
/// later ones. Built once per version (an engine precomputes every rating's rule) and kept for the life of the process;
/// versions are few, and a version's file never changes once proposed.
/// </summary>
public sealed class TreatyEngines
{
    private readonly ConcurrentDictionary<string, AssessmentEngine> byVersion = new(StringComparer.Ordinal);

    /// <summary>The engine for a version of the current treaty, or null when no file of that version is known.</summary>
    public async Task<AssessmentEngine?> ForVersionAsync(EntenteDbContext db, string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var shipped = TreatyCatalogue.Default;
        if (string.Equals(version, shipped.Treaty.Version, StringComparison.Ordinal))
        {
            return shipped;
        }

        if (byVersion.TryGetValue(version, out var cached))
        {
            return cached;
        }

        var json = await db.TreatyAmendments.AsNoTracking()
            .Where(a => a.TreatyId == shipped.Treaty.Id && a.TreatyVersion == version)
            .Select(a => a.TreatyJson)
            .SingleOrDefaultAsync(cancellationToken);
        if (json is null || TreatyCatalogue.LoadJson(json, "amendment " + version).Engine is not { } engine)
        {
            return null;
        }

        return byVersion.GetOrAdd(version, engine);
    }
}
