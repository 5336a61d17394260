using System.Collections.Frozen;

namespace Entente.Core.Screening;

/// <summary>
/// Latin abbreviations as Russian spells them out: a company registered in Russia under a foreign brand writes ACG as
/// ЭЙ-СИ-ДЖИ, which sanctions lists then transliterate as EI SI DZHI. Read back, they are the letters again (ACG), to be
/// matched like any other abbreviation.
/// </summary>
internal static class SpelledLetters
{
    // Each letter's Russian name, on a key that reads Y and J as I, ZH as Z and CH as C (so ЭЙ, EI, EY and EJ are all
    // ei; ДЖИ and DZHI are dzi) but, unlike a skeleton, keeps every vowel (EI is not E). Letters whose
    // names are a single vowel or collapse to one (E as И, U as Ю, Q as КЬЮ) are left out: they read as ordinary words.
    private static readonly FrozenDictionary<string, char> Letters = new Dictionary<string, char>(StringComparer.Ordinal)
    {
        ["ei"] = 'a', ["bi"] = 'b', ["si"] = 'c', ["di"] = 'd', ["ef"] = 'f', ["dzi"] = 'g', ["eic"] = 'h', ["ai"] = 'i',
        ["dzei"] = 'j', ["kei"] = 'k', ["el"] = 'l', ["em"] = 'm', ["en"] = 'n', ["ou"] = 'o', ["pi"] = 'p', ["ar"] = 'r', ["er"] = 'r',
        ["es"] = 's', ["ti"] = 't', ["vi"] = 'v', ["dabliu"] = 'w', ["eks"] = 'x', ["uai"] = 'y', ["zi"] = 'z', ["zed"] = 'z',
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // At least two letters, each written as a word of its own. Letters run together into one word (ESDIES for S&D) are
    // not read: too many words are made of letter names (EN-TI-TI-ES, AR-TI-EM for Artyom), and a word read as letters
    // would no longer match as itself.
    private const int MinimumApart = 2;

    // Letter names that are also words of the languages sanctions lists quote (Spanish EN EL, Italian DI, French SI):
    // two of them alone are those words, not letters; three or more letter names together are still read.
    private static readonly FrozenSet<string> AlsoWords = FrozenSet.ToFrozenSet(["en", "el", "es", "di", "si"], StringComparer.Ordinal);

    // The longest letter name as folded (DABLYU); longer words are not looked up one by one.
    private const int MaxNameLength = 6;

    /// <summary>The tokens with every run of spelled-out letters replaced by one token of the letters.</summary>
    public static NameToken[] Read(NameToken[] tokens)
    {
        List<NameToken>? result = null;
        for (var i = 0; i < tokens.Length;)
        {
            // A lone O before spelled letters is the letter (О-СИ-ЭС for OCS): Russian names O by its own sound.
            var end = tokens[i].Folded == "o" && IsLetterName(i + 1) && IsLetterName(i + 2) ? i + 1 : i;
            while (IsLetterName(end))
            {
                end++;
            }

            if (end - i > MinimumApart || (end - i == MinimumApart &&
                !(AlsoWords.Contains(Key(tokens[i].Folded)) && AlsoWords.Contains(Key(tokens[i + 1].Folded)))))
            {
                result ??= [.. tokens.Take(i)];
                var letters = string.Concat(tokens.Skip(i).Take(end - i).Select(t => t.Folded == "o" ? 'o' : Letters[Key(t.Folded)]));
                result.Add(new NameToken(string.Join(' ', tokens.Skip(i).Take(end - i).Select(t => t.Surface)), letters,
                    NameNormalizer.Skeleton(letters), tokens[i].Traits));
                i = end;
                continue;
            }

            result?.Add(tokens[i]);
            i++;
        }

        return result is null ? tokens : [.. result];

        bool IsLetterName(int at) => at < tokens.Length && tokens[at].Folded.Length <= MaxNameLength && Letters.ContainsKey(Key(tokens[at].Folded));
    }

    private static string Key(string folded) =>
        folded.Replace("zh", "z", StringComparison.Ordinal).Replace("ch", "c", StringComparison.Ordinal).Replace('y', 'i').Replace('j', 'i');
}
