namespace Entente.Core.TransparencyLog;

/// <summary>
/// Serves a proof from nodes fetched in advance: list them with <see cref="MerkleProofs.InclusionProofNodes"/> or
/// <see cref="MerkleProofs.ConsistencyProofNodes"/>, load them in one database query, and generate the proof from here.
/// </summary>
public sealed class DictionaryMerkleNodeReader : IMerkleNodeReader
{
    private readonly IReadOnlyDictionary<MerkleNodeId, byte[]> _nodes;

    /// <summary>A reader over fetched nodes.</summary>
    public DictionaryMerkleNodeReader(IReadOnlyDictionary<MerkleNodeId, byte[]> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        _nodes = nodes;
    }

    /// <inheritdoc />
    public void ReadNode(int level, long index, Span<byte> destination)
    {
        if (!_nodes.TryGetValue(new MerkleNodeId(level, index), out var hash) || hash.Length != MerkleHashing.HashSize)
        {
            throw new KeyNotFoundException($"Node at level {level}, index {index} was not fetched.");
        }

        hash.CopyTo(destination);
    }
}
