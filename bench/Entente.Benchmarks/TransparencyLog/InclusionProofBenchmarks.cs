using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Entente.Core.TransparencyLog;

namespace Entente.Benchmarks.TransparencyLog;

/// <summary>
/// One inclusion proof from an in-memory node store of 10,000,000 leaves (target p50 ≤ 100 µs), and its verification.
/// The baseline hashes the same number of 65-byte node inputs with plain SHA-256: the cost of the hashing alone.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class InclusionProofBenchmarks
{
    private const int Indexes = 4096;
    private MemoryMerkleNodeStore _store = null!;
    private byte[] _root = [];
    private long[] _indexes = [];
    private byte[][] _leaves = [];
    private IReadOnlyList<byte[]>[] _proofs = [];
    private byte[] _nodeInput = new byte[65];
    private int _next;

    [Params(10_000_000)]
    public long TreeSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = new MemoryMerkleNodeStore();
        var tree = new CompactMerkleTree();
        Span<byte> leaf = stackalloc byte[32];
        Span<byte> input = stackalloc byte[8];
        for (long i = 0; i < TreeSize; i++)
        {
            BitConverter.TryWriteBytes(input, i);
            MerkleHashing.HashLeaf(input, leaf);
            tree.Append(leaf, _store);
        }

        _root = tree.Root();
        var random = new Random(3);
        _indexes = Enumerable.Range(0, Indexes).Select(_ => random.NextInt64(TreeSize)).ToArray();
        _leaves = _indexes.Select(i => MerkleProofs.SubtreeHash(_store, i, i + 1)).ToArray();
        _proofs = _indexes.Select(i => MerkleProofs.InclusionProof(_store, i, TreeSize)).ToArray();
        _nodeInput = new byte[65];
    }

    /// <summary>The proof's hashing without the tree: one SHA-256 per level of a 10M tree (24), over 65-byte node inputs.</summary>
    [Benchmark(Baseline = true)]
    public byte PlainSha256SameHashCount()
    {
        Span<byte> hash = stackalloc byte[32];
        var levels = 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(TreeSize - 1));
        for (var i = 0; i < levels; i++)
        {
            SHA256.HashData(_nodeInput, hash);
            _nodeInput[1] = hash[0];
        }

        return hash[0];
    }

    [Benchmark]
    public int GenerateInclusionProof()
    {
        var index = _indexes[_next++ & (Indexes - 1)];
        return MerkleProofs.InclusionProof(_store, index, TreeSize).Count;
    }

    [Benchmark]
    public bool VerifyInclusionProof()
    {
        var at = _next++ & (Indexes - 1);
        return MerkleProofs.VerifyInclusion(_indexes[at], TreeSize, _leaves[at], _proofs[at], _root).IsValid;
    }
}
