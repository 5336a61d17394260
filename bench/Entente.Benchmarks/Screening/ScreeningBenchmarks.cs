using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Entente.Application.Screening.Lists;
using Entente.Core.Screening;

namespace Entente.Benchmarks.Screening;

/// <summary>
/// One query against an index of about a million aliases (real names from ../shared/data plus deterministic variants,
/// or synthetic names when the data is absent), against a brute-force Jaro-Winkler scan of the same aliases.
/// The setup also prints build time, memory, single-core latency percentiles and two-core batch throughput.
/// Run: dotnet run -c Release --project bench/Entente.Benchmarks -- --filter '*Screening*' --job short
/// </summary>
[MemoryDiagnoser]
public class ScreeningBenchmarks
{
    private ScreeningIndex _index = null!;
    private string[] _aliases = null!;
    private string[] _folded = null!;
    private string[] _queries = null!;
    private string[] _expected = null!;
    private int _next;

    [Params(1_000_000)]
    public int Aliases { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (lists, queries) = Corpus.Build(Aliases);
        _queries = queries.Select(q => q.Query).ToArray();
        _expected = queries.Select(q => q.EntityId).ToArray();
        var before = GC.GetTotalMemory(true);
        var watch = Stopwatch.StartNew();
        _index = ScreeningIndex.Build(lists);
        var build = watch.Elapsed;
        var after = GC.GetTotalMemory(true);
        _aliases = lists.SelectMany(l => l.Entries).SelectMany(e => e.AllNames()).ToArray();
        _folded = _aliases.Select(a => string.Concat(NameNormalizer.Tokenize(a).Select(t => t.Folded))).ToArray();
        Console.WriteLine($"// screening: {_index.NameCount:N0} names, {_index.EntityCount:N0} entities, {_index.VocabularySize:N0} skeletons; " +
                          $"build {build.TotalSeconds:F1} s; index heap {(after - before) / 1048576.0:F0} MiB; process working set {Environment.WorkingSet / 1048576.0:F0} MiB");

        // Latency on one core: each query timed alone; the same queries give the recall at this scale.
        var times = new double[2000];
        int found = 0, found10 = 0;
        for (var i = 0; i < times.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var matches = _index.Search(_queries[i % _queries.Length]);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            found += matches.Count > 0 && matches[0].EntityId == _expected[i % _queries.Length] ? 1 : 0;
            found10 += matches.Any(m => m.EntityId == _expected[i % _queries.Length]) ? 1 : 0;
            if (!matches.Any(m => m.EntityId == _expected[i % _queries.Length]) && Environment.GetEnvironmentVariable("ENTENTE_BENCH_DEBUG") is not null)
            {
                var expected = lists[0].Entries[int.Parse(_expected[i % _queries.Length], CultureInfo.InvariantCulture)];
                Console.WriteLine($"// miss: {_queries[i % _queries.Length]} want {expected.PrimaryName} ({_index.Compare(_queries[i % _queries.Length], expected.PrimaryName):F2}); got {string.Join(" | ", matches.Take(3).Select(m => m.MatchedName + " " + m.Score.ToString("F2", CultureInfo.InvariantCulture)))}");
            }
        }

        // The variants added to reach the size are other entities bearing near-copies of the real names, so rank one is
        // often a decoy with the same score: recall@10 is the meaningful figure at this scale.
        Console.WriteLine($"// screening: recall@1 {(double)found / times.Length:P2}, recall@10 {(double)found10 / times.Length:P2} over {times.Length} queries (Cyrillic RuPEP names, a quarter with a typo)");

        Array.Sort(times);
        Console.WriteLine($"// screening: single query p50 {times[times.Length / 2]:F3} ms, p99 {times[(int)(times.Length * 0.99)]:F3} ms, max {times[^1]:F3} ms");

        // Batch throughput on all cores (two on the reference machine).
        var batch = Enumerable.Range(0, 20_000).Select(i => _queries[i % _queries.Length]).ToArray();
        watch.Restart();
        Parallel.ForEach(batch, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, q => _index.Search(q));
        Console.WriteLine($"// screening: batch {batch.Length / watch.Elapsed.TotalSeconds:N0} names/s on {Environment.ProcessorCount} cores");
    }

    [Benchmark(Baseline = true)]
    public string BruteForceJaroWinkler()
    {
        var query = _queries[_next++ % _queries.Length];
        var folded = string.Concat(NameNormalizer.Tokenize(query).Select(t => t.Folded));
        var best = -1.0;
        var bestAt = 0;
        for (var i = 0; i < _folded.Length; i++)
        {
            var score = StringSimilarity.JaroWinkler(folded, _folded[i]);
            if (score > best)
            {
                best = score;
                bestAt = i;
            }
        }

        return _aliases[bestAt];
    }

    [Benchmark]
    public int IndexedSearch() => _index.Search(_queries[_next++ % _queries.Length]).Count;
}

/// <summary>The benchmark corpus: deterministic for a given size.</summary>
internal static class Corpus
{
    private static readonly string[] Schemes = ["icao_doc_9303", "bgn_pcgn", "gost_779_alt", "ala_lc", "scientific", "wikipedia", "mvd_782", "telegram"];

    public static (SanctionsList[] Lists, (string Query, string EntityId)[] Queries) Build(int size)
    {
        var random = new Random(20140101);
        var names = new List<(string Name, List<string> Aliases)>();
        var data = Environment.GetEnvironmentVariable("ENTENTE_SHARED_DATA") ?? FindSharedData();
        var queries = new List<(string Query, int Entity)>();
        if (data is not null && File.Exists(Path.Combine(data, "names/rupep_persons.csv")))
        {
            var ofac = ListFormats.Load(Path.Combine(data, "sanctions/ofac-2025"), ListFormats.OfacCsv);
            names.AddRange(ofac.Entries.Select(e => (e.PrimaryName, e.Aliases.ToList())));
            using var reader = new StreamReader(Path.Combine(data, "names/rupep_persons.csv"));
            var csv = new CsvRecordReader(reader, "rupep");
            csv.Read();
            while (csv.Read() is { } row)
            {
                if (row.Count >= 2 && row[0].Length > 0 && row[1].Length > 0)
                {
                    queries.Add((row[1], names.Count));
                    names.Add((row[0], [row[1]]));
                }
            }
        }
        else
        {
            for (var i = 0; i < 20_000; i++)
            {
                var name = Synthetic(random);
                queries.Add((Typo(name, random), names.Count));
                names.Add((name, []));
            }
        }

        // Deterministic new people until the size is reached: the given name, patronymic and surname of three
        // different real persons recombined (so namesakes are realistic, not copies), written in English, in another
        // transliteration scheme of the Cyrillic, and with a typing error. Synthetic names when the data is absent.
        var people = names.Where(x => x.Name.Split(' ').Length == 3 && x.Aliases.Count == 1 && x.Aliases[0].Split(' ').Length == 3)
            .Select(x => (English: x.Name.Split(' '), Russian: x.Aliases[0].Split(' '))).ToArray();
        var total = names.Sum(s => 1 + s.Aliases.Count);
        while (total < size)
        {
            if (people.Length == 0)
            {
                var synthetic = Synthetic(random);
                names.Add((synthetic, [Typo(synthetic, random), string.Join(' ', synthetic.Split(' ').Reverse())]));
                total += 3;
                continue;
            }

            var (a, b, c) = (people[random.Next(people.Length)], people[random.Next(people.Length)], people[random.Next(people.Length)]);
            var english = $"{a.English[0]} {b.English[1]} {c.English[2]}";
            var russian = $"{a.Russian[0]} {b.Russian[1]} {c.Russian[2]}";
            var variants = new[] { TransliterationSchemes.Get(Schemes[random.Next(Schemes.Length)]).Transliterate(russian), Typo(english, random) }
                .Where(v => v != english).Distinct(StringComparer.Ordinal).ToList();
            names.Add((english, variants));
            total += 1 + variants.Count;
        }

        var entries = names.Select((x, i) => new ListEntry(i.ToString(CultureInfo.InvariantCulture), EntityType.Unknown, x.Name, x.Aliases, null)).ToList();
        var shuffled = queries.OrderBy(_ => random.Next()).Take(5000)
            .Select(q => (random.Next(4) == 0 ? Typo(q.Query, random) : q.Query, q.Entity.ToString(CultureInfo.InvariantCulture))).ToArray();
        return ([new SanctionsList("bench", entries)], shuffled);
    }

    private static string? FindSharedData()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        return null;
    }

    private static readonly string[] Syllables = ["ka", "lo", "mi", "ser", "gei", "va", "nov", "pet", "rov", "an", "dr", "ei", "tim", "che", "ko", "ba", "zar", "ol", "ga", "vik", "tor", "len", "sko", "ya"];

    private static string Synthetic(Random random)
    {
        var tokens = new string[2 + random.Next(2)];
        for (var t = 0; t < tokens.Length; t++)
        {
            var length = 2 + random.Next(3);
            tokens[t] = string.Concat(Enumerable.Range(0, length).Select(_ => Syllables[random.Next(Syllables.Length)]));
            tokens[t] = char.ToUpperInvariant(tokens[t][0]) + tokens[t][1..];
        }

        return string.Join(' ', tokens);
    }

    private static string Typo(string name, Random random)
    {
        if (name.Length < 4)
        {
            return name + "a";
        }

        var at = 1 + random.Next(name.Length - 2);
        return random.Next(3) switch
        {
            0 => name.Remove(at, 1),
            1 => name[..at] + (char)('a' + random.Next(26)) + name[(at + 1)..],
            _ => name[..at] + name[at + 1] + name[at] + name[(at + 2)..],
        };
    }
}
