using System.Collections.Frozen;
using System.Numerics;

namespace Entente.Core.Screening;

/// <summary>
/// Legal forms (OOO, ООО, AO, JSC, PJSC, Ltd, plc, GmbH, Aktiengesellschaft …) and person/organisation prefixes
/// (Mr, Dr, The …), recognised on token skeletons so that every spelling and script of a form is caught.
/// Vocabulary derived from opensanctions/rigour (MIT), see <c>Data/NameVocabulary.g.cs</c>.
/// </summary>
public static class LegalForms
{
    private const int MaxPhraseTokens = 6;

    // Each recognised phrase with the kinds of body it says (a bit each): rigour's generic kinds (JSC for AO, ZAO,
    // AKTSIONERNOE OBSHCHESTVO and plc alike; LLC for OOO and Ltd), and each kind of Russian body that has none.
    // Two names whose set-aside words say the same kind agree in the same way, however each writes it.
    private static readonly Lazy<Vocabulary> Known = new(Vocabulary.Build);

    /// <summary>Whether the whole text is a legal form (e.g. "Limited Liability Company", "ООО", "PJSC").</summary>
    public static bool IsLegalForm(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = NameNormalizer.Tokenize(text);
        return tokens.Length > 0 && Known.Value.IsForm(tokens, 0, tokens.Length, out _);
    }

    // Legal forms written as abbreviations of three letters or fewer (AO, OOO, LLC, JSC), as skeletons; Russian kinds of
    // body (NPO, NII, KB) are not among them.
    private static readonly Lazy<FrozenSet<string>> ShortForms = new(() =>
    {
        var kinds = NameVocabulary.RussianOrganisationTypePhrases.SelectMany(NameNormalizer.Tokenize).Select(t => t.Skeleton).ToHashSet(StringComparer.Ordinal);
        return NameVocabulary.LegalFormPhrases.Select(NameNormalizer.Tokenize)
            .Where(t => t.Length == 1 && t[0].Skeleton.Length <= 3 && !kinds.Contains(t[0].Skeleton))
            .Select(t => t[0].Skeleton).ToFrozenSet(StringComparer.Ordinal);
    });

    /// <summary>
    /// Whether a set-aside word is a legal form that is itself an abbreviation (AO, LLC): it gives no letter to another
    /// abbreviation, whose letters are the initials of words (DP MICROCHIP LLC is not DML).
    /// </summary>
    internal static bool IsAbbreviatedForm(string skeleton) => skeleton.Length <= 3 && ShortForms.Value.Contains(skeleton) && !Acronyms.IsFunctionWord(skeleton);

    /// <summary>The number of kinds two sets of kinds (<see cref="AnalyzedName"/>) have in common.</summary>
    internal static int SharedKinds(ulong a, ulong b) => BitOperations.PopCount(a & b);

    /// <summary>
    /// Splits tokens into those to match and those set aside: legal-form phrases anywhere, title prefixes at the start.
    /// A name made only of such words keeps them all, so that it can still be found. Kinds are the kinds of body the
    /// forms say, found either way.
    /// </summary>
    internal static (NameToken[] Kept, NameToken[] Dropped, bool[]? Mask, ulong Kinds) Split(NameToken[] tokens)
    {
        if (tokens.Length == 0)
        {
            return (tokens, [], null, 0);
        }

        var known = Known.Value;
        var drop = new bool[tokens.Length];
        var any = false;
        var atStart = true;
        ulong kinds = 0;
        for (var i = 0; i < tokens.Length;)
        {
            var matched = 0;
            for (var length = Math.Min(MaxPhraseTokens, tokens.Length - i); length >= 1; length--)
            {
                if (known.IsForm(tokens, i, length, out var phraseKinds))
                {
                    kinds |= phraseKinds;
                    matched = length;
                    break;
                }

                if (atStart && known.Prefixes.Contains(Key(tokens, i, length)))
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
            return (tokens, [], null, kinds);
        }

        var kept = new List<NameToken>(tokens.Length);
        var dropped = new List<NameToken>(2);
        for (var i = 0; i < tokens.Length; i++)
        {
            (drop[i] ? dropped : kept).Add(tokens[i]);
        }

        return ([.. kept], [.. dropped], drop, kinds);
    }

    private static string Key(NameToken[] tokens, int start, int length)
    {
        length = Math.Min(length, tokens.Length - start);
        return length == 1 ? tokens[start].Skeleton : string.Join(' ', tokens.Skip(start).Take(length).Select(t => t.Skeleton));
    }

    private static string[] KeyTokens(string phrase) => NameNormalizer.Tokenize(phrase) is { Length: > 0 and <= MaxPhraseTokens } tokens
        ? [Key(tokens, 0, tokens.Length), tokens[0].Folded] : [];

    // Short Latin abbreviations of other jurisdictions' forms (Azerbaijani MMC, Lithuanian MB, Polish SA) are compared
    // as spelled, not on skeletons: a skeleton reads TS as C, Y as I and IA as A, which is right for the ways Russian
    // names are written (НТЦ as NTTS or NTC, so those keep their skeletons) but lets a three-letter word of a name pass
    // for some country's form and be set aside (the Russian bank MTS read as MMC; MTS BANK screened as a bare BANK).
    // Now that abbreviations keep doubled letters, MTS alone would no longer collide, but matching these forms on
    // skeletons still loses three held-out OFAC queries at rank one.
    private static bool IsForeignAbbreviation(string phrase)
    {
        var tokens = NameNormalizer.Tokenize(phrase);
        return tokens.Length == 1 && tokens[0].Folded.Length <= 4 && !phrase.Any(c => c is >= '\u0400' and <= '\u04FF');
    }

    private sealed record Vocabulary(
        FrozenDictionary<string, ulong> Forms, FrozenDictionary<string, ulong> ForeignAbbreviations, FrozenSet<string> Prefixes)
    {
        public bool IsForm(NameToken[] tokens, int start, int length, out ulong kinds) =>
            Forms.TryGetValue(Key(tokens, start, length), out kinds) ||
            (length == 1 && ForeignAbbreviations.TryGetValue(tokens[start].Folded, out kinds));

        public static Vocabulary Build()
        {
            var bits = new Dictionary<string, ulong>(StringComparer.Ordinal);
            ulong Bit(string kind)
            {
                if (!bits.TryGetValue(kind, out var bit))
                {
                    // A ulong per indexed name holds its kinds; more than 64 would need a wider set.
                    if (bits.Count == 64)
                    {
                        throw new InvalidOperationException("More than 64 kinds of body in the legal-form vocabulary.");
                    }

                    bits[kind] = bit = 1UL << bits.Count;
                }

                return bit;
            }

            var kindsOf = new Dictionary<string, ulong>(StringComparer.Ordinal);
            foreach (var (phrase, generic) in NameVocabulary.LegalFormGenerics)
            {
                kindsOf[phrase] = kindsOf.GetValueOrDefault(phrase) | Bit(generic);
            }

            var forms = new Dictionary<string, ulong>(StringComparer.Ordinal);
            var foreign = new Dictionary<string, ulong>(StringComparer.Ordinal);
            foreach (var phrase in NameVocabulary.LegalFormPhrases)
            {
                if (KeyTokens(phrase) is [var key, var folded])
                {
                    var target = IsForeignAbbreviation(phrase) ? foreign : forms;
                    var targetKey = ReferenceEquals(target, foreign) ? folded : key;
                    target[targetKey] = target.GetValueOrDefault(targetKey) | kindsOf.GetValueOrDefault(phrase);
                }
            }

            foreach (var (generic, phrases) in NameVocabulary.RussianOrganisationTypes)
            {
                var bit = Bit(generic ?? "RU " + phrases[0]);
                foreach (var phrase in phrases)
                {
                    if (KeyTokens(phrase) is [var key, _])
                    {
                        forms[key] = forms.GetValueOrDefault(key) | bit;
                    }
                }
            }

            var prefixes = NameVocabulary.NamePrefixPhrases.Select(KeyTokens).Where(k => k.Length > 0).Select(k => k[0]);
            return new Vocabulary(forms.ToFrozenDictionary(StringComparer.Ordinal), foreign.ToFrozenDictionary(StringComparer.Ordinal),
                prefixes.ToFrozenSet(StringComparer.Ordinal));
        }
    }
}
