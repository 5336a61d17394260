using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Entente.Core.TransparencyLog;

namespace Entente.Benchmarks.TransparencyLog;

/// <summary>
/// Full verification of 10,000,000 entries (target ≤ 5 s on two cores): every leaf hashed, every entry's
/// sequence/previous link parsed and checked, the root recomputed. Entries are canonical JSON of about 150 bytes, as
/// the log writes them, already in memory (reading and base64-decoding the export file is not measured).
/// The baseline is a plain single-threaded SHA-256 loop over the same bytes.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class FullVerificationBenchmarks
{
    private byte[][] _entries = [];

    [Params(10_000_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _entries = new byte[Entries][];
        var previous = Array.Empty<byte>();
        for (var i = 0; i < Entries; i++)
        {
            var n = i;
            var entry = LogEntryLink.Write(i, previous, w =>
            {
                w.WriteString("kind", "licence.decided");
                w.WriteString("licence", "GB-2026-" + n.ToString("D8", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("outcome", "granted");
            });
            _entries[i] = entry;
            previous = MerkleHashing.HashLeaf(entry);
        }
    }

    [Benchmark(Baseline = true)]
    public byte PlainSha256SingleThread()
    {
        Span<byte> hash = stackalloc byte[32];
        byte sink = 0;
        foreach (var entry in _entries)
        {
            SHA256.HashData(entry, hash);
            sink ^= hash[0];
        }

        return sink;
    }

    [Benchmark]
    public byte[] VerifyOneCore() => Check(LogVerifier.ScanEntries(_entries, parallelism: 1));

    [Benchmark]
    public byte[] VerifyTwoCores() => Check(LogVerifier.ScanEntries(_entries, parallelism: 2));

    private static byte[] Check(EntryScan scan) =>
        scan.Defect is null ? scan.Root : throw new InvalidOperationException("benchmark log is damaged at " + scan.Defect.Index);
}
