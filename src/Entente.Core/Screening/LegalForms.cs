using System.Collections.Frozen;

namespace Entente.Core.Screening;

/// <summary>
/// Legal forms (OOO, ООО, AO, JSC, PJSC, Ltd, plc, GmbH, Aktiengesellschaft …) and person/organisation prefixes
/// (Mr, Dr, The …), recognised on token skeletons so that every spelling and script of a form is caught.
/// Vocabulary derived from opensanctions/rigour (MIT), see <c>Data/NameVocabulary.g.cs</c>.
/// </summary>
public static class LegalForms
{
    private const int MaxPhraseTokens = 6;

    private static readonly Lazy<FrozenSet<string>> Forms = new(() => Build([.. NameVocabulary.LegalFormPhrases.Where(p => !IsForeignAbbreviation(p)), .. NameVocabulary.RussianOrganisationTypePhrases]));

    // Short Latin abbreviations of other jurisdictions' forms (Azerbaijani MMC, Lithuanian MB, Polish SA) are compared
    // as spelled, not on skeletons: a skeleton reads TS as C and doubled letters as one, which is right for the ways
    // Russian names are written (НТЦ as NTTS or NTC, so those keep their skeletons) but makes the Russian bank MTS the
    // form MMC, and MTS BANK would then be screened as a bare BANK.
    private static readonly Lazy<FrozenSet<string>> ForeignAbbreviations = new(() => NameVocabulary.LegalFormPhrases.Where(IsForeignAbbreviation)
        .Select(p => NameNormalizer.Tokenize(p)[0].Folded).ToFrozenSet(StringComparer.Ordinal));
    private static readonly Lazy<FrozenSet<string>> Prefixes = new(() => Build(NameVocabulary.NamePrefixPhrases));

    /// <summary>Whether the whole text is a legal form (e.g. "Limited Liability Company", "ООО", "PJSC").</summary>
    public static bool IsLegalForm(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = NameNormalizer.Tokenize(text);
        return tokens.Length > 0 && IsForm(tokens, 0, tokens.Length);
    }

    /// <summary>
    /// Splits tokens into those to match and those set aside: legal-form phrases anywhere, title prefixes at the start.
    /// A name made only of such words keeps them all, so that it can still be found.
    /// </summary>
    internal static (NameToken[] Kept, NameToken[] Dropped, bool[]? Mask) Split(NameToken[] tokens)
    {
        if (tokens.Length == 0)
        {
            return (tokens, [], null);
        }

        var prefixes = Prefixes.Value;
        var drop = new bool[tokens.Length];
        var any = false;
        var atStart = true;
        for (var i = 0; i < tokens.Length;)
        {
            var matched = 0;
            for (var length = Math.Min(MaxPhraseTokens, tokens.Length - i); length >= 1; length--)
            {
                var key = Key(tokens, i, length);
                if (IsForm(tokens, i, length) || (atStart && prefixes.Contains(key)))
                {
                    matched = length;
                    break;
                }
            }

            if (matched == 0)
            {
                atStart = false;
                i++;
                continue;
            }

            for (var k = i; k < i + matched; k++)
            {
                drop[k] = true;
            }

            any = true;
            i += matched;
        }

        if (!any || drop.All(d => d))
        {
            return (tokens, [], null);
        }

        var kept = new List<NameToken>(tokens.Length);
        var dropped = new List<NameToken>(2);
        for (var i = 0; i < tokens.Length; i++)
        {
            (drop[i] ? dropped : kept).Add(tokens[i]);
        }

        return ([.. kept], [.. dropped], drop);
    }

    private static FrozenSet<string> Build(string[] phrases)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in phrases)
        {
            var tokens = NameNormalizer.Tokenize(phrase);
            if (tokens.Length is > 0 and <= MaxPhraseTokens)
            {
                set.Add(Key(tokens, 0, tokens.Length));
            }
        }

        return set.ToFrozenSet(StringComparer.Ordinal);
    }

    private static bool IsForeignAbbreviation(string phrase)
    {
        var tokens = NameNormalizer.Tokenize(phrase);
        return tokens.Length == 1 && tokens[0].Folded.Length <= 4 && !phrase.Any(c => c is >= '\u0400' and <= '\u04FF');
    }

    private static bool IsForm(NameToken[] tokens, int start, int length) =>
        Forms.Value.Contains(Key(tokens, start, length)) || (length == 1 && ForeignAbbreviations.Value.Contains(tokens[start].Folded));

    private static string Key(NameToken[] tokens, int start, int length)
    {
        length = Math.Min(length, tokens.Length - start);
        return length == 1 ? tokens[start].Skeleton : string.Join(' ', tokens.Skip(start).Take(length).Select(t => t.Skeleton));
    }
}
