namespace Entente.Core.Screening;

/// <summary>How one query token was matched to a name token.</summary>
public enum TokenMatchKind
{
    /// <summary>Same word, up to case and accents.</summary>
    Exact = 0,

    /// <summary>Same word in another script or transliteration scheme (Калашников / Kalashnikov / Kalashnikoff).</summary>
    Transliteration = 1,

    /// <summary>Same word once look-alike letters of another script were folded (a Cyrillic А inside a Latin word).</summary>
    Homoglyph = 2,

    /// <summary>Close but not equal: a typing error or a variant spelling.</summary>
    Typo = 3,

    /// <summary>The same word in another case or gender, or as an adjective (KAZANSKII / KAZAN, POPOVA / POPOV).</summary>
    Inflection = 4,

    /// <summary>A translation of the word between Russian and English (ZAVOD / PLANT, VERFI / SHIPYARDS).</summary>
    Translation = 5,

    /// <summary>An abbreviation made of the initials of the other side's words (NIIP / NAUCHNO ISSLEDOVATELSKII INSTITUT PRIBOROSTROENIYA).</summary>
    Acronym = 6,
}

/// <summary>One pair in the explanation of a match.</summary>
/// <param name="QueryToken">The query's word as written.</param>
/// <param name="NameToken">The listed name's word as written.</param>
/// <param name="Kind">How the two were found equal or close.</param>
/// <param name="Similarity">Similarity of the two in [0, 1].</param>
public sealed record TokenMatch(string QueryToken, string NameToken, TokenMatchKind Kind, double Similarity);

/// <summary>Why a name matched: the token pairs, and what was left out on either side.</summary>
/// <param name="Pairs">Matched token pairs, in query order.</param>
/// <param name="UnmatchedQueryTokens">Query words with no counterpart.</param>
/// <param name="UnmatchedNameTokens">Name words with no counterpart.</param>
/// <param name="DroppedLegalForms">Legal forms and titles set aside on either side (OOO, JSC, Mr …).</param>
public sealed record MatchExplanation(
    IReadOnlyList<TokenMatch> Pairs,
    IReadOnlyList<string> UnmatchedQueryTokens,
    IReadOnlyList<string> UnmatchedNameTokens,
    IReadOnlyList<string> DroppedLegalForms)
{
    /// <summary>A one-line human reading, e.g. <c>Рособоронэкспорт→ROSOBORONEKSPORT (transliteration); dropped OAO</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>(Pairs.Count + 3);
        foreach (var pair in Pairs)
        {
            parts.Add(pair.Kind == TokenMatchKind.Exact
                ? pair.QueryToken + "=" + pair.NameToken
                : $"{pair.QueryToken}→{pair.NameToken} ({pair.Kind.ToString().ToLowerInvariant()})");
        }

        if (UnmatchedQueryTokens.Count > 0)
        {
            parts.Add("unmatched " + string.Join(' ', UnmatchedQueryTokens));
        }

        if (UnmatchedNameTokens.Count > 0)
        {
            parts.Add("not in query " + string.Join(' ', UnmatchedNameTokens));
        }

        if (DroppedLegalForms.Count > 0)
        {
            parts.Add("legal form dropped " + string.Join(' ', DroppedLegalForms));
        }

        return string.Join("; ", parts);
    }
}

/// <summary>One listed entity found for a query, with its best-matching name.</summary>
/// <param name="List">The list's short name.</param>
/// <param name="EntityId">The entity's identifier within the list.</param>
/// <param name="Name">The entity's primary name.</param>
/// <param name="MatchedName">The entity's name (primary or alias) that matched best.</param>
/// <param name="Score">Match score in [0, 1].</param>
/// <param name="Explanation">Why it matched.</param>
public sealed record ScreeningMatch(string List, string EntityId, string Name, string MatchedName, double Score, MatchExplanation Explanation);

/// <summary>Options of one search.</summary>
/// <param name="Top">At most this many entities are returned.</param>
/// <param name="MinimumScore">Matches scoring below this are not returned.</param>
public sealed record ScreeningOptions(int Top = 10, double MinimumScore = ScreeningOptions.DefaultMinimumScore)
{
    /// <summary>The lowest score reported by default: below it a match is noise.</summary>
    public const double DefaultMinimumScore = 0.6;

    /// <summary>The score at and above which a match is an alert to review (calibrated by the evaluation tests).</summary>
    public const double AlertThreshold = 0.9;
}
