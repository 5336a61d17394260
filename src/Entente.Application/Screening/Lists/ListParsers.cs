using System.Globalization;
using System.Xml;
using Entente.Core.Screening;

namespace Entente.Application.Screening.Lists;

/// <summary>The list file formats the platform reads (see the screening contract).</summary>
public static class ListFormats
{
    public const string OfacCsv = "ofac-csv";
    public const string UnXml = "un-xml";
    public const string UkCsv = "uk-csv";
    public const string EntenteCsv = "entente-csv";

    public static IReadOnlyList<string> All { get; } = [OfacCsv, UnXml, UkCsv, EntenteCsv];

    /// <summary>The default list name for a format (reported with every match).</summary>
    public static string DefaultListName(string format) => format switch
    {
        OfacCsv => "ofac",
        UnXml => "un",
        UkCsv => "uk",
        _ => "internal",
    };

    /// <summary>
    /// Reads a list file of the given format. For <c>ofac-csv</c>, <paramref name="path"/> is the sdn.csv (it need not
    /// exist) or the folder holding the set; alt.csv and add.csv are read from beside it.
    /// </summary>
    /// <exception cref="ListFormatException">The file is malformed; nothing is returned.</exception>
    /// <exception cref="FileNotFoundException">No file to read.</exception>
    public static SanctionsList Load(string path, string format, string? listName = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        listName ??= DefaultListName(format);
        switch (format)
        {
            case OfacCsv:
                // FILE is the sdn.csv; a folder, or the alt.csv/add.csv of an aliases-only set, names the set too.
                var folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
                var fileName = Path.GetFileName(path);
                var partOfSet = fileName.Equals("alt.csv", StringComparison.OrdinalIgnoreCase) || fileName.Equals("add.csv", StringComparison.OrdinalIgnoreCase);
                var sdn = Directory.Exists(path) || partOfSet ? Path.Combine(folder, "sdn.csv") : path;
                var alt = Path.Combine(folder, "alt.csv");
                var add = Path.Combine(folder, "add.csv");
                if (!File.Exists(sdn) && !File.Exists(alt))
                {
                    throw new FileNotFoundException("neither sdn.csv nor alt.csv found", path);
                }

                using (var sdnReader = File.Exists(sdn) ? new StreamReader(sdn) : null)
                using (var altReader = File.Exists(alt) ? new StreamReader(alt) : null)
                using (var addReader = File.Exists(add) ? new StreamReader(add) : null)
                {
                    return OfacCsvParser.Parse(sdnReader, altReader, addReader, listName);
                }

            case UnXml:
                using (var stream = File.OpenRead(path))
                {
                    return UnXmlParser.Parse(stream, listName);
                }

            case UkCsv:
                using (var reader = new StreamReader(path))
                {
                    return UkCsvParser.Parse(reader, listName);
                }

            case EntenteCsv:
                using (var reader = new StreamReader(path))
                {
                    return EntenteCsvParser.Parse(reader, listName);
                }

            default:
                throw new ArgumentException($"unknown list format '{format}' (expected one of {string.Join(", ", All)})", nameof(format));
        }
    }

    /// <summary>
    /// Reads a list of a single-file format (<c>un-xml</c>, <c>uk-csv</c>, <c>entente-csv</c>) from a stream, as
    /// <see cref="Load"/> reads it from a file.
    /// </summary>
    /// <exception cref="ListFormatException">The content is malformed; nothing is returned.</exception>
    public static SanctionsList Read(Stream content, string format, string? listName = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        listName ??= DefaultListName(format);
        switch (format)
        {
            case UnXml:
                return UnXmlParser.Parse(content, listName);
            case UkCsv:
                using (var reader = new StreamReader(content, leaveOpen: true))
                {
                    return UkCsvParser.Parse(reader, listName);
                }

            case EntenteCsv:
                using (var reader = new StreamReader(content, leaveOpen: true))
                {
                    return EntenteCsvParser.Parse(reader, listName);
                }

            default:
                throw new ArgumentException($"the list format '{format}' is not read from a single stream (expected one of {UnXml}, {UkCsv}, {EntenteCsv})", nameof(format));
        }
    }

    internal static string? Value(string field) => field.Length == 0 || field == "-0-" ? null : field;
}

/// <summary>OFAC's legacy CSV set: sdn.csv, alt.csv, add.csv (no header; <c>-0-</c> means empty).</summary>
public static class OfacCsvParser
{
    public static SanctionsList Parse(TextReader? sdn, TextReader? alt, TextReader? add, string listName = "ofac")
    {
        var primary = new Dictionary<string, (string Name, EntityType Type)>(StringComparer.Ordinal);
        var order = new List<string>();
        if (sdn is not null)
        {
            var csv = new CsvRecordReader(sdn, "sdn.csv");
            while (csv.Read() is { } row)
            {
                if (row.Count < 3)
                {
                    throw new ListFormatException("sdn.csv", csv.RecordLine, $"expected at least 3 fields, found {row.Count}");
                }

                var id = RequireId(row[0], "sdn.csv", csv.RecordLine);
                var name = ListFormats.Value(row[1]) ?? throw new ListFormatException("sdn.csv", csv.RecordLine, "the name is empty");
                var type = (ListFormats.Value(row[2]) ?? string.Empty).ToUpperInvariant() switch
                {
                    "INDIVIDUAL" => EntityType.Person,
                    "VESSEL" => EntityType.Vessel,
                    "AIRCRAFT" => EntityType.Aircraft,
                    _ => EntityType.Organisation,
                };
                if (primary.TryAdd(id, (name, type)))
                {
                    order.Add(id);
                }
            }
        }

        var aliases = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (alt is not null)
        {
            var csv = new CsvRecordReader(alt, "alt.csv");
            while (csv.Read() is { } row)
            {
                if (row.Count < 4)
                {
                    throw new ListFormatException("alt.csv", csv.RecordLine, $"expected at least 4 fields, found {row.Count}");
                }

                var id = RequireId(row[0], "alt.csv", csv.RecordLine);
                var name = ListFormats.Value(row[3]);
                if (name is null)
                {
                    continue;
                }

                if (!aliases.TryGetValue(id, out var list))
                {
                    aliases[id] = list = [];
                    if (!primary.ContainsKey(id))
                    {
                        order.Add(id);
                    }
                }

                list.Add(name);
            }
        }

        var countries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (add is not null)
        {
            var csv = new CsvRecordReader(add, "add.csv");
            while (csv.Read() is { } row)
            {
                if (row.Count < 5)
                {
                    throw new ListFormatException("add.csv", csv.RecordLine, $"expected at least 5 fields, found {row.Count}");
                }

                var id = RequireId(row[0], "add.csv", csv.RecordLine);
                if (ListFormats.Value(row[4]) is { } country)
                {
                    countries.TryAdd(id, country);
                }
            }
        }

        var entries = new List<ListEntry>(order.Count);
        foreach (var id in order)
        {
            var names = aliases.GetValueOrDefault(id) ?? [];
            if (primary.TryGetValue(id, out var p))
            {
                entries.Add(new ListEntry(id, p.Type, p.Name, names, countries.GetValueOrDefault(id)));
            }
            else if (names.Count > 0)
            {
                // An aliases-only set: the first alias stands as the name.
                entries.Add(new ListEntry(id, EntityType.Unknown, names[0], names.Skip(1).ToList(), countries.GetValueOrDefault(id)));
            }
        }

        return new SanctionsList(listName, entries);
    }

    private static string RequireId(string field, string file, int line)
    {
        var id = ListFormats.Value(field);
        if (id is null || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new ListFormatException(file, line, $"the entity number '{field}' is not a number");
        }

        return id;
    }
}

/// <summary>The UN Security Council consolidated list (XML).</summary>
public static class UnXmlParser
{
    private static readonly string[] NameParts = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"];

    public static SanctionsList Parse(Stream xml, string listName = "un")
    {
        var document = new XmlDocument { XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document.Load(reader);
        }
        catch (XmlException e)
        {
            throw new ListFormatException("UN XML", e.LineNumber, e.Message, e);
        }

        var root = document.DocumentElement;
        if (root is null || root.Name != "CONSOLIDATED_LIST")
        {
            throw new ListFormatException("UN XML", 1, "the root element is not CONSOLIDATED_LIST");
        }

        var entries = new List<ListEntry>();
        foreach (XmlElement individual in root.SelectNodes("INDIVIDUALS/INDIVIDUAL")!)
        {
            var parts = NameParts
                .Select(n => Text(individual, n)).Where(s => s is not null);
            entries.Add(Entry(individual, string.Join(' ', parts), EntityType.Person, "INDIVIDUAL_ALIAS",
                Text(individual, "NATIONALITY/VALUE") ?? Text(individual, "INDIVIDUAL_ADDRESS/COUNTRY")));
        }

        foreach (XmlElement entity in root.SelectNodes("ENTITIES/ENTITY")!)
        {
            entries.Add(Entry(entity, Text(entity, "FIRST_NAME") ?? string.Empty, EntityType.Organisation, "ENTITY_ALIAS",
                Text(entity, "ENTITY_ADDRESS/COUNTRY")));
        }

        return new SanctionsList(listName, entries);
    }

    private static ListEntry Entry(XmlElement element, string name, EntityType type, string aliasElement, string? country)
    {
        var id = Text(element, "REFERENCE_NUMBER") ?? Text(element, "DATAID")
            ?? throw new ListFormatException("UN XML", 0, "a record has neither REFERENCE_NUMBER nor DATAID");
        var aliases = new List<string>();
        if (Text(element, "NAME_ORIGINAL_SCRIPT") is { } original)
        {
            aliases.Add(original);
        }

        foreach (XmlElement alias in element.SelectNodes(aliasElement)!)
        {
            if (Text(alias, "ALIAS_NAME") is { } aliasName)
            {
                aliases.Add(aliasName);
            }
        }

        if (name.Length == 0)
        {
            if (aliases.Count == 0)
            {
                throw new ListFormatException("UN XML", 0, $"record {id} has no name");
            }

            name = aliases[0];
            aliases.RemoveAt(0);
        }

        return new ListEntry(id, type, name, aliases, country);
    }

    private static string? Text(XmlElement element, string path)
    {
        var value = element.SelectSingleNode(path)?.InnerText.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}

/// <summary>
/// The UK Sanctions List CSV: a title row, then a header (Last Updated, Unique ID, OFSI Group ID, UN Reference Number,
/// Name 6, Name 1 … Name 5, Title, Name Non-Latin Script, …, Designation Type, …, Nationality(/ies), Address Country,
/// Alias Type, …); one row per name, rows of one entity sharing its Unique ID.
/// </summary>
public static class UkCsvParser
{
    public static SanctionsList Parse(TextReader text, string listName = "uk")
    {
        var csv = new CsvRecordReader(text, "UK CSV");
        List<string>? header = null;
        for (var i = 0; i < 3 && header is null; i++)
        {
            var row = csv.Read() ?? throw new ListFormatException("UK CSV", csv.RecordLine, "no header row with 'Unique ID' and 'Name 6'");
            if (row.Any(c => c.Equals("Unique ID", StringComparison.OrdinalIgnoreCase)))
            {
                header = row;
            }
        }

        if (header is null)
        {
            throw new ListFormatException("UK CSV", csv.RecordLine, "no header row with 'Unique ID' and 'Name 6' in the first three rows");
        }

        int Column(string name, bool required)
        {
            var at = header.FindIndex(h => h.Trim().Equals(name, StringComparison.OrdinalIgnoreCase));
            if (at < 0 && required)
            {
                throw new ListFormatException("UK CSV", csv.RecordLine, $"the header has no '{name}' column");
            }

            return at;
        }

        var idColumn = Column("Unique ID", true);
        var lastName = Column("Name 6", true);
        var given = Enumerable.Range(1, 5).Select(i => Column("Name " + i, false)).ToArray();
        var nonLatin = Column("Name Non-Latin Script", false);
        var designation = Column("Designation Type", false);
        var aliasType = Column("Alias Type", false);
        var nationality = Column("Nationality(/ies)", false);
        var addressCountry = Column("Address Country", false);

        var entities = new Dictionary<string, (EntityType Type, List<string> Primary, List<string> Other, string? Country)>(StringComparer.Ordinal);
        var order = new List<string>();
        while (csv.Read() is { } row)
        {
            if (row.Count < header.Count)
            {
                throw new ListFormatException("UK CSV", csv.RecordLine, $"expected {header.Count} fields, found {row.Count}");
            }

            var id = row[idColumn];
            if (id.Length == 0)
            {
                throw new ListFormatException("UK CSV", csv.RecordLine, "the Unique ID is empty");
            }

            var name = string.Join(' ', given.Where(c => c >= 0).Select(c => row[c]).Append(row[lastName]).Where(s => s.Length > 0));
            if (!entities.TryGetValue(id, out var entity))
            {
                var type = designation < 0 ? EntityType.Unknown : row[designation].ToUpperInvariant() switch
                {
                    "INDIVIDUAL" => EntityType.Person,
                    "ENTITY" => EntityType.Organisation,
                    "SHIP" => EntityType.Vessel,
                    _ => EntityType.Unknown,
                };
                var country = (nationality >= 0 ? NullIfEmpty(row[nationality]) : null) ?? (addressCountry >= 0 ? NullIfEmpty(row[addressCountry]) : null);
                entity = (type, [], [], country);
                entities[id] = entity;
                order.Add(id);
            }

            if (name.Length > 0)
            {
                var isPrimary = aliasType >= 0 && row[aliasType].Equals("Primary Name", StringComparison.OrdinalIgnoreCase);
                (isPrimary ? entity.Primary : entity.Other).Add(name);
            }

            if (nonLatin >= 0 && row[nonLatin].Length > 0)
            {
                entity.Other.Add(row[nonLatin]);
            }
        }

        var entries = new List<ListEntry>(order.Count);
        foreach (var id in order)
        {
            var (type, primary, other, country) = entities[id];
            var all = primary.Concat(other).Distinct(StringComparer.Ordinal).ToList();
            if (all.Count == 0)
            {
                throw new ListFormatException("UK CSV", 0, $"entity {id} has no name");
            }

            entries.Add(new ListEntry(id, type, all[0], all.Skip(1).ToList(), country));
        }

        return new SanctionsList(listName, entries);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

/// <summary>The platform's own list format: header <c>id,type,name,aliases,country</c>, aliases separated by ';'.</summary>
public static class EntenteCsvParser
{
    public static SanctionsList Parse(TextReader text, string listName = "internal")
    {
        var csv = new CsvRecordReader(text, "list");
        var header = csv.Read();
        if (header is null || !header.Select(h => h.Trim().ToLowerInvariant()).SequenceEqual(["id", "type", "name", "aliases", "country"]))
        {
            throw new ListFormatException("list", 1, "the header must be 'id,type,name,aliases,country'");
        }

        var entries = new List<ListEntry>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (csv.Read() is { } row)
        {
            var line = csv.RecordLine;
            if (row.Count != 5)
            {
                throw new ListFormatException("list", line, $"expected 5 fields, found {row.Count}");
            }

            var id = row[0].Trim();
            if (id.Length == 0)
            {
                throw new ListFormatException("list", line, "the id is empty");
            }

            if (!ids.Add(id))
            {
                throw new ListFormatException("list", line, $"the id '{id}' appears twice");
            }

            var type = row[1].Trim().ToLowerInvariant() switch
            {
                "person" or "individual" => EntityType.Person,
                "organisation" or "organization" or "entity" or "company" => EntityType.Organisation,
                "vessel" or "ship" => EntityType.Vessel,
                "aircraft" => EntityType.Aircraft,
                "" or "unknown" => EntityType.Unknown,
                var other => throw new ListFormatException("list", line, $"unknown type '{other}' (person, organisation, vessel, aircraft, unknown)"),
            };
            var name = row[2].Trim();
            if (name.Length == 0)
            {
                throw new ListFormatException("list", line, "the name is empty");
            }

            var aliases = row[3].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var country = row[4].Trim();
            entries.Add(new ListEntry(id, type, name, aliases, country.Length == 0 ? null : country));
        }

        return new SanctionsList(listName, entries);
    }
}
