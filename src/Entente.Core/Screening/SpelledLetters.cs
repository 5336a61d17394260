using System.Collections.Frozen;

namespace Entente.Core.Screening;

/// <summary>
/// Latin abbreviations as Russian spells them out: a company registered in Russia under a foreign brand writes ACG as
/// ЭЙ-СИ-ДЖИ, which sanctions lists then transliterate as EI SI DZHI, and S&amp;D as ЭС-ДИ-ЭС (ESDIES). Read back, they
/// are the letters again (ACG, SDS), to be matched like any other abbreviation.
/// </summary>
internal static class SpelledLetters
{
    // Each letter's Russian name, on a key that reads Y and J as I, ZH as Z and CH as C (so ЭЙ, EI, EY and EJ are all
    // ei; ДЖИ and DZHI are dzi) but, unlike a skeleton, keeps every vowel (ES-DI-ES must not become esdes). Letters whose
    // names are a single vowel or collapse to one (E as И, U as Ю, Q as КЬЮ) are left out: they read as ordinary words.
    private static readonly FrozenDictionary<string, char> Letters = new Dictionary<string, char>(StringComparer.Ordinal)
    {
        ["ei"] = 'a', ["bi"] = 'b', ["si"] = 'c', ["di"] = 'd', ["ef"] = 'f', ["dzi"] = 'g', ["eic"] = 'h', ["ai"] = 'i',
        ["dzei"] = 'j', ["kei"] = 'k', ["el"] = 'l', ["em"] = 'm', ["en"] = 'n', ["ou"] = 'o', ["pi"] = 'p', ["ar"] = 'r',
        ["es"] = 's', ["ti"] = 't', ["vi"] = 'v', ["dabliu"] = 'w', ["eks"] = 'x', ["uai"] = 'y', ["zi"] = 'z', ["zed"] = 'z',
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Two spelled letters written apart (EI SI), three written as one word (ESDIES): two run together are too often a
    // word of their own (ELVI, ARBI, BIEN).
    private const int MinimumApart = 2;
    private const int MinimumTogether = 3;

    // The longest letter name as folded (DABLYU); longer words are not looked up one by one.
    private const int MaxNameLength = 6;

    /// <summary>The tokens with every run of spelled-out letters replaced by one token of the letters.</summary>
    public static NameToken[] Read(NameToken[] tokens)
    {
        List<NameToken>? result = null;
        for (var i = 0; i < tokens.Length;)
        {
            var end = i;
            while (end < tokens.Length && tokens[end].Folded.Length <= MaxNameLength && Letters.ContainsKey(Key(tokens[end].Folded)))
            {
                end++;
            }

            if (end - i >= MinimumApart)
            {
                result ??= [.. tokens.Take(i)];
                var letters = string.Concat(tokens.Skip(i).Take(end - i).Select(t => Letters[Key(t.Folded)]));
                result.Add(new NameToken(string.Join(' ', tokens.Skip(i).Take(end - i).Select(t => t.Surface)), letters,
                    NameNormalizer.Skeleton(letters), tokens[i].Traits));
                i = end;
                continue;
            }

            var token = tokens[i];
            if (TrySegment(Key(token.Folded)) is { } together)
            {
                result ??= [.. tokens.Take(i)];
                result.Add(new NameToken(token.Surface, together, NameNormalizer.Skeleton(together), token.Traits));
            }
            else
            {
                result?.Add(token);
            }

            i++;
        }

        return result is null ? tokens : [.. result];
    }

    private static string Key(string folded) =>
        folded.Replace("zh", "z", StringComparison.Ordinal).Replace("ch", "c", StringComparison.Ordinal).Replace('y', 'i').Replace('j', 'i');

    // A word made wholly of letter names, read as its letters, or null: letter names are two to six letters long, and
    // the first reading that covers the whole word is taken.
    private static string? TrySegment(string key)
    {
        if (key.Length < MinimumTogether * 2 || key.Length > 60)
        {
            return null;
        }

        Span<char> letters = stackalloc char[key.Length];
        var count = 0;
        return Segment(key, 0, letters, ref count) && count >= MinimumTogether ? new string(letters[..count]) : null;
    }

    private static bool Segment(string key, int at, Span<char> letters, ref int count)
    {
        if (at == key.Length)
        {
            return true;
        }

        for (var length = 2; length <= MaxNameLength && at + length <= key.Length; length++)
        {
            if (Letters.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key.AsSpan(at, length), out var letter))
            {
                letters[count++] = letter;
                if (Segment(key, at + length, letters, ref count))
                {
                    return true;
                }

                count--;
            }
        }

        return false;
    }
}
