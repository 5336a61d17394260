using System.Diagnostics;
using System.Globalization;
using Entente.Application.Screening.Lists;
using Entente.Core.Screening;
using Entente.Testing;

namespace Entente.Core.Tests.Screening;

/// <summary>
/// Recall and false-alert evaluations on public data (../shared/data). Figures are printed and copied into
/// bench/results/screening.md; the thresholds are the targets of the screening work.
/// </summary>
public sealed class ScreeningEvaluationTests(ITestOutputHelper output)
{
    private static readonly string[] VariantSchemes = ["icao_doc_9303", "bgn_pcgn", "gost_779_alt", "gost_779", "ala_lc", "scientific", "mvd_782", "wikipedia", "telegram", "ungegn_1987"];

    // Two readings of "entities with at least two aliases": two names in all (the primary and one alias, so one name is
    // left to find the entity by), or two aliases besides the primary, as OFAC's own word reads. Floors a little below
    // the figures measured (bench/results/screening.md), against regression. The targets (0.95 / 0.98) are not reached
    // under either, and recall@10 cannot be: the held-out aliases that are other names altogether (TestData) leave
    // at most 96.8 % and 97.3 % to find.
    [Theory]
    [InlineData(2, 0.82, 0.90)]
    [InlineData(3, 0.85, 0.92)]
    public void OfacHeldOutAlias_FindsMostEntities_WhenRussianEntitiesQueried(int minimumNames, double floor1, double floor10)
    {
        var (ofac, russian) = OfacRussianEntities();
        var heldOut = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new List<ListEntry>();
        foreach (var entry in ofac.Entries)
        {
            var names = entry.AllNames().ToList();
            if (russian.Contains(entry.EntityId) && names.Count >= minimumNames)
            {
                heldOut[entry.EntityId] = names[^1];
                entries.Add(entry with { PrimaryName = names[0], Aliases = names.Skip(1).Take(names.Count - 2).ToList() });
            }
            else
            {
                entries.Add(entry);
            }
        }

        var index = ScreeningIndex.Build([new SanctionsList("ofac", entries)]);
        var byId = entries.ToDictionary(e => e.EntityId, StringComparer.Ordinal);
        int at1 = 0, at10 = 0, related = 0, related1 = 0, related10 = 0;
        var misses = new List<string>();
        foreach (var (id, alias) in heldOut)
        {
            var matches = index.Search(alias, new ScreeningOptions(10, 0));
            var rank = matches.ToList().FindIndex(m => m.EntityId == id);
            at1 += rank == 0 ? 1 : 0;
            at10 += rank is >= 0 and < 10 ? 1 : 0;

            // Whether the held-out alias has anything in common with the names left (a word, a form, a translation,
            // an abbreviation): without that, no name matcher can find the entity.
            if (byId[id].AllNames().Any(n => index.Compare(alias, n) > 0))
            {
                related++;
                related1 += rank == 0 ? 1 : 0;
                related10 += rank is >= 0 and < 10 ? 1 : 0;
            }

            if (rank != 0 && misses.Count < 15)
            {
                misses.Add($"{alias} → {(matches.Count > 0 ? matches[0].MatchedName : "none")} (rank {rank})");
            }
        }

        // The held-out aliases that are other names altogether (a renamed company, a brand, a person's other
        // identity), classified by hand. Each row is checked against the data and the engine, so the list cannot
        // drift, and it bounds what any matcher reading names can reach here.
        var otherNames = 0;
        foreach (var (id, alias, namesLeft) in OfacOtherNames())
        {
            if (!heldOut.TryGetValue(id, out var held))
            {
                Assert.True(minimumNames > 2, $"entity {id} is not among the queries");
                continue;
            }

            Assert.Equal(alias, held);
            Assert.Equal(namesLeft, string.Join(" | ", byId[id].AllNames()));
            Assert.All(byId[id].AllNames(), n => Assert.Equal(0, index.Compare(alias, n)));
            otherNames++;
        }

        var recall1 = (double)at1 / heldOut.Count;
        var recall10 = (double)at10 / heldOut.Count;
        var ceiling = (double)(heldOut.Count - otherNames) / heldOut.Count;
        output.WriteLine($"OFAC 2025 held-out aliases of Russian entities with {minimumNames} names or more: {heldOut.Count} queries, {index.NameCount} names indexed; recall@1 {recall1:P2}, recall@10 {recall10:P2}; {(double)related / heldOut.Count:P2} have anything in common with a remaining name, and of those recall@1 {(double)related1 / related:P2}, recall@10 {(double)related10 / related:P2}");
        output.WriteLine($"{otherNames} held-out aliases are other names altogether (Screening/TestData/ofac-other-names.tsv): no matcher that reads names finds those, so recall here cannot exceed {ceiling:P2}");
        misses.ForEach(output.WriteLine);
        Assert.True(recall10 >= floor10, $"recall@10 {recall10:P2}");
        Assert.True(recall1 >= floor1, $"recall@1 {recall1:P2}");
    }

    [Fact]
    public void OfacEveryAliasHeldOut_FindsMostEntities_WhenRussianEntitiesQueried()
    {
        // Leave each alias out: every name of every qualifying entity is held out in turn, so the figure does not
        // depend on which alias a list happens to write last. Fold k holds out the k-th name of each entity that has
        // one (an entity gives at most one name to a fold, so it always keeps the rest) and indexes everything else
        // once; the folds together query every name.
        var (ofac, russian) = OfacRussianEntities();
        var qualifying = ofac.Entries.Where(e => russian.Contains(e.EntityId) && e.AllNames().Count() >= 2).ToList();
        var folds = qualifying.Max(e => e.AllNames().Count());
        int queries = 0, at1 = 0, at10 = 0, related = 0, related1 = 0, related10 = 0;
        var misses = new List<string>();
        for (var fold = 0; fold < folds; fold++)
        {
            var heldOut = new Dictionary<string, string>(StringComparer.Ordinal);
            var entries = new List<ListEntry>();
            foreach (var entry in ofac.Entries)
            {
                var names = entry.AllNames().ToList();
                if (russian.Contains(entry.EntityId) && names.Count >= 2 && fold < names.Count)
                {
                    heldOut[entry.EntityId] = names[fold];
                    names.RemoveAt(fold);
                    entries.Add(entry with { PrimaryName = names[0], Aliases = names.Skip(1).ToList() });
                }
                else
                {
                    entries.Add(entry);
                }
            }

            var index = ScreeningIndex.Build([new SanctionsList("ofac", entries)]);
            var byId = entries.ToDictionary(e => e.EntityId, StringComparer.Ordinal);
            foreach (var (id, alias) in heldOut)
            {
                var matches = index.Search(alias, new ScreeningOptions(10, 0));
                var rank = matches.ToList().FindIndex(m => m.EntityId == id);
                queries++;
                at1 += rank == 0 ? 1 : 0;
                at10 += rank is >= 0 and < 10 ? 1 : 0;
                if (byId[id].AllNames().Any(n => index.Compare(alias, n) > 0))
                {
                    related++;
                    related1 += rank == 0 ? 1 : 0;
                    related10 += rank is >= 0 and < 10 ? 1 : 0;
                }

                if (rank != 0 && misses.Count < 15)
                {
                    misses.Add($"{alias} → {(matches.Count > 0 ? matches[0].MatchedName : "none")} (rank {rank})");
                }
            }
        }

        var recall1 = (double)at1 / queries;
        var recall10 = (double)at10 / queries;
        output.WriteLine($"OFAC 2025 every alias held out in turn ({folds} folds): {queries} queries of {qualifying.Count} Russian entities; recall@1 {recall1:P2}, recall@10 {recall10:P2}; {(double)related / queries:P2} have anything in common with a remaining name, and of those recall@1 {(double)related1 / related:P2}, recall@10 {(double)related10 / related:P2}");
        misses.ForEach(output.WriteLine);

        // Floors a little below the figures measured (bench/results/screening.md), against regression.
        Assert.True(recall10 >= 0.92, $"recall@10 {recall10:P2}");
        Assert.True(recall1 >= 0.85, $"recall@1 {recall1:P2}");
    }

    private static IEnumerable<(string Id, string Alias, string NamesLeft)> OfacOtherNames()
    {
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Screening", "TestData", "ofac-other-names.tsv")))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            yield return (fields[0], fields[1], fields[2]);
        }
    }

    // The OFAC 2025 list and the entities with a Russian address among their addresses (an entity's first address
    // may be elsewhere).
    private static (SanctionsList Ofac, HashSet<string> Russian) OfacRussianEntities()
    {
        var folder = Path.GetDirectoryName(SharedData.RequireFile("sanctions/ofac-2025/alt.csv"))!;
        var ofac = ListFormats.Load(folder, ListFormats.OfacCsv);
        var russian = new HashSet<string>(StringComparer.Ordinal);
        using var reader = new StreamReader(Path.Combine(folder, "add.csv"));
        var csv = new CsvRecordReader(reader, "add.csv");
        while (csv.Read() is { } row)
        {
            if (row.Count >= 5 && string.Equals(row[4].Trim(), "Russia", StringComparison.Ordinal))
            {
                russian.Add(row[0].Trim());
            }
        }

        return (ofac, russian);
    }

    [Fact]
    public void RuPepCyrillicNames_FindLatinNames_AtRankOne()
    {
        var people = RuPep();
        var index = EnglishIndex(people);
        var (recall, misses) = Recall(index, people, p => p.Russian);
        output.WriteLine($"RuPEP: {people.Count} Cyrillic queries against {index.NameCount} Latin names: recall@1 {recall:P2}");
        misses.ForEach(output.WriteLine);
        Assert.True(recall >= 0.99, $"recall@1 {recall:P2}");
    }

    [Fact]
    public void GeneratedVariants_AreFound_ForEveryKindOfVariant()
    {
        var people = RuPep();
        var index = EnglishIndex(people);
        var random = new Random(20140101);
        var sample = people.OrderBy(_ => random.Next()).Take(1500).ToList();
        var failures = new List<string>();
        void Report(string kind, double recall, double target)
        {
            output.WriteLine($"variant {kind,-22} recall@1 {recall:P2}");
            if (recall < target)
            {
                failures.Add($"{kind} {recall:P2} < {target:P0}");
            }
        }

        foreach (var scheme in VariantSchemes)
        {
            var transliteration = TransliterationSchemes.Get(scheme);
            Report("scheme " + scheme, Recall(index, sample, p => transliteration.Transliterate(p.Russian)).Recall, 0.97);
        }

        Report("look-alike letters", Recall(index, sample, p => Homoglyphs(p.English, random)).Recall, 0.99);
        Report("one typo", Recall(index, sample, p => Typo(p.English, random)).Recall, 0.85);
        Report("reordered tokens", Recall(index, sample, p => string.Join(' ', p.English.Split(' ').Reverse())).Recall, 0.98);
        Report("-off endings, kh→h", Recall(index, sample, p => Informal(p.English)).Recall, 0.97);

        // Legal forms: Russian organisations of the OFAC list with a legal form added.
        var folder = Path.GetDirectoryName(SharedData.RequireFile("sanctions/ofac-2025/alt.csv"))!;
        var ofac = ListFormats.Load(folder, ListFormats.OfacCsv);
        var ofacIndex = ScreeningIndex.Build([ofac]);
        string[] forms = ["OOO", "ООО", "AO", "JSC", "PJSC", "Ltd", "plc", "Limited Liability Company", "ПАО"];
        var organisations = ofac.Entries.Where(e => e.Country == "Russia").Take(1000).ToList();
        var found = 0;
        for (var i = 0; i < organisations.Count; i++)
        {
            var form = forms[i % forms.Length];
            var query = i % 2 == 0 ? form + " " + organisations[i].PrimaryName : organisations[i].PrimaryName + ", " + form;
            var top = ofacIndex.Search(query, new ScreeningOptions(1, 0));
            found += top.Count > 0 && top[0].EntityId == organisations[i].EntityId ? 1 : 0;
        }

        Report("added legal forms", (double)found / organisations.Count, 0.95);
        Assert.Empty(failures);
    }

    [Fact]
    public void UnrelatedNames_RaiseFewAlerts_AtOperatingThreshold()
    {
        // RuPEP (Russian officials and their families) against OFAC entries outside Russia and its neighbours.
        var people = RuPep();
        var list = new SanctionsList("rupep", people.Select((p, i) => new ListEntry(i.ToString(CultureInfo.InvariantCulture), EntityType.Person, p.English, [p.Russian], "Russia")).ToList());
        var index = ScreeningIndex.Build([list]);
        var folder = Path.GetDirectoryName(SharedData.RequireFile("sanctions/ofac-2025/alt.csv"))!;
        var ofac = ListFormats.Load(folder, ListFormats.OfacCsv);
        string[] near = ["Russia", "Ukraine", "Belarus", "Kazakhstan", "Cyprus", "Latvia", "Estonia", "Lithuania", "Armenia", "Georgia", "Kyrgyzstan", "Uzbekistan", "Tajikistan", "Azerbaijan", "Moldova", "Turkmenistan"];
        // Names of one data set not in the other: an OFAC entity is left out when all the words of one of its names
        // appear in one RuPEP name (the same person listed in both, e.g. in another spelling).
        var pepTokenSets = people.SelectMany(p => new[] { p.English, p.Russian })
            .Select(n => NameNormalizer.Analyze(n).Tokens.Select(t => t.Skeleton).ToHashSet(StringComparer.Ordinal)).ToList();
        var byToken = new Dictionary<string, List<HashSet<string>>>(StringComparer.Ordinal);
        foreach (var set in pepTokenSets)
        {
            foreach (var token in set)
            {
                (byToken.TryGetValue(token, out var l) ? l : byToken[token] = []).Add(set);
            }
        }

        bool InRuPep(string name)
        {
            var tokens = NameNormalizer.Analyze(name).Tokens.Select(t => t.Skeleton).ToList();
            return tokens.Count > 0 && byToken.TryGetValue(tokens[0], out var sets) && sets.Any(s => tokens.All(s.Contains));
        }

        var queries = ofac.Entries.Where(e => e.Country is not null && !near.Contains(e.Country) && !e.AllNames().Any(InRuPep))
            .SelectMany(e => e.AllNames()).ToList();
        var alerts = new List<string>();
        foreach (var query in queries)
        {
            var top = index.Search(query, new ScreeningOptions(1, ScreeningOptions.AlertThreshold));
            if (top.Count > 0)
            {
                alerts.Add($"{query} ~ {top[0].MatchedName} {top[0].Score:F2}");
            }
        }

        var rate = 1000.0 * alerts.Count / queries.Count;
        output.WriteLine($"false alerts: {alerts.Count} of {queries.Count} OFAC names outside the region against {index.NameCount} RuPEP names at {ScreeningOptions.AlertThreshold}: {rate:F2} per 1,000");
        alerts.Take(20).ToList().ForEach(output.WriteLine);
        Assert.True(rate <= 1.0, $"{rate:F2} false alerts per 1,000");
    }

    internal sealed record Person(string English, string Russian);

    internal static List<Person> RuPep()
    {
        var path = SharedData.RequireFile("names/rupep_persons.csv");
        using var reader = new StreamReader(path);
        var csv = new CsvRecordReader(reader, "rupep");
        csv.Read();
        var people = new List<Person>();
        while (csv.Read() is { } row)
        {
            if (row.Count >= 2 && row[0].Length > 0 && row[1].Length > 0)
            {
                people.Add(new Person(row[0], row[1]));
            }
        }

        return people;
    }

    private static ScreeningIndex EnglishIndex(List<Person> people) =>
        ScreeningIndex.Build([new SanctionsList("rupep", people.Select((p, i) => new ListEntry(i.ToString(CultureInfo.InvariantCulture), EntityType.Person, p.English, [], null)).ToList())]);

    private static (double Recall, List<string> Misses) Recall(ScreeningIndex index, List<Person> people, Func<Person, string> query)
    {
        var found = 0;
        var misses = new List<string>();
        foreach (var person in people)
        {
            var q = query(person);
            var top = index.Search(q, new ScreeningOptions(1, 0));
            if (top.Count > 0 && string.Equals(top[0].MatchedName, person.English, StringComparison.OrdinalIgnoreCase))
            {
                found++;
            }
            else if (misses.Count < 15)
            {
                misses.Add($"{q} (want {person.English}) → {(top.Count > 0 ? $"{top[0].MatchedName} {top[0].Score:F2}" : "none")}");
            }
        }

        return ((double)found / people.Count, misses);
    }

    private static string Homoglyphs(string name, Random random)
    {
        var chars = name.ToCharArray();
        var replaced = false;
        for (var i = 0; i < chars.Length; i++)
        {
            var look = chars[i] switch { 'a' => 'а', 'e' => 'е', 'o' => 'о', 'c' => 'с', 'p' => 'р', 'A' => 'А', 'O' => 'О', 'K' => 'К', 'M' => 'М', 'T' => 'Т', _ => chars[i] };
            if (look != chars[i] && (!replaced || random.Next(3) == 0))
            {
                chars[i] = look;
                replaced = true;
            }
        }

        return new string(chars);
    }

    private static string Typo(string name, Random random)
    {
        var tokens = name.Split(' ');
        var candidates = Enumerable.Range(0, tokens.Length).Where(i => tokens[i].Length >= 5).ToList();
        if (candidates.Count == 0)
        {
            return name;
        }

        var t = candidates[random.Next(candidates.Count)];
        var word = tokens[t];
        var at = 1 + random.Next(word.Length - 2);
        tokens[t] = random.Next(3) switch
        {
            0 => word.Remove(at, 1),
            1 => word[..at] + (char)('a' + random.Next(26)) + word[(at + 1)..],
            _ => word[..at] + word[at + 1] + word[at] + word[(at + 2)..],
        };
        return string.Join(' ', tokens);
    }

    private static string Informal(string name) =>
        string.Join(' ', name.Split(' ').Select(w => w.EndsWith("ov", StringComparison.Ordinal) ? w[..^2] + "off" : w.Replace("kh", "h", StringComparison.Ordinal).Replace("ts", "tz", StringComparison.Ordinal)));
}
