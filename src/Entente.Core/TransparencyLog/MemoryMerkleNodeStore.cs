namespace Entente.Core.TransparencyLog;

/// <summary>
/// Every perfect-subtree hash of a tree, held in memory level by level (about 64 bytes per leaf in total).
/// It is both the writer a <see cref="CompactMerkleTree"/> fills and the reader proofs are generated from;
/// a database table keyed by (level, index) plays the same part in production.
/// </summary>
public sealed class MemoryMerkleNodeStore : IMerkleNodeReader, IMerkleNodeWriter
{
    private readonly List<byte[]> _levels = [];
    private readonly List<long> _counts = [];

    /// <summary>The number of nodes stored at <paramref name="level"/>.</summary>
    public long CountAt(int level) => level < _counts.Count ? _counts[level] : 0;

    /// <inheritdoc />
    public void ReadNode(int level, long index, Span<byte> destination)
    {
        if (level < 0 || level >= _levels.Count || index < 0 || index >= _counts[level])
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"No stored node at level {level}, index {index}.");
        }

        _levels[level].AsSpan(checked((int)(index * MerkleHashing.HashSize)), MerkleHashing.HashSize).CopyTo(destination);
    }

    /// <inheritdoc />
    public void WriteNode(int level, long index, ReadOnlySpan<byte> hash)
    {
        while (_levels.Count <= level)
        {
            _levels.Add(new byte[16 * MerkleHashing.HashSize]);
            _counts.Add(0);
        }

        if (index != _counts[level])
        {
            throw new InvalidOperationException($"Nodes are appended in order: expected index {_counts[level]} at level {level}, got {index}.");
        }

        var buffer = _levels[level];
        var offset = index * MerkleHashing.HashSize;
        if (offset + MerkleHashing.HashSize > buffer.Length)
        {
            // Arrays cap at 2^31 bytes (2^26 hashes per level); enough for the in-memory uses (tests, benchmarks, exports).
            var grown = new byte[checked((int)Math.Min((long)buffer.Length * 2, Array.MaxLength))];
            buffer.CopyTo(grown, 0);
            _levels[level] = buffer = grown;
        }

        hash.CopyTo(buffer.AsSpan((int)offset));
        _counts[level] = index + 1;
    }
}
