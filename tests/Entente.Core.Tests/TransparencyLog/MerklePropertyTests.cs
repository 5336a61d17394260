using Entente.Core.TransparencyLog;

namespace Entente.Core.Tests.TransparencyLog;

/// <summary>Properties over random trees (seeded, so a failure replays): good proofs verify, mutated ones fail.</summary>
public sealed class MerklePropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void InclusionProofs_Verify_AndEveryMutationFails(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 12; round++)
        {
            var size = random.Next(1, 300);
            var leaves = RandomLeaves(random, size);
            var store = Vectors.BuildStore(leaves, out var tree);
            var root = tree.Root();
            Assert.Equal(Vectors.ReferenceRoot(leaves, 0, size), root);
            for (var index = 0; index < size; index++)
            {
                var proof = MerkleProofs.InclusionProof(store, index, size).ToList();
                Assert.True(MerkleProofs.VerifyInclusion(index, size, leaves[index], proof, root).IsValid, $"size {size} index {index}");

                foreach (var mutated in Mutations(random, proof))
                {
                    Assert.False(MerkleProofs.VerifyInclusion(index, size, leaves[index], mutated, root).IsValid);
                }

                Assert.False(MerkleProofs.VerifyInclusion(index, size, Flip(random, leaves[index]), proof, root).IsValid);
                Assert.False(MerkleProofs.VerifyInclusion(index, size, leaves[index], proof, Flip(random, root)).IsValid);
                Assert.False(MerkleProofs.VerifyInclusion(index, size, leaves[index], proof, MerkleHashing.EmptyRoot).IsValid);
                if (size > 1)
                {
                    var other = (index + 1 + random.Next(size - 1)) % size;
                    Assert.False(MerkleProofs.VerifyInclusion(other, size, leaves[index], proof, root).IsValid);
                }
            }
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void ConsistencyProofs_Verify_AndEveryMutationFails(int seed)
    {
        var random = new Random(seed);
        var leaves = RandomLeaves(random, 130);
        var store = Vectors.BuildStore(leaves, out _);
        var roots = Enumerable.Range(0, 131).Select(n => Vectors.ReferenceRoot(leaves, 0, n)).ToList();
        for (var to = 1; to <= 130; to++)
        {
            for (var from = 1; from <= to; from++)
            {
                var proof = MerkleProofs.ConsistencyProof(store, from, to).ToList();
                Assert.True(MerkleProofs.VerifyConsistency(from, to, roots[from], roots[to], proof).IsValid, $"{from}->{to}");
                if (from == to)
                {
                    Assert.Empty(proof);
                    Assert.False(MerkleProofs.VerifyConsistency(from, to, roots[from], Flip(random, roots[to]), proof).IsValid);
                    continue;
                }

                foreach (var mutated in Mutations(random, proof))
                {
                    Assert.False(MerkleProofs.VerifyConsistency(from, to, roots[from], roots[to], mutated).IsValid, $"mutated {from}->{to}");
                }

                Assert.False(MerkleProofs.VerifyConsistency(from, to, Flip(random, roots[from]), roots[to], proof).IsValid);
                Assert.False(MerkleProofs.VerifyConsistency(from, to, roots[from], Flip(random, roots[to]), proof).IsValid);
                Assert.False(MerkleProofs.VerifyConsistency(to, from, roots[to], roots[from], proof).IsValid);
            }
        }
    }

    [Fact]
    public void Proofs_FromALargeRandomTree_VerifyAtRandomPoints()
    {
        var random = new Random(42);
        const int size = 100_003;
        var leaves = RandomLeaves(random, size);
        var store = Vectors.BuildStore(leaves, out var tree);
        var root = tree.Root();
        for (var i = 0; i < 200; i++)
        {
            var index = random.Next(size);
            Assert.True(MerkleProofs.VerifyInclusion(index, size, leaves[index], MerkleProofs.InclusionProof(store, index, size), root).IsValid);
            var from = random.Next(1, size);
            var fromRoot = MerkleProofs.RootAt(store, from);
            Assert.True(MerkleProofs.VerifyConsistency(from, size, fromRoot, root, MerkleProofs.ConsistencyProof(store, from, size)).IsValid);
        }
    }

    private static List<byte[]> RandomLeaves(Random random, int count)
    {
        var leaves = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            var entry = new byte[random.Next(0, 40)];
            random.NextBytes(entry);
            leaves.Add(MerkleHashing.HashLeaf(entry));
        }

        return leaves;
    }

    private static byte[] Flip(Random random, byte[] hash)
    {
        var copy = hash.ToArray();
        copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    /// <summary>Every single-element bit flip, a dropped element, an extra element and a truncated element.</summary>
    private static IEnumerable<List<byte[]>> Mutations(Random random, List<byte[]> proof)
    {
        for (var i = 0; i < proof.Count; i++)
        {
            var flipped = proof.ToList();
            flipped[i] = Flip(random, proof[i]);
            yield return flipped;

            var dropped = proof.ToList();
            dropped.RemoveAt(i);
            yield return dropped;

            var shortened = proof.ToList();
            shortened[i] = proof[i][..31];
            yield return shortened;
        }

        var extended = proof.ToList();
        var extra = new byte[32];
        random.NextBytes(extra);
        extended.Add(extra);
        yield return extended;

        if (proof.Count > 1)
        {
            var swapped = proof.ToList();
            (swapped[0], swapped[1]) = (swapped[1], swapped[0]);
            if (!swapped[0].AsSpan().SequenceEqual(swapped[1]))
            {
                yield return swapped;
            }
        }
    }
}
