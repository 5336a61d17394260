using System.Collections.Frozen;
using System.Text;

namespace Entente.Core.Screening;

/// <summary>
/// A Cyrillic → Latin transliteration scheme from the iuliia collection (ICAO Doc 9303, BGN/PCGN, GOST 7.79,
/// ISO 9, ALA-LC, scientific and others). Letters are mapped one by one, with context rules that look at the
/// previous letter, the next letter, or the word's two-letter ending, exactly as iuliia defines them.
/// </summary>
public sealed class TransliterationScheme
{
    private const int EndingLength = 2;
    private readonly FrozenDictionary<string, string> _letters;
    private readonly FrozenDictionary<string, string> _previous;
    private readonly FrozenDictionary<string, string> _next;
    private readonly FrozenDictionary<string, string> _endings;

    internal TransliterationScheme(SchemeData data)
    {
        Name = data.Name;
        Description = data.Description;
        var letters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Pairs(data.Letters))
        {
            letters[key] = value;
            letters.TryAdd(Capitalize(key), Capitalize(value));
        }

        // Context keys are stored lower-case; the case of the current letter decides the case of the output.
        // A one-letter key in the previous-letter table applies at the start of a word, in the next-letter table at its end.
        var previous = Pairs(data.Previous).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var next = Pairs(data.Next).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

        var endings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Pairs(data.Endings))
        {
            endings[key] = value;
            endings.TryAdd(key.ToUpperInvariant(), value.ToUpperInvariant());
        }

        _letters = letters.ToFrozenDictionary(StringComparer.Ordinal);
        _previous = previous.ToFrozenDictionary(StringComparer.Ordinal);
        _next = next.ToFrozenDictionary(StringComparer.Ordinal);
        _endings = endings.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The iuliia identifier, e.g. <c>icao_doc_9303</c>.</summary>
    public string Name { get; }

    /// <summary>A one-line description of the scheme.</summary>
    public string Description { get; }

    /// <summary>Transliterates Cyrillic text; other characters pass through unchanged.</summary>
    public string Transliterate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length + 8);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                result.Append(text[i]);
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            TranslateWord(text.AsSpan(start, i - start), result);
        }

        return result.ToString();
    }

    private void TranslateWord(ReadOnlySpan<char> word, StringBuilder result)
    {
        if (word.Length > EndingLength && _endings.Count > 0 &&
            _endings.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word[^EndingLength..], out var ending))
        {
            TranslateLetters(word[..^EndingLength], result);
            result.Append(ending);
            return;
        }

        TranslateLetters(word, result);
    }

    private void TranslateLetters(ReadOnlySpan<char> word, StringBuilder result)
    {
        var letters = _letters.GetAlternateLookup<ReadOnlySpan<char>>();
        var previous = _previous.GetAlternateLookup<ReadOnlySpan<char>>();
        var next = _next.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> pair = stackalloc char[2];
        for (var i = 0; i < word.Length; i++)
        {
            var current = word[i];
            var lower = char.ToLowerInvariant(current);
            var upper = current != lower;
            if (_previous.Count > 0)
            {
                scoped ReadOnlySpan<char> key;
                if (i > 0)
                {
                    pair[0] = char.ToLowerInvariant(word[i - 1]);
                    pair[1] = lower;
                    key = pair;
                }
                else
                {
                    pair[0] = lower;
                    key = pair[..1];
                }

                if (previous.TryGetValue(key, out var byPrevious))
                {
                    result.Append(upper ? Capitalize(byPrevious) : byPrevious);
                    continue;
                }
            }

            if (_next.Count > 0)
            {
                pair[0] = lower;
                scoped ReadOnlySpan<char> key;
                if (i + 1 < word.Length)
                {
                    pair[1] = char.ToLowerInvariant(word[i + 1]);
                    key = pair;
                }
                else
                {
                    key = pair[..1];
                }

                if (next.TryGetValue(key, out var byNext))
                {
                    result.Append(upper ? Capitalize(byNext) : byNext);
                    continue;
                }
            }

            if (letters.TryGetValue(word.Slice(i, 1), out var mapped))
            {
                result.Append(mapped);
            }
            else
            {
                result.Append(current);
            }
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static string Capitalize(string value) =>
        value.Length == 0 ? value : char.ToUpperInvariant(value[0]) + value[1..];

    private static IEnumerable<(string Key, string Value)> Pairs(string[] flat)
    {
        for (var i = 0; i + 1 < flat.Length; i += 2)
        {
            yield return (flat[i], flat[i + 1]);
        }
    }
}

/// <summary>The transliteration schemes shipped with Entente (tables from nalgeon/iuliia, MIT).</summary>
public static class TransliterationSchemes
{
    private static readonly Lazy<FrozenDictionary<string, TransliterationScheme>> Schemes = new(() =>
        TransliterationTables.All.ToFrozenDictionary(d => d.Name, d => new TransliterationScheme(d), StringComparer.Ordinal));

    /// <summary>Every shipped scheme, by iuliia name.</summary>
    public static IReadOnlyCollection<TransliterationScheme> All => Schemes.Value.Values;

    /// <summary>ICAO Doc 9303 (machine-readable passports; Russian international passports since 2013).</summary>
    public static TransliterationScheme Icao => Get("icao_doc_9303");

    /// <summary>BGN/PCGN 1947 (the scheme of UK and US government lists).</summary>
    public static TransliterationScheme BgnPcgn => Get("bgn_pcgn");

    /// <summary>GOST 7.79-2000 system B (ISO 9 with Latin-only letters).</summary>
    public static TransliterationScheme Gost779B => Get("gost_779_alt");

    /// <summary>GOST 7.79-2000 system A, identical to ISO 9:1995 (diacritics).</summary>
    public static TransliterationScheme Iso9 => Get("gost_779");

    /// <summary>ALA-LC (Library of Congress).</summary>
    public static TransliterationScheme AlaLc => Get("ala_lc");

    /// <summary>Scientific transliteration.</summary>
    public static TransliterationScheme Scientific => Get("scientific");

    /// <summary>Finds a scheme by its iuliia name.</summary>
    /// <exception cref="KeyNotFoundException">When no such scheme is shipped.</exception>
    public static TransliterationScheme Get(string name) =>
        Schemes.Value.TryGetValue(name, out var scheme) ? scheme : throw new KeyNotFoundException("unknown transliteration scheme: " + name);

    /// <summary>Finds a scheme by name, or null.</summary>
    public static TransliterationScheme? Find(string name) => Schemes.Value.GetValueOrDefault(name);
}

/// <summary>The raw tables of one scheme: flat key/value arrays as generated.</summary>
internal sealed record SchemeData(string Name, string Description, string[] Letters, string[] Previous, string[] Next, string[] Endings);
