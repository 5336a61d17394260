namespace Entente.Core.TransparencyLog;

/// <summary>
/// Inclusion and consistency proofs per RFC 9162 §2.1.3 and §2.1.4: generated from stored perfect-subtree hashes
/// (<see cref="IMerkleNodeReader"/>, O(log n) reads) and verified by the RFC's iterative algorithms.
/// </summary>
public static class MerkleProofs
{
    /// <summary>The hash of the leaves [<paramref name="start"/>, <paramref name="end"/>) of a tree, read from stored nodes.</summary>
    /// <remarks>Only ranges that occur in the RFC's recursive decomposition are supported: the start is aligned to the largest power of two not above the width.</remarks>
    public static byte[] SubtreeHash(IMerkleNodeReader nodes, long start, long end)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (end <= start || start < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(end), "A subtree covers at least one leaf.");
        }

        var result = new byte[MerkleHashing.HashSize];
        WriteSubtreeHash(nodes, start, end, result);
        return result;
    }

    /// <summary>The root of the first <paramref name="size"/> leaves of a stored tree (the empty-tree hash for 0).</summary>
    public static byte[] RootAt(IMerkleNodeReader nodes, long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return size == 0 ? MerkleHashing.EmptyRoot.ToArray() : SubtreeHash(nodes, 0, size);
    }

    /// <summary>The RFC 9162 §2.1.3.1 inclusion path of leaf <paramref name="index"/> in the tree of <paramref name="size"/> leaves, leaf's sibling first.</summary>
    public static IReadOnlyList<byte[]> InclusionProof(IMerkleNodeReader nodes, long index, long size)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (index < 0 || index >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"Leaf {index} is not in a tree of {size} leaves.");
        }

        var proof = new List<byte[]>(64);
        AddInclusion(nodes, index, 0, size, proof);
        return proof;
    }

    /// <summary>The RFC 9162 §2.1.4.1 consistency proof from <paramref name="oldSize"/> to <paramref name="newSize"/> (0 &lt; old ≤ new); empty when the sizes are equal.</summary>
    public static IReadOnlyList<byte[]> ConsistencyProof(IMerkleNodeReader nodes, long oldSize, long newSize)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (oldSize <= 0 || oldSize > newSize)
        {
            throw new ArgumentOutOfRangeException(nameof(oldSize), $"No consistency proof from size {oldSize} to {newSize}.");
        }

        var proof = new List<byte[]>(64);
        if (oldSize < newSize)
        {
            AddSubproof(nodes, oldSize, 0, newSize, true, proof);
        }

        return proof;
    }

    /// <summary>
    /// The stored nodes an inclusion proof reads, so a database can fetch them in one query and serve them through a
    /// dictionary-backed <see cref="IMerkleNodeReader"/>.
    /// </summary>
    public static IReadOnlyList<MerkleNodeId> InclusionProofNodes(long index, long size)
    {
        var recorder = new RecordingReader();
        InclusionProof(recorder, index, size);
        return recorder.Reads;
    }

    /// <summary>The stored nodes a consistency proof reads (see <see cref="InclusionProofNodes"/>).</summary>
    public static IReadOnlyList<MerkleNodeId> ConsistencyProofNodes(long oldSize, long newSize)
    {
        var recorder = new RecordingReader();
        ConsistencyProof(recorder, oldSize, newSize);
        return recorder.Reads;
    }

    /// <summary>Verifies an inclusion proof (RFC 9162 §2.1.3.2). Every hash must be exactly 32 bytes.</summary>
    public static ProofCheck VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (index < 0 || index >= size)
        {
            return ProofCheck.Fail($"leaf index {index} is not below tree size {size}");
        }

        if (leafHash.Length != MerkleHashing.HashSize || root.Length != MerkleHashing.HashSize)
        {
            return ProofCheck.Fail("leaf hash and root must be 32 bytes");
        }

        var fn = index;
        var sn = size - 1;
        Span<byte> r = stackalloc byte[MerkleHashing.HashSize];
        leafHash.CopyTo(r);
        foreach (var p in proof)
        {
            if (p is null || p.Length != MerkleHashing.HashSize)
            {
                return ProofCheck.Fail("every proof hash must be 32 bytes");
            }

            if (sn == 0)
            {
                return ProofCheck.Fail("proof is longer than the path to the root");
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHashing.HashChildren(p, r, r);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                MerkleHashing.HashChildren(r, p, r);
            }

            fn >>= 1;
            sn >>= 1;
        }

        if (sn != 0)
        {
            return ProofCheck.Fail("proof is shorter than the path to the root");
        }

        return r.SequenceEqual(root) ? ProofCheck.Ok : ProofCheck.Fail("computed root does not match");
    }

    /// <summary>
    /// Verifies a consistency proof (RFC 9162 §2.1.4.2). A proof from size 0 is an error (the empty tree needs no proof,
    /// so a caller such as a witness handles it first); equal sizes are valid only with an empty proof and byte-equal roots;
    /// otherwise every hash must be exactly 32 bytes.
    /// </summary>
    public static ProofCheck VerifyConsistency(long oldSize, long newSize, ReadOnlySpan<byte> oldRoot, ReadOnlySpan<byte> newRoot, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (oldSize <= 0)
        {
            return ProofCheck.Fail("a consistency proof starts from a non-empty tree");
        }

        if (oldSize > newSize)
        {
            return ProofCheck.Fail($"old size {oldSize} exceeds new size {newSize}");
        }

        if (oldSize == newSize)
        {
            if (proof.Count != 0)
            {
                return ProofCheck.Fail("equal sizes take an empty proof");
            }

            return oldRoot.SequenceEqual(newRoot) ? ProofCheck.Ok : ProofCheck.Fail("equal sizes but different roots");
        }

        // Equal sizes compare roots byte for byte (above); from here on every hash is exactly 32 bytes.
        if (oldRoot.Length != MerkleHashing.HashSize || newRoot.Length != MerkleHashing.HashSize)
        {
            return ProofCheck.Fail("roots must be 32 bytes");
        }

        if (proof.Count == 0)
        {
            return ProofCheck.Fail("empty consistency proof");
        }

        foreach (var p in proof)
        {
            if (p is null || p.Length != MerkleHashing.HashSize)
            {
                return ProofCheck.Fail("every proof hash must be 32 bytes");
            }
        }

        // When the old tree is a perfect subtree, its root is the implicit first element of the path.
        var isPowerOfTwo = (oldSize & (oldSize - 1)) == 0;
        var position = 0;
        Span<byte> fr = stackalloc byte[MerkleHashing.HashSize];
        Span<byte> sr = stackalloc byte[MerkleHashing.HashSize];
        if (isPowerOfTwo)
        {
            oldRoot.CopyTo(fr);
        }
        else
        {
            proof[0].CopyTo(fr);
            position = 1;
        }

        fr.CopyTo(sr);
        var fn = oldSize - 1;
        var sn = newSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        for (; position < proof.Count; position++)
        {
            var c = proof[position];
            if (sn == 0)
            {
                return ProofCheck.Fail("proof is longer than needed");
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHashing.HashChildren(c, fr, fr);
                MerkleHashing.HashChildren(c, sr, sr);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                MerkleHashing.HashChildren(sr, c, sr);
            }

            fn >>= 1;
            sn >>= 1;
        }

        if (sn != 0)
        {
            return ProofCheck.Fail("proof is shorter than needed");
        }

        if (!fr.SequenceEqual(oldRoot))
        {
            return ProofCheck.Fail("proof does not reproduce the old root");
        }

        return sr.SequenceEqual(newRoot) ? ProofCheck.Ok : ProofCheck.Fail("proof does not reproduce the new root");
    }

    private static void AddInclusion(IMerkleNodeReader nodes, long m, long start, long end, List<byte[]> proof)
    {
        var n = end - start;
        if (n == 1)
        {
            return;
        }

        var k = MerkleHashing.SplitPoint(n);
        if (m < k)
        {
            AddInclusion(nodes, m, start, start + k, proof);
            proof.Add(SubtreeHash(nodes, start + k, end));
        }
        else
        {
            AddInclusion(nodes, m - k, start + k, end, proof);
            proof.Add(SubtreeHash(nodes, start, start + k));
        }
    }

    private static void AddSubproof(IMerkleNodeReader nodes, long m, long start, long end, bool isCompleteOldTree, List<byte[]> proof)
    {
        var n = end - start;
        if (m == n)
        {
            if (!isCompleteOldTree)
            {
                proof.Add(SubtreeHash(nodes, start, end));
            }

            return;
        }

        var k = MerkleHashing.SplitPoint(n);
        if (m <= k)
        {
            AddSubproof(nodes, m, start, start + k, isCompleteOldTree, proof);
            proof.Add(SubtreeHash(nodes, start + k, end));
        }
        else
        {
            AddSubproof(nodes, m - k, start + k, end, false, proof);
            proof.Add(SubtreeHash(nodes, start, start + k));
        }
    }

    private static void WriteSubtreeHash(IMerkleNodeReader nodes, long start, long end, Span<byte> destination)
    {
        var n = end - start;
        if ((n & (n - 1)) == 0)
        {
            var level = System.Numerics.BitOperations.TrailingZeroCount(n);
            if ((start & (n - 1)) != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(start), "A perfect subtree starts at a multiple of its width.");
            }

            nodes.ReadNode(level, start >> level, destination);
            return;
        }

        // Only the right spine is imperfect: the left part is one stored node, so this recursion reads O(log n) nodes.
        var k = MerkleHashing.SplitPoint(n);
        Span<byte> left = stackalloc byte[MerkleHashing.HashSize];
        Span<byte> right = stackalloc byte[MerkleHashing.HashSize];
        WriteSubtreeHash(nodes, start, start + k, left);
        WriteSubtreeHash(nodes, start + k, end, right);
        MerkleHashing.HashChildren(left, right, destination);
    }

    private sealed class RecordingReader : IMerkleNodeReader
    {
        public List<MerkleNodeId> Reads { get; } = [];

        public void ReadNode(int level, long index, Span<byte> destination)
        {
            Reads.Add(new MerkleNodeId(level, index));
            destination.Clear();
        }
    }
}

/// <summary>The outcome of checking a proof: valid, or the reason it is not.</summary>
public readonly record struct ProofCheck(bool IsValid, string Reason)
{
    /// <summary>A proof that checks out.</summary>
    public static ProofCheck Ok => new(true, "valid");

    /// <summary>A proof that does not, with the reason.</summary>
    public static ProofCheck Fail(string reason) => new(false, reason);
}
