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
    private int _next;

    [Params(1_000_000)]
    public int Aliases { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (lists, queries) = Corpus.Build(Aliases);
        _queries = queries;
        var before = GC.GetTotalMemory(true);
        var watch = Stopwatch.StartNew();
        _index = ScreeningIndex.Build(lists);
        var build = watch.Elapsed;
        var after = GC.GetTotalMemory(true);
        _aliases = lists.SelectMany(l => l.Entries).SelectMany(e => e.AllNames()).ToArray();
        _folded = _aliases.Select(a => string.Concat(NameNormalizer.Tokenize(a).Select(t => t.Folded))).ToArray();
        Console.WriteLine($"// screening: {_index.NameCount:N0} names, {_index.EntityCount:N0} entities, {_index.VocabularySize:N0} skeletons; " +
                          $"build {build.TotalSeconds:F1} s; index heap {(after - before) / 1048576.0:F0} MiB; process working set {Environment.WorkingSet / 1048576.0:F0} MiB");

        // Latency on one core: each query timed alone.
        var times = new double[2000];
        for (var i = 0; i < times.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            _index.Search(_queries[i % _queries.Length]);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

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

    public static (SanctionsList[] Lists, string[] Queries) Build(int size)
    {
        var random = new Random(20140101);
        var names = new List<(string Name, List<string> Aliases)>();
        var data = Environment.GetEnvironmentVariable("ENTENTE_SHARED_DATA") ?? FindSharedData();
        var queries = new List<string>();
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
                    names.Add((row[0], [row[1]]));
                    queries.Add(row[1]);
                }
            }
        }
        else
        {
            for (var i = 0; i < 20_000; i++)
            {
                var name = Synthetic(random);
                names.Add((name, []));
                queries.Add(name);
            }
        }

        // Deterministic variants until the size is reached: other schemes for Cyrillic names, typos and reorderings otherwise.
        var seeds = names.ToArray();
        var total = seeds.Sum(s => 1 + s.Aliases.Count);
        var n = 0;
        while (total < size)
        {
            var (name, aliases) = seeds[n % seeds.Length];
            var cyrillic = aliases.FirstOrDefault(a => a.Any(c => c is >= '\u0400' and <= '\u04FF'));
            var variants = new List<string>();
            if (cyrillic is not null)
            {
                variants.Add(TransliterationSchemes.Get(Schemes[random.Next(Schemes.Length)]).Transliterate(cyrillic));
            }

            variants.Add(Typo(name, random));
            variants.Add(string.Join(' ', Typo(name, random).Split(' ').Reverse()));
            var synthetic = Synthetic(random);
            names.Add((synthetic, variants));
            total += 1 + variants.Count;
            n++;
        }

        var entries = names.Select((x, i) => new ListEntry(i.ToString(CultureInfo.InvariantCulture), EntityType.Unknown, x.Name, x.Aliases, null)).ToList();
        var shuffled = queries.OrderBy(_ => random.Next()).Take(5000).Select(q => random.Next(4) == 0 ? Typo(q, random) : q).ToArray();
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
