using Entente.Core.Treaties;

namespace Entente.Core.Assessment;

/// <summary>
/// Every marking of every scheme, mapped at load to the Art. 6 reason it earns (null at or below the ceiling).
/// Lookup trims and ignores case without allocating.
/// </summary>
internal sealed class MarkingTable
{
    private readonly Dictionary<string, Scheme> schemes = new(StringComparer.Ordinal);

    public MarkingTable(Treaty treaty, ReasonFactory reasons)
    {
        var above = treaty.Reasons[ReasonKeys.MarkingAboveCeiling];
        Clause = above.Clause;
        foreach (var scheme in treaty.Schemes)
        {
            var map = new Dictionary<string, Reason?>(StringComparer.OrdinalIgnoreCase);
            foreach (var level in scheme.Levels)
            {
                foreach (var marking in level.Markings)
                {
                    var levelText = level.Level.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var reason = level.Level > treaty.ClassificationCeiling
                        ? reasons.Build(nameof(WithinClassificationCeiling), ReasonKeys.MarkingAboveCeiling, Outcome.Prohibited,
                            ("marking", marking.Native, marking.Native), ("scheme", scheme.Id, scheme.Id), ("level", levelText, levelText))
                        : null;
                    map[marking.Native.Trim()] = reason;
                    if (marking.Gloss is { } gloss)
                    {
                        map[gloss.Trim()] = reason;
                    }
                }
            }

            var unknown = reasons.Build(nameof(WithinClassificationCeiling), ReasonKeys.MarkingNotOfScheme, Outcome.Prohibited, ("scheme", scheme.Id, scheme.Id));
            schemes[scheme.Id] = new Scheme(map.GetAlternateLookup<ReadOnlySpan<char>>(), unknown);
        }
    }

    public string Clause { get; }

    public bool HasScheme(string scheme) => schemes.ContainsKey(scheme);

    public IEnumerable<string> SchemeIds => schemes.Keys;

    /// <summary>The Art. 6 reason for this marking, or null when it is a marking of the scheme at or below the ceiling.</summary>
    public Reason? Check(string scheme, string marking)
    {
        if (!schemes.TryGetValue(scheme, out var s))
        {
            return null; // unknown schemes are refused as input errors before assessment
        }

        return s.Markings.TryGetValue(marking.AsSpan().Trim(), out var reason) ? reason : s.Unknown;
    }

    private sealed record Scheme(Dictionary<string, Reason?>.AlternateLookup<ReadOnlySpan<char>> Markings, Reason Unknown);
}
