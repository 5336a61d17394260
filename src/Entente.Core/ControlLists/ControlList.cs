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
public sealed record ControlEntry(string Code, string? ParentCode, ControlListKind Kind, string Title, string? TitleRu, string LegalText);

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

    /// <summary>Whether the rating is on the list.</summary>
    public bool Contains(string code) => Find(code) is not null;

    /// <summary>The entry's parent, or null at the top.</summary>
    public ControlEntry? Parent(ControlEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.ParentCode is null ? null : Find(entry.ParentCode);
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
