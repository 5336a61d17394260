namespace Entente.Core.TransparencyLog;

/// <summary>
/// Reads stored hashes of perfect subtrees. The node at (<c>level</c>, <c>index</c>) is the root of the
/// perfect subtree over leaves [index·2^level, (index+1)·2^level); level 0 holds the leaf hashes.
/// Such a node never changes once its last leaf is appended, so a database table or a tile store keyed by
/// (level, index) can back this with append-only writes, and a proof reads O(log n) of them.
/// </summary>
public interface IMerkleNodeReader
{
    /// <summary>Writes the 32-byte hash of the perfect subtree at (<paramref name="level"/>, <paramref name="index"/>) into <paramref name="destination"/>.</summary>
    void ReadNode(int level, long index, Span<byte> destination);
}

/// <summary>Receives each perfect-subtree hash as it is completed by <see cref="CompactMerkleTree.Append"/>.</summary>
public interface IMerkleNodeWriter
{
    /// <summary>Stores the hash of the perfect subtree at (<paramref name="level"/>, <paramref name="index"/>).</summary>
    void WriteNode(int level, long index, ReadOnlySpan<byte> hash);
}

/// <summary>The coordinates of one perfect subtree: <see cref="Level"/> (0 = leaf) and <see cref="Index"/> at that level.</summary>
public readonly record struct MerkleNodeId(int Level, long Index);
