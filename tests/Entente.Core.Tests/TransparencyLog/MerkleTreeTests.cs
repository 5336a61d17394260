using Entente.Core.TransparencyLog;

namespace Entente.Core.Tests.TransparencyLog;

/// <summary>The RFC 6962 8-leaf reference tree: every leaf hash, every root, every proof, generated and verified.</summary>
public sealed class MerkleTreeTests
{
    private static readonly System.Text.Json.JsonElement Tree = Vectors.Load("derived-rfc6962-8leaf-all-proofs.json");

    private static List<byte[]> LeafInputs => Vectors.HexList(Tree.GetProperty("leafInputsHex"));

    [Fact]
    public void HashLeaf_MatchesReference_ForEveryLeaf()
    {
        var expected = Vectors.HexList(Tree.GetProperty("leafHashesHex"));
        Assert.Equal(expected, LeafInputs.Select(input => MerkleHashing.HashLeaf(input)).ToList());
    }

    [Fact]
    public void Root_MatchesReference_ForEverySizeFromZeroToEight()
    {
        var roots = Vectors.HexList(Tree.GetProperty("rootsBySizeHex"));
        var store = new MemoryMerkleNodeStore();
        var tree = new CompactMerkleTree();
        Assert.Equal(roots[0], tree.Root());
        Assert.Equal(roots[0], MerkleHashing.EmptyRoot.ToArray());
        for (var size = 1; size <= 8; size++)
        {
            tree.Append(MerkleHashing.HashLeaf(LeafInputs[size - 1]), store);
            Assert.Equal(roots[size], tree.Root());
            Assert.Equal(roots[size], MerkleProofs.RootAt(store, size));
        }
    }

    [Fact]
    public void InclusionProof_ReproducesAndVerifies_EveryReferenceProof()
    {
        var roots = Vectors.HexList(Tree.GetProperty("rootsBySizeHex"));
        var leaves = LeafInputs.Select(i => MerkleHashing.HashLeaf(i)).ToList();
        var store = Vectors.BuildStore(leaves, out _);
        var count = 0;
        foreach (var vector in Tree.GetProperty("inclusion").EnumerateArray())
        {
            var index = vector.GetProperty("leafIndex").GetInt64();
            var size = vector.GetProperty("treeSize").GetInt64();
            var expected = Vectors.HexList(vector.GetProperty("proofHex"));
            Assert.Equal(expected, MerkleProofs.InclusionProof(store, index, size));
            Assert.True(MerkleProofs.VerifyInclusion(index, size, leaves[(int)index], expected, roots[(int)size]).IsValid);
            count++;
        }

        Assert.Equal(36, count);
    }

    [Fact]
    public void ConsistencyProof_ReproducesAndVerifies_EveryReferenceProof()
    {
        var roots = Vectors.HexList(Tree.GetProperty("rootsBySizeHex"));
        var store = Vectors.BuildStore(LeafInputs.Select(i => MerkleHashing.HashLeaf(i)), out _);
        var count = 0;
        foreach (var vector in Tree.GetProperty("consistency").EnumerateArray())
        {
            var from = vector.GetProperty("size1").GetInt64();
            var to = vector.GetProperty("size2").GetInt64();
            var expected = Vectors.HexList(vector.GetProperty("proofHex"));
            Assert.Equal(expected, MerkleProofs.ConsistencyProof(store, from, to));
            Assert.True(MerkleProofs.VerifyConsistency(from, to, roots[(int)from], roots[(int)to], expected).IsValid);
            count++;
        }

        Assert.Equal(36, count);
    }

    [Fact]
    public void VerifyConsistency_Fails_FromSizeZero()
    {
        var empty = MerkleHashing.EmptyRoot.ToArray();
        Assert.False(MerkleProofs.VerifyConsistency(0, 0, empty, empty, []).IsValid);
        Assert.False(MerkleProofs.VerifyConsistency(0, 1, empty, new byte[32], []).IsValid);
    }

    [Fact]
    public void ProofNodes_AreLogarithmic_InATreeOfAMillionLeaves()
    {
        // The abstraction promise: a proof reads O(log n) stored nodes, so a database serves it in one query.
        var inclusion = MerkleProofs.InclusionProofNodes(123_456, 1_000_003);
        var consistency = MerkleProofs.ConsistencyProofNodes(777_777, 1_000_003);
        Assert.InRange(inclusion.Count, 1, 2 * 21);
        Assert.InRange(consistency.Count, 1, 2 * 21);
        Assert.All(inclusion.Concat(consistency), n => Assert.True(((n.Index + 1) << n.Level) <= 1_000_003));
    }

    [Fact]
    public void CompactTree_ResumesFromStoredNodes_WithTheSameRoot()
    {
        var leaves = Enumerable.Range(0, 1000).Select(i => MerkleHashing.HashLeaf(BitConverter.GetBytes(i))).ToList();
        var store = Vectors.BuildStore(leaves.Take(777), out var original);
        var resumed = new CompactMerkleTree(777, store);
        Assert.Equal(original.Root(), resumed.Root());
        foreach (var leaf in leaves.Skip(777))
        {
            resumed.Append(leaf, store);
        }

        Assert.Equal(Vectors.ReferenceRoot(leaves, 0, 1000), resumed.Root());
    }

    [Fact]
    public void HashLeaf_HandlesEntriesLargerThanTheStackBuffer()
    {
        var entry = new byte[5000];
        new Random(7).NextBytes(entry);
        var expected = System.Security.Cryptography.SHA256.HashData([0, .. entry]);
        Assert.Equal(expected, MerkleHashing.HashLeaf(entry));
    }
}

public sealed class DictionaryMerkleNodeReaderTests
{
    [Fact]
    public void Proofs_FromPrefetchedNodes_EqualProofsFromTheFullStore()
    {
        var leaves = Enumerable.Range(0, 1234).Select(i => MerkleHashing.HashLeaf(BitConverter.GetBytes(i))).ToList();
        var store = Vectors.BuildStore(leaves, out _);
        Span<byte> buffer = stackalloc byte[32];
        foreach (var (index, size) in new[] { (0L, 1L), (5L, 1234L), (1233L, 1234L), (700L, 1000L) })
        {
            var ids = MerkleProofs.InclusionProofNodes(index, size);
            var fetched = new Dictionary<MerkleNodeId, byte[]>();
            foreach (var id in ids)
            {
                store.ReadNode(id.Level, id.Index, buffer);
                fetched[id] = buffer.ToArray();
            }

            Assert.Equal(MerkleProofs.InclusionProof(store, index, size), MerkleProofs.InclusionProof(new DictionaryMerkleNodeReader(fetched), index, size));
        }

        var consistency = MerkleProofs.ConsistencyProofNodes(777, 1234).Distinct().ToDictionary(id => id, id =>
        {
            var hash = new byte[32];
            store.ReadNode(id.Level, id.Index, hash);
            return hash;
        });
        Assert.Equal(MerkleProofs.ConsistencyProof(store, 777, 1234), MerkleProofs.ConsistencyProof(new DictionaryMerkleNodeReader(consistency), 777, 1234));
        Assert.Throws<KeyNotFoundException>(() => MerkleProofs.InclusionProof(new DictionaryMerkleNodeReader(new Dictionary<MerkleNodeId, byte[]>()), 3, 10));
    }
}
