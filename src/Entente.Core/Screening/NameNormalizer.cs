using System.Globalization;
using System.Text;

namespace Entente.Core.Screening;

/// <summary>How a token was changed on its way to its comparable form.</summary>
[Flags]
public enum TokenTraits
{
    /// <summary>Nothing beyond case and accents.</summary>
    None = 0,

    /// <summary>The token was written in Cyrillic and transliterated.</summary>
    Cyrillic = 1,

    /// <summary>The token mixed scripts; look-alike letters were folded to the token's main script.</summary>
    Homoglyph = 2,
}

/// <summary>One word of a name in its three forms: as written, folded to Latin, and reduced to its phonetic skeleton.</summary>
/// <param name="Surface">The token as written (case kept).</param>
/// <param name="Folded">Lower-case Latin: accents stripped, Cyrillic transliterated.</param>
/// <param name="Skeleton">The key on which every transliteration scheme of the same word agrees (kh/h/x → h, iu/yu/ju → u …).</param>
/// <param name="Traits">How the token was changed.</param>
public readonly record struct NameToken(string Surface, string Folded, string Skeleton, TokenTraits Traits);

/// <summary>A name reduced for matching: its significant tokens, and the legal forms and titles set aside.</summary>
public sealed class AnalyzedName
{
    internal AnalyzedName(string text, NameToken[] tokens, NameToken[] dropped, NameToken[] sequence, bool[]? setAside, ulong kinds)
    {
        Kinds = kinds;
        Sequence = sequence;
        SetAside = setAside;
        Text = text;
        Tokens = tokens;
        Dropped = dropped;
        Concatenated = string.Concat(tokens.Select(t => t.Skeleton));
    }

    /// <summary>The name as given.</summary>
    public string Text { get; }

    /// <summary>The tokens that take part in matching, in written order.</summary>
    public IReadOnlyList<NameToken> Tokens { get; }

    /// <summary>Legal forms (OOO, JSC, Ltd …) and titles (Mr, Dr …) removed before matching.</summary>
    public IReadOnlyList<NameToken> Dropped { get; }

    /// <summary>Every token in written order, those set aside included: abbreviations are made of all the words.</summary>
    internal NameToken[] Sequence { get; }

    /// <summary>Which tokens of <see cref="Sequence"/> were set aside, or null when none were.</summary>
    internal bool[]? SetAside { get; }

    /// <summary>The kinds of body its legal forms say (JSC, LLC, a design bureau …), as a set of bits.</summary>
    internal ulong Kinds { get; }

    /// <summary>The skeletons of all tokens joined, to catch names written with or without spaces.</summary>
    public string Concatenated { get; }
}

/// <summary>
/// Turns a name into comparable tokens: Unicode compatibility normalisation, case folding (invariant), look-alike
/// letters in mixed-script words folded by shape, Cyrillic transliterated, accents stripped, and each token reduced
/// to a skeleton on which the usual transliteration schemes (ICAO, BGN/PCGN, GOST 7.79, ALA-LC, scientific,
/// German and French informal spellings) agree.
/// </summary>
public static class NameNormalizer
{
    // Base transliteration for Cyrillic (Russian, Ukrainian, Belarusian letters); the skeleton folds away the differences to other schemes.
    private static readonly string[] CyrillicToLatin = BuildCyrillicTable();

    // Look-alike letters by shape: Cyrillic/Greek → Latin, used when a mostly Latin word contains them.
    private static readonly Dictionary<char, char> ToLatinShape = new()
    {
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['ё'] = 'e', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p', ['с'] = 'c',
        ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['і'] = 'i', ['ї'] = 'i', ['ј'] = 'j', ['ѕ'] = 's', ['ԁ'] = 'd', ['ԛ'] = 'q', ['ԝ'] = 'w',
        ['ь'] = 'b', ['г'] = 'r', ['п'] = 'n', ['и'] = 'u', ['з'] = '3',
        ['α'] = 'a', ['β'] = 'b', ['ε'] = 'e', ['ζ'] = 'z', ['η'] = 'h', ['ι'] = 'i', ['κ'] = 'k', ['μ'] = 'm', ['ν'] = 'v', ['ο'] = 'o',
        ['ρ'] = 'p', ['τ'] = 't', ['υ'] = 'u', ['χ'] = 'x', ['γ'] = 'y', ['ω'] = 'w',
    };

    // Latin look-alikes → Cyrillic, used when a mostly Cyrillic word contains Latin letters.
    private static readonly Dictionary<char, char> ToCyrillicShape = new()
    {
        ['a'] = 'а', ['b'] = 'в', ['e'] = 'е', ['k'] = 'к', ['m'] = 'м', ['h'] = 'н', ['o'] = 'о', ['p'] = 'р', ['c'] = 'с', ['t'] = 'т',
        ['y'] = 'у', ['x'] = 'х', ['i'] = 'і', ['3'] = 'з', ['r'] = 'г', ['n'] = 'п', ['u'] = 'и',
    };

    // Capital Latin letters drawn like Cyrillic capitals, and the Cyrillic letter each one looks like.
    private const string LatinLookAlikes = "ABCEHKMOPTXY";
    private const string CyrillicOfLookAlikes = "АВСЕНКМОРТХУ";

    /// <summary>
    /// The name with every word that is drawn only in capital letters Latin and Cyrillic share (A B C E H K M O P T X Y)
    /// read as Cyrillic: ТЕХНОМАР typed in Latin look-alikes is TEXHOMAP, which has no mixed-script letter to give it
    /// away. Only words of four letters or more with a letter that sounds different in Cyrillic (B C H P X Y) are read;
    /// null when there is none. The words read are returned, Cyrillic to Latin, to explain a match.
    /// </summary>
    public static (string Text, IReadOnlyDictionary<string, string> Words)? ReadAsCyrillic(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Dictionary<string, string>? words = null;
        char[]? text = null;
        for (var i = 0; i < name.Length;)
        {
            if (!char.IsLetter(name[i]))
            {
                i++;
                continue;
            }

            var end = i;
            var allLookAlike = true;
            var soundsOther = false;
            while (end < name.Length && char.IsLetter(name[end]))
            {
                allLookAlike &= LatinLookAlikes.Contains(name[end], StringComparison.Ordinal);
                soundsOther |= name[end] is 'B' or 'C' or 'H' or 'P' or 'X' or 'Y';
                end++;
            }

            if (allLookAlike && soundsOther && end - i >= 4)
            {
                text ??= name.ToCharArray();
                for (var k = i; k < end; k++)
                {
                    text[k] = CyrillicOfLookAlikes[LatinLookAlikes.IndexOf(name[k], StringComparison.Ordinal)];
                }

                (words ??= new Dictionary<string, string>(StringComparer.Ordinal))[new string(text, i, end - i)] = name[i..end];
            }

            i = end;
        }

        return text is null ? null : (new string(text), words!);
    }

    /// <summary>Analyses a name: tokens to match, and legal forms and titles set aside.</summary>
    public static AnalyzedName Analyze(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var tokens = Tokenize(name);
        var (kept, dropped, mask, kinds) = LegalForms.Split(tokens);
        return new AnalyzedName(name, kept, dropped, tokens, mask, kinds);
    }

    /// <summary>Splits a name into normalised tokens without removing anything.</summary>
    public static NameToken[] Tokenize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.IsNormalized(NormalizationForm.FormKC) ? name : name.Normalize(NormalizationForm.FormKC);
        var result = new List<NameToken>(4);
        var current = new StringBuilder(16);
        var segmentLength = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                current.Append(c);
                segmentLength++;
            }
            else if (IsApostrophe(c))
            {
                // Soft and hard signs are written as apostrophes (Vasil'yevich): they join the word.
            }
            else if (c == '.' && segmentLength == 1 && i + 1 < text.Length && char.IsLetter(text[i + 1]) &&
                (i + 2 >= text.Length || !char.IsLetterOrDigit(text[i + 2])))
            {
                // Initialisms such as L.L.C. or O.O.O. read as one word; initials written against a surname
                // (IM. A.A.KULAKOVA) do not swallow it.
                segmentLength = 0;
            }
            else
            {
                Flush(current, result);
                segmentLength = 0;
            }
        }

        Flush(current, result);
        return SpelledLetters.Read([.. result]);
    }

    /// <summary>Normalises one word (no separators) to its folded Latin form and skeleton.</summary>
    public static NameToken NormalizeToken(string surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var lower = surface.ToLowerInvariant();
        var traits = TokenTraits.None;
        var (latin, cyrillic, greek) = CountScripts(lower);
        if (cyrillic > 0 && (latin > 0 || greek > 0))
        {
            traits |= TokenTraits.Homoglyph;
            lower = cyrillic > latin + greek ? FoldShapes(lower, ToCyrillicShape) : FoldShapes(lower, ToLatinShape);
        }
        else if (greek > 0 && latin > 0)
        {
            traits |= TokenTraits.Homoglyph;
            lower = FoldShapes(lower, ToLatinShape);
        }

        var folded = new StringBuilder(lower.Length + 4);
        foreach (var c in lower)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                traits |= TokenTraits.Cyrillic;
                folded.Append(CyrillicToLatin[c - '\u0400'] ?? c.ToString());
            }
            else
            {
                AppendLatin(c, folded);
            }
        }

        var foldedText = OrdinalNumber(folded.ToString());
        return new NameToken(surface, foldedText, Skeleton(foldedText), traits);
    }

    // An English ordinal is its number (61ST ARMOR REPAIR PLANT is 61 BTRZ; 234TH REGIMENT): the number is what
    // tells the units, plants and depots of one kind apart, whatever the language around it.
    private static string OrdinalNumber(string folded)
    {
        if (folded.Length >= 3 && char.IsAsciiDigit(folded[0]) &&
            folded.AsSpan(folded.Length - 2) is "st" or "nd" or "rd" or "th" &&
            !folded.AsSpan(0, folded.Length - 2).ContainsAnyExceptInRange('0', '9'))
        {
            return folded[..^2];
        }

        return folded;
    }

    /// <summary>
    /// Reduces a folded (lower-case Latin) word to its skeleton, where the spellings of one Russian name under the
    /// usual schemes coincide: Kalashnikov, Kalashnikoff, Kalaschnikow → kalasnikov; Yuriy, Iurii, Jurij → uri.
    /// </summary>
    public static string Skeleton(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        Span<char> buffer = folded.Length * 2 <= 256 ? stackalloc char[folded.Length * 2] : new char[folded.Length * 2];
        var n = 0;
        var s = folded.AsSpan();
        for (var i = 0; i < s.Length;)
        {
            var rest = s[i..];
            // SCHCH is SHCH written with the German SCH (OBSCHCHESTVO), as lists do.
            if (rest.StartsWith("schch", StringComparison.Ordinal)) { buffer[n++] = 's'; i += 5; }
            else if (rest.StartsWith("shch", StringComparison.Ordinal)) { buffer[n++] = 's'; i += 4; }
            else if (rest.StartsWith("tsch", StringComparison.Ordinal)) { buffer[n++] = 'c'; i += 4; }
            else if (rest.StartsWith("sch", StringComparison.Ordinal)) { buffer[n++] = 's'; i += 3; }
            else if (rest.StartsWith("tch", StringComparison.Ordinal)) { buffer[n++] = 'c'; i += 3; }
            else if (rest.StartsWith("sh", StringComparison.Ordinal)) { buffer[n++] = 's'; i += 2; }
            else if (rest.StartsWith("ch", StringComparison.Ordinal)) { buffer[n++] = 'c'; i += 2; }
            else if (rest.StartsWith("zh", StringComparison.Ordinal)) { buffer[n++] = 'z'; i += 2; }
            else if (rest.StartsWith("kh", StringComparison.Ordinal)) { buffer[n++] = 'h'; i += 2; }
            else if (rest.StartsWith("ts", StringComparison.Ordinal) || rest.StartsWith("tz", StringComparison.Ordinal) || rest.StartsWith("cz", StringComparison.Ordinal)) { buffer[n++] = 'c'; i += 2; }
            else if (rest.StartsWith("ph", StringComparison.Ordinal)) { buffer[n++] = 'f'; i += 2; }
            else if (rest.StartsWith("ck", StringComparison.Ordinal)) { buffer[n++] = 'k'; i += 2; }
            else
            {
                switch (s[i])
                {
                    case 'x': buffer[n++] = 'k'; buffer[n++] = 's'; break;
                    case 'w': buffer[n++] = 'v'; break;
                    case 'q': buffer[n++] = 'k'; break;
                    case 'j' or 'y': buffer[n++] = 'i'; break;
                    default: buffer[n++] = s[i]; break;
                }

                i++;
            }
        }

        // Doubled letters are one in a word (Kalashnikoff, Rossiiskii) but not in an abbreviation, whose letters are
        // words of their own: CCP is not TSP, nor SSSR SSR.
        // Nor in a word of three letters or fewer, most often an abbreviation too (AAC is not AYACH).
        var abbreviation = folded.Length <= 3 || !buffer[..n].ContainsAny("aeiou");
        if (!abbreviation)
        {
            n = CollapseRepeats(buffer[..n]);
        }

        // Iotated vowels: ia/ya/ja → a, iu/yu/ju → u, ie/ye/je → e, io/yo/jo → o (y and j are already i).
        var m = 0;
        for (var i = 0; i < n; i++)
        {
            if (buffer[i] == 'i' && i + 1 < n && buffer[i + 1] is 'a' or 'u' or 'e' or 'o')
            {
                continue;
            }

            buffer[m++] = buffer[i];
        }

        if (!abbreviation)
        {
            m = CollapseRepeats(buffer[..m]);
        }

        // -off / -eff endings are the old spelling of -ov / -ev (Smirnoff, Kalashnikoff).
        if (m > 3 && buffer[m - 1] == 'f' && buffer[m - 2] is 'o' or 'e')
        {
            buffer[m - 1] = 'v';
        }

        return new string(buffer[..m]);
    }

    // Case and gender endings of Russian words as they look in a skeleton (-ogo, -ykh → ih, -aya → a, -yi → i …),
    // longest first.
    private static readonly string[] InflectionEndings = ["ogo", "ego", "omu", "ami", "ih", "im", "om", "oi", "ei", "oe", "ee", "ui", "ai", "a", "e", "i", "o", "u"];

    /// <summary>
    /// The stem of a skeleton: Russian case and gender endings removed, and the adjective suffixes -sk- and -n- that
    /// turn a place or thing into an attribute (KAZANSKII → kazan, as KAZAN; ZELENODOLSKOE → zelenodol, as ZELENODOLSK;
    /// TSENTRALNYI → central; ALEKSEEVA → alekseev). Words under five letters and numbers are kept whole.
    /// </summary>
    public static string Stem(string skeleton)
    {
        ArgumentNullException.ThrowIfNull(skeleton);
        if (skeleton.Length < 5 || char.IsDigit(skeleton[^1]))
        {
            return skeleton;
        }

        var length = skeleton.Length;
        foreach (var ending in InflectionEndings)
        {
            if (length - ending.Length >= 4 && skeleton.EndsWith(ending, StringComparison.Ordinal))
            {
                length -= ending.Length;
                break;
            }
        }

        var span = skeleton.AsSpan(0, length);
        if (length >= 6 && span.EndsWith("sk", StringComparison.Ordinal))
        {
            length -= 2;

            // A town ending in a vowel takes -ENSK- (DUBNA, DUBNENSKII; PENZA, PENZENSKII): the E joins, it is not the town's.
            if (length >= 6 && span[..length].EndsWith("en", StringComparison.Ordinal) && !IsVowel(span[length - 3]))
            {
                length -= 2;
            }
        }
        else if (length >= 5 && span[^1] == 'n' && !IsVowel(span[^2]))
        {
            length--;
        }

        return length == skeleton.Length ? skeleton : skeleton[..length];
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static int CollapseRepeats(Span<char> text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var m = 1;
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] != text[m - 1] || char.IsDigit(text[i]))
            {
                text[m++] = text[i];
            }
        }

        return m;
    }

    private static void Flush(StringBuilder current, List<NameToken> result)
    {
        if (current.Length == 0)
        {
            return;
        }

        var token = NormalizeToken(current.ToString());
        current.Clear();
        if (token.Skeleton.Length > 0)
        {
            result.Add(token);
        }
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’' or '‘' or 'ʹ' or 'ʺ' or 'ʼ' or '`' or '´' or '"' or 'ʻ' or '″' or '′';

    private static (int Latin, int Cyrillic, int Greek) CountScripts(string text)
    {
        int latin = 0, cyrillic = 0, greek = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
            else if (c is >= '\u0370' and <= '\u03FF')
            {
                greek++;
            }
            else if (char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u024F')
            {
                latin++;
            }
        }

        return (latin, cyrillic, greek);
    }

    private static string FoldShapes(string text, Dictionary<char, char> map)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (map.TryGetValue(chars[i], out var replacement))
            {
                chars[i] = replacement;
            }
        }

        return new string(chars);
    }

    private static void AppendLatin(char c, StringBuilder output)
    {
        if (c < 128)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                output.Append(c);
            }

            return;
        }

        switch (c)
        {
            case 'ß': output.Append("ss"); return;
            case 'æ': output.Append("ae"); return;
            case 'œ': output.Append("oe"); return;
            case 'ø': output.Append('o'); return;
            case 'ł': output.Append('l'); return;
            case 'đ' or 'ð': output.Append('d'); return;
            case 'þ': output.Append("th"); return;
            case 'ı': output.Append('i'); return;
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormKD);
        foreach (var d in decomposed)
        {
            var category = char.GetUnicodeCategory(d);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(d))
            {
                output.Append(char.ToLowerInvariant(d));
            }
        }
    }

    private static string[] BuildCyrillicTable()
    {
        var table = new string[256];
        void Set(char c, string latin) => table[c - '\u0400'] = latin;
        const string letters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
        string[] latin = ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"];
        for (var i = 0; i < letters.Length; i++)
        {
            Set(letters[i], latin[i]);
        }

        // Ukrainian and Belarusian letters that Russian lists meet.
        Set('і', "i");
        Set('ї', "yi");
        Set('є', "ye");
        Set('ґ', "g");
        Set('ў', "u");
        Set('ј', "j");
        return table;
    }
}
