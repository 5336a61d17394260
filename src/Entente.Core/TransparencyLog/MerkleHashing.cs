using System.Buffers;
using System.Security.Cryptography;

namespace Entente.Core.TransparencyLog;

/// <summary>
/// The RFC 9162 §2.1 hash functions: a leaf is SHA-256(0x00 ‖ entry), an interior node is
/// SHA-256(0x01 ‖ left ‖ right), and the empty tree is SHA-256 of nothing. The domain-separation
/// prefixes are what stop a leaf being passed off as a node (second-preimage attacks).
/// </summary>
public static class MerkleHashing
{
    /// <summary>Every hash in the tree is a SHA-256 digest of this many bytes.</summary>
    public const int HashSize = 32;

    private const int StackLimit = 1024;

    /// <summary>The root of the empty tree: SHA-256 of the empty string.</summary>
    public static ReadOnlySpan<byte> EmptyRoot =>
    [
        0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9, 0x24,
        0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55,
    ];

    /// <summary>Writes the leaf hash of <paramref name="entry"/> (the entry's exact bytes) into <paramref name="destination"/>.</summary>
    public static void HashLeaf(ReadOnlySpan<byte> entry, Span<byte> destination)
    {
        if (entry.Length < StackLimit)
        {
            Span<byte> buffer = stackalloc byte[StackLimit];
            buffer[0] = 0x00;
            entry.CopyTo(buffer[1..]);
            SHA256.HashData(buffer[..(entry.Length + 1)], destination);
            return;
        }

        // Large entries: one pooled copy is cheaper than an incremental hash object per call.
        var rented = ArrayPool<byte>.Shared.Rent(entry.Length + 1);
        try
        {
            rented[0] = 0x00;
            entry.CopyTo(rented.AsSpan(1));
            SHA256.HashData(rented.AsSpan(0, entry.Length + 1), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The leaf hash of <paramref name="entry"/> as a new array.</summary>
    public static byte[] HashLeaf(ReadOnlySpan<byte> entry)
    {
        var result = new byte[HashSize];
        HashLeaf(entry, result);
        return result;
    }

    /// <summary>Writes the interior-node hash SHA-256(0x01 ‖ left ‖ right) into <paramref name="destination"/> (which may alias either input).</summary>
    public static void HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        if (left.Length != HashSize || right.Length != HashSize)
        {
            throw new ArgumentException("Merkle node hashes are exactly 32 bytes.");
        }

        Span<byte> buffer = stackalloc byte[1 + (2 * HashSize)];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + HashSize)..]);
        SHA256.HashData(buffer, destination);
    }

    /// <summary>The interior-node hash of two children as a new array.</summary>
    public static byte[] HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var result = new byte[HashSize];
        HashChildren(left, right, result);
        return result;
    }

    /// <summary>The largest power of two strictly smaller than <paramref name="n"/> (n ≥ 2): the RFC's split point k.</summary>
    public static long SplitPoint(long n)
    {
        if (n < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(n), "A split needs at least two leaves.");
        }

        return 1L << (63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(n - 1)));
    }
}
