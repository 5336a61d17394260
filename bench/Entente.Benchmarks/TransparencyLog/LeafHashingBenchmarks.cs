using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Entente.Core.TransparencyLog;

namespace Entente.Benchmarks.TransparencyLog;

/// <summary>
/// Leaf hashing and appending throughput over 100,000 entries per operation, against a plain SHA-256 loop over the
/// same bytes (the floor: RFC 9162 adds one prefix byte per leaf and about one node hash per leaf).
/// </summary>
[MemoryDiagnoser]
public class LeafHashingBenchmarks
{
    private const int Count = 100_000;
    private byte[][] _entries = [];

    [Params(128, 1024)]
    public int EntryBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _entries = new byte[Count][];
        for (var i = 0; i < Count; i++)
        {
            _entries[i] = new byte[EntryBytes];
            random.NextBytes(_entries[i]);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public byte PlainSha256()
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

    [Benchmark(OperationsPerInvoke = Count)]
    public byte HashLeaf()
    {
        Span<byte> hash = stackalloc byte[32];
        byte sink = 0;
        foreach (var entry in _entries)
        {
            MerkleHashing.HashLeaf(entry, hash);
            sink ^= hash[0];
        }

        return sink;
    }

    /// <summary>The verifier's path on one core: eight leaves per SHA-256 pass, then the nodes eight per pass (random bytes are not log entries, so link parsing stops at entry 0).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public byte[] EightLaneLeavesAndRoot() => LogVerifier.ScanEntries(_entries, parallelism: 1).Root;

    [Benchmark(OperationsPerInvoke = Count)]
    public byte[] AppendToCompactTree()
    {
        var tree = new CompactMerkleTree();
        Span<byte> hash = stackalloc byte[32];
        foreach (var entry in _entries)
        {
            MerkleHashing.HashLeaf(entry, hash);
            tree.Append(hash);
        }

        return tree.Root();
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public long AppendStoringEveryNode()
    {
        var tree = new CompactMerkleTree();
        var store = new MemoryMerkleNodeStore();
        Span<byte> hash = stackalloc byte[32];
        foreach (var entry in _entries)
        {
            MerkleHashing.HashLeaf(entry, hash);
            tree.Append(hash, store);
        }

        return store.CountAt(0);
    }
}
