using System.Collections.Frozen;
using System.Text;

namespace Entente.Core.ControlLists;

/// <summary>Which list an entry belongs to.</summary>
public enum ControlListKind
{
    /// <summary>The UK Military List (Wassenaar Munitions List ML1–ML22, plus national PL entries).</summary>
    Military = 0,

    /// <summary>The dual-use list (categories 0–9).</summary>
    DualUse = 1,
}

/// <summary>One control-list entry (a rating such as ML10c2 or 9A012).</summary>
/// <param name="Code">The rating as the UK control list writes it.</param>
/// <param name="ParentCode">The nearest listed ancestor (ML10c2 → ML10c), or null at the top.</param>
/// <param name="Kind">Military or dual-use.</param>
/// <param name="Title">Short English title.</param>
/// <param name="TitleRu">Russian title, where the project provides one (the ML1–ML22 categories).</param>
/// <param name="LegalText">The entry's legal text.</param>
public sealed record ControlEntry(string Code, string? ParentCode, ControlListKind Kind, string Title, string? TitleRu, string LegalText)
{
    /// <summary>
    /// True for a dual-use entry the shipped snapshot does not hold, derived from its code by <see cref="ControlList.Resolve"/>
    /// (its parent comes from the code, its title from the snapshot's nearest ancestor or else the list's category and group).
    /// </summary>
    public bool IsDerived { get; init; }
}

/// <summary>
/// A control list: lookup by rating (case-insensitive, ordinal), the parent chain of each entry, and search by words.
/// Built from the CSV text shipped with the project (<see cref="ParseCsv"/>); no file access here.
/// </summary>
public sealed class ControlList
{
    private readonly FrozenDictionary<string, ControlEntry> byCode;

    /// <summary>Builds a list from entries; a repeated code keeps its first entry.</summary>
    public ControlList(IEnumerable<ControlEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var ordered = new List<ControlEntry>();
        var map = new Dictionary<string, ControlEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in entries)
        {
            if (map.TryAdd(e.Code, e))
            {
                ordered.Add(e);
            }
        }

        Entries = ordered;
        byCode = map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every entry, in file order.</summary>
    public IReadOnlyList<ControlEntry> Entries { get; }

    /// <summary>The entry with this rating (any case), or null.</summary>
    public ControlEntry? Find(string code) => code is null ? null : byCode.GetValueOrDefault(code.Trim());

    /// <summary>Whether the rating is valid: on the list, or a well-formed dual-use entry code (see <see cref="Resolve"/>).</summary>
    public bool Contains(string code) => Resolve(code) is not null;

    /// <summary>
    /// The entry for a rating: the listed entry when the snapshot holds it; otherwise, for any well-formed dual-use code
    /// (<see cref="NormaliseDualUseCode"/>: 7A117, 5A002a1, 9A012.b), an entry derived from the code itself, because the
    /// shipped snapshot carries only part of the dual-use list and every entry of EU Regulation 2021/821 Annex I is a
    /// rating. Null for anything else (a Munitions List rating must be on the list).
    /// </summary>
    public ControlEntry? Resolve(string code)
    {
        if (code is null)
        {
            return null;
        }

        if (Find(code) is { } listed)
        {
            return listed;
        }

        var normalised = NormaliseDualUseCode(code);
        if (normalised is null)
        {
            return null;
        }

        if (Find(normalised) is { } listedNormalised)
        {
            return listedNormalised;
        }

        var parent = ParentFromCode(normalised);
        var (title, titleRu) = DerivedTitle(normalised);
        return new ControlEntry(normalised, parent, ControlListKind.DualUse, title, titleRu,
            "Not in the shipped 2018 snapshot; rated by its code as an entry of the dual-use list (EU Regulation 2021/821, Annex I).")
        {
            IsDerived = true,
        };
    }

    /// <summary>The entry's parent (resolved like any rating, so a derived entry's chain runs up its code), or null at the top.</summary>
    public ControlEntry? Parent(ControlEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.ParentCode is null ? null : Resolve(entry.ParentCode);
    }

    // Annex I of EU Regulation 2021/821: the ten categories and five product groups every dual-use code is built from.
    private static readonly (string En, string Ru)[] DualUseCategories =
    [
        ("Nuclear materials, facilities and equipment", "Ядерные материалы, установки и оборудование"),
        ("Special materials and related equipment", "Специальные материалы и связанное с ними оборудование"),
        ("Materials processing", "Обработка материалов"),
        ("Electronics", "Электроника"),
        ("Computers", "Вычислительная техника"),
        ("Telecommunications and information security", "Телекоммуникации и защита информации"),
        ("Sensors and lasers", "Датчики и лазеры"),
        ("Navigation and avionics", "Навигационное оборудование и авионика"),
        ("Marine", "Морское оборудование"),
        ("Aerospace and propulsion", "Аэрокосмическая техника и двигательные установки"),
    ];

    private static readonly (string En, string Ru)[] DualUseGroups =
    [
        ("systems, equipment and components", "системы, оборудование и компоненты"),
        ("test, inspection and production equipment", "испытательное, контрольное и производственное оборудование"),
        ("materials", "материалы"),
        ("software", "программное обеспечение"),
        ("technology", "технологии"),
    ];

    private (string En, string? Ru) DerivedTitle(string code)
    {
        // The snapshot's nearest listed ancestor names the item better than the category does (9A012z under 9A012).
        for (var p = ParentFromCode(code); p is not null; p = ParentFromCode(p))
        {
            if (Find(p) is { } ancestor)
            {
                return (ancestor.Title, ancestor.TitleRu);
            }
        }

        var category = DualUseCategories[code[0] - '0'];
        var group = DualUseGroups[code[1] - 'A'];
        return ($"{category.En}: {group.En}", $"{category.Ru}: {group.Ru}");
    }

    /// <summary>The longest dual-use code accepted (bounds what a caller can make the list derive).</summary>
    public const int MaxDualUseCodeLength = 24;

    /// <summary>
    /// The code in the UK control list's spelling when it is a well-formed dual-use entry code, otherwise null: a category
    /// digit 0–9, a product group letter A–E, three digits, then optional sub-items alternating a single letter and a
    /// number, each optionally preceded by a dot (<c>5A002a1</c>, <c>9A012.b</c> → <c>9A012b</c>, <c>6a001A1</c> →
    /// <c>6A001a1</c>).
    /// </summary>
    public static string? NormaliseDualUseCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var s = code.AsSpan().Trim();
        if (s.Length < 5 || s.Length > MaxDualUseCodeLength || !char.IsAsciiDigit(s[0]) || char.ToUpperInvariant(s[1]) is < 'A' or > 'E'
            || !char.IsAsciiDigit(s[2]) || !char.IsAsciiDigit(s[3]) || !char.IsAsciiDigit(s[4]))
        {
            return null;
        }

        var result = new StringBuilder(s.Length);
        result.Append(s[0]).Append(char.ToUpperInvariant(s[1])).Append(s[2..5]);
        var expectLetter = true;
        var afterDot = false;
        for (var i = 5; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '.')
            {
                // A dot only separates groups: never two in a row, never at the end.
                if (afterDot || i == s.Length - 1)
                {
                    return null;
                }

                afterDot = true;
                continue;
            }

            if (expectLetter)
            {
                if (!char.IsAsciiLetter(c))
                {
                    return null;
                }

                result.Append(char.ToLowerInvariant(c));
                expectLetter = false;
            }
            else if (char.IsAsciiDigit(c))
            {
                result.Append(c);
                while (i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))
                {
                    result.Append(s[++i]);
                }

                expectLetter = true;
            }
            else
            {
                return null;
            }

            afterDot = false;
        }

        return result.ToString();
    }

    /// <summary>The entry itself, then its parent, up to the top (ML10c2, ML10c, ML10).</summary>
    public IEnumerable<ControlEntry> SelfAndAncestors(ControlEntry entry)
    {
        for (var e = entry; e is not null; e = Parent(e))
        {
            yield return e;
        }
    }

    /// <summary>The direct children of an entry.</summary>
    public IEnumerable<ControlEntry> Children(ControlEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Entries.Where(e => string.Equals(e.ParentCode, entry.Code, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Entries whose code, title (English or Russian) or legal text contain every word (case-insensitive).</summary>
    public IReadOnlyList<ControlEntry> Search(string words, int limit = 50)
    {
        ArgumentNullException.ThrowIfNull(words);
        var terms = words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (terms.Length == 0)
        {
            return [];
        }

        // An exact rating ranks first, then title matches, then legal-text matches.
        return Entries
            .Select(e => (Entry: e, Rank: Rank(e, terms)))
            .Where(x => x.Rank >= 0)
            .OrderBy(x => x.Rank)
            .Take(limit)
            .Select(x => x.Entry)
            .ToList();
    }

    private static int Rank(ControlEntry e, string[] terms)
    {
        if (terms.Length == 1 && string.Equals(e.Code, terms[0], StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var inTitle = true;
        foreach (var t in terms)
        {
            var title = e.Title.Contains(t, StringComparison.OrdinalIgnoreCase) || (e.TitleRu?.Contains(t, StringComparison.OrdinalIgnoreCase) ?? false)
                || e.Code.StartsWith(t, StringComparison.OrdinalIgnoreCase);
            if (!title && !e.LegalText.Contains(t, StringComparison.OrdinalIgnoreCase))
            {
                return -1;
            }

            inTitle &= title;
        }

        return inTitle ? 1 : 2;
    }

    /// <summary>
    /// The parent a rating's own code implies: the code without its last letter or number group
    /// (ML10c2 → ML10c → ML10 → none; 9A101a → 9A101 → none). Used where the source names no parent rating.
    /// </summary>
    public static string? ParentFromCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var head = HeadLength(code);
        if (head <= 0 || head >= code.Length)
        {
            return null;
        }

        // Trailing group: a single letter, or a run of digits.
        var end = code.Length;
        var start = char.IsAsciiDigit(code[end - 1]) ? LastDigitRunStart(code, end) : end - 1;
        return start <= head ? code[..head] : code[..start];
    }

    private static int LastDigitRunStart(string code, int end)
    {
        var i = end;
        while (i > 0 && char.IsAsciiDigit(code[i - 1]))
        {
            i--;
        }

        return i;
    }

    // The category head: "ML10", "PL5001", or the five-character dual-use entry "9A101".
    private static int HeadLength(string code)
    {
        if (code.Length > 2 && char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1]))
        {
            var i = 2;
            while (i < code.Length && char.IsAsciiDigit(code[i]))
            {
                i++;
            }

            return i > 2 ? i : -1;
        }

        return code.Length >= 5 && char.IsAsciiDigit(code[0]) && char.IsAsciiLetter(code[1]) ? 5 : -1;
    }

    /// <summary>
    /// Reads the shipped CSV (code, parent, list, title, title_ru, legal_text; RFC 4180 quoting). Trims codes, skips rows
    /// without a rating, keeps the first of repeated ratings, and derives a parent from the code when the parent
    /// column is empty or not a rating.
    /// </summary>
    public static ControlList ParseCsv(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var rows = ReadCsv(csv);
        var entries = new List<ControlEntry>();
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Skip(1))
        {
            if (row.Count < 6)
            {
                continue;
            }

            var code = row[0].Trim();
            if (code.Length == 0 || HeadLength(code) < 0 || !codes.Add(code))
            {
                continue;
            }

            var kind = string.Equals(row[2], "DualUse", StringComparison.Ordinal) ? ControlListKind.DualUse : ControlListKind.Military;
            var parent = row[1].Trim();
            entries.Add(new ControlEntry(code, parent.Length == 0 || HeadLength(parent) < 0 ? null : parent, kind, row[3], row[4].Length == 0 ? null : row[4], row[5]));
        }

        // Where the parent column is blank or names a rating that is absent, fall back on the code itself,
        // walking up to the nearest listed ancestor.
        var fixedEntries = entries.Select(e =>
        {
            var p = e.ParentCode is not null && codes.Contains(e.ParentCode) ? e.ParentCode : ParentFromCode(e.Code);
            while (p is not null && !codes.Contains(p))
            {
                p = ParentFromCode(p);
            }

            return e with { ParentCode = p };
        });
        return new ControlList(fixedEntries);
    }

    private static List<List<string>> ReadCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
