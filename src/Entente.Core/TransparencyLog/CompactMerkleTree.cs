using System.Numerics;

namespace Entente.Core.TransparencyLog;

/// <summary>
/// An append-only Merkle tree that keeps only its right frontier: one perfect-subtree root per set bit of
/// <see cref="Size"/> (at most 64 hashes). Appending costs amortised two hashes and no allocation; the root is a
/// fold of the frontier. Every completed perfect subtree is reported to an optional <see cref="IMerkleNodeWriter"/>,
/// which is how a node store is filled for proofs.
/// </summary>
public sealed class CompactMerkleTree
{
    private const int MaxLevels = 64;
    private readonly byte[] _frontier = new byte[MaxLevels * MerkleHashing.HashSize];

    /// <summary>An empty tree.</summary>
    public CompactMerkleTree()
    {
    }

    /// <summary>Resumes a tree of <paramref name="size"/> leaves by reading its frontier (O(log n) nodes) from a node store.</summary>
    public CompactMerkleTree(long size, IMerkleNodeReader nodes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentNullException.ThrowIfNull(nodes);
        long start = 0;
        for (var level = MaxLevels - 2; level >= 0; level--)
        {
            if ((size & (1L << level)) != 0)
            {
                nodes.ReadNode(level, start >> level, Slot(level));
                start += 1L << level;
            }
        }

        Size = size;
    }

    /// <summary>The number of leaves appended so far.</summary>
    public long Size { get; private set; }

    /// <summary>Appends one leaf hash (see <see cref="MerkleHashing.HashLeaf(ReadOnlySpan{byte}, Span{byte})"/>).</summary>
    public void Append(ReadOnlySpan<byte> leafHash, IMerkleNodeWriter? writer = null) => AppendSubtree(0, leafHash, writer);

    /// <summary>
    /// Appends the root of a perfect subtree of 2^<paramref name="level"/> leaves; the tree size must be a multiple
    /// of that. Parallel verification uses this to join chunk roots computed on different threads.
    /// </summary>
    public void AppendSubtree(int level, ReadOnlySpan<byte> hash, IMerkleNodeWriter? writer = null)
    {
        if (hash.Length != MerkleHashing.HashSize)
        {
            throw new ArgumentException("Merkle node hashes are exactly 32 bytes.", nameof(hash));
        }

        if (level < 0 || level >= MaxLevels - 1 || (Size & ((1L << level) - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(level), "A subtree can be appended only at a size aligned to it.");
        }

        Span<byte> carry = stackalloc byte[MerkleHashing.HashSize];
        hash.CopyTo(carry);
        var index = Size >> level;
        var added = 1L << level;
        writer?.WriteNode(level, index, carry);
        while ((index & 1) == 1)
        {
            // The left sibling at this level is the frontier slot; merging frees the slot and carries upwards.
            MerkleHashing.HashChildren(Slot(level), carry, carry);
            level++;
            index >>= 1;
            writer?.WriteNode(level, index, carry);
        }

        carry.CopyTo(Slot(level));
        Size += added;
    }

    /// <summary>The root hash of the tree as it stands (the empty-tree hash when nothing was appended).</summary>
    public byte[] Root()
    {
        var root = new byte[MerkleHashing.HashSize];
        WriteRoot(root);
        return root;
    }

    /// <summary>Writes the root hash into <paramref name="destination"/>.</summary>
    public void WriteRoot(Span<byte> destination)
    {
        if (Size == 0)
        {
            MerkleHashing.EmptyRoot.CopyTo(destination);
            return;
        }

        var level = BitOperations.TrailingZeroCount(Size);
        Span<byte> acc = stackalloc byte[MerkleHashing.HashSize];
        Slot(level).CopyTo(acc);
        for (level++; level < MaxLevels; level++)
        {
            if ((Size & (1L << level)) != 0)
            {
                MerkleHashing.HashChildren(Slot(level), acc, acc);
            }
        }

        acc.CopyTo(destination);
    }

    /// <summary>The frontier as (level, hash) pairs from the largest (leftmost) subtree to the smallest.</summary>
    public IReadOnlyList<(int Level, byte[] Hash)> Frontier()
    {
        var result = new List<(int, byte[])>();
        for (var level = MaxLevels - 1; level >= 0; level--)
        {
            if ((Size & (1L << level)) != 0)
            {
                result.Add((level, Slot(level).ToArray()));
            }
        }

        return result;
    }

    private Span<byte> Slot(int level) => _frontier.AsSpan(level * MerkleHashing.HashSize, MerkleHashing.HashSize);
}
