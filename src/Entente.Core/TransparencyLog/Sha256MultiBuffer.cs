using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace Entente.Core.TransparencyLog;

/// <summary>
/// SHA-256 of eight independent messages at once, one per 32-bit lane of a 256-bit vector (FIPS 180-4, unchanged).
/// Why: the platform's one-shot SHA-256 costs about a microsecond per call on small inputs (per-call overhead, not
/// hashing), and verifying a log hashes tens of millions of small, independent inputs (leaves, then each level's
/// nodes). Every result is checked against <see cref="SHA256"/> in the tests. Without vector hardware it falls back to
/// <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>.
/// </summary>
internal static class Sha256MultiBuffer
{
    private const int Lanes = 8;

    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private static readonly uint[] Initial = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

    public static bool IsAccelerated => Vector256.IsHardwareAccelerated;

    /// <summary>Writes SHA-256(<paramref name="prefix"/> ‖ messages[start + i]) to output[32·i…] for i &lt; count.</summary>
    public static void HashPrefixed(byte prefix, IReadOnlyList<byte[]> messages, int start, int count, Span<byte> output)
    {
        if (!IsAccelerated)
        {
            for (var i = 0; i < count; i++)
            {
                HashOneFallback(prefix, messages[start + i], output.Slice(i * 32, 32));
            }

            return;
        }

        Span<int> blocks = stackalloc int[Lanes];
        Span<byte> block = stackalloc byte[64];
        Span<uint> words = stackalloc uint[16 * Lanes];
        Span<Vector256<uint>> state = stackalloc Vector256<uint>[8];
        Span<uint> mask = stackalloc uint[Lanes];
        for (var group = 0; group < count; group += Lanes)
        {
            var lanes = Math.Min(Lanes, count - group);
            var maxBlocks = 0;
            for (var lane = 0; lane < lanes; lane++)
            {
                blocks[lane] = BlockCount(messages[start + group + lane].Length + 1);
                maxBlocks = Math.Max(maxBlocks, blocks[lane]);
            }

            InitialState(state);
            for (var b = 0; b < maxBlocks; b++)
            {
                for (var lane = 0; lane < Lanes; lane++)
                {
                    if (lane < lanes && b < blocks[lane])
                    {
                        FillBlock(block, prefix, messages[start + group + lane], b, blocks[lane]);
                        mask[lane] = uint.MaxValue;
                    }
                    else
                    {
                        block.Clear();
                        mask[lane] = 0;
                    }

                    Transpose(block, words, lane);
                }

                Compress(state, words, Vector256.Create<uint>(mask));
            }

            WriteDigests(state, output[(group * 32)..], lanes);
        }
    }

    /// <summary>Writes SHA-256(0x01 ‖ children[64·i…64·i+64]) to output[32·i…]: one tree level's node hashes.</summary>
    public static void HashNodes(ReadOnlySpan<byte> children, Span<byte> output)
    {
        var count = children.Length / 64;
        if (!IsAccelerated)
        {
            for (var i = 0; i < count; i++)
            {
                MerkleHashing.HashChildren(children.Slice(i * 64, 32), children.Slice((i * 64) + 32, 32), output.Slice(i * 32, 32));
            }

            return;
        }

        Span<byte> block = stackalloc byte[64];
        Span<uint> first = stackalloc uint[16 * Lanes];
        Span<uint> second = stackalloc uint[16 * Lanes];
        Span<Vector256<uint>> state = stackalloc Vector256<uint>[8];
        var all = Vector256<uint>.AllBitsSet;
        for (var group = 0; group < count; group += Lanes)
        {
            var lanes = Math.Min(Lanes, count - group);
            for (var lane = 0; lane < Lanes; lane++)
            {
                // A node message is 65 bytes: 0x01, left, right; then 0x80, zeros and the bit length 520 in block two.
                var pair = lane < lanes ? children.Slice((group + lane) * 64, 64) : default;
                block.Clear();
                block[0] = 0x01;
                if (lane < lanes)
                {
                    pair[..63].CopyTo(block[1..]);
                }

                Transpose(block, first, lane);
                block.Clear();
                if (lane < lanes)
                {
                    block[0] = pair[63];
                }

                block[1] = 0x80;
                BinaryPrimitives.WriteUInt64BigEndian(block[56..], 65 * 8);
                Transpose(block, second, lane);
            }

            InitialState(state);
            Compress(state, first, all);
            Compress(state, second, all);
            WriteDigests(state, output[(group * 32)..], lanes);
        }
    }

    private static int BlockCount(int messageLength) => (messageLength + 9 + 63) / 64;

    private static void HashOneFallback(byte prefix, byte[] message, Span<byte> destination)
    {
        if (prefix == 0x00)
        {
            MerkleHashing.HashLeaf(message, destination);
            return;
        }

        var buffer = new byte[message.Length + 1];
        buffer[0] = prefix;
        message.CopyTo(buffer, 1);
        SHA256.HashData(buffer, destination);
    }

    /// <summary>Block <paramref name="index"/> of the padded message prefix ‖ data.</summary>
    private static void FillBlock(Span<byte> block, byte prefix, ReadOnlySpan<byte> data, int index, int totalBlocks)
    {
        block.Clear();
        var start = index * 64;
        var messageLength = data.Length + 1;
        if (start == 0)
        {
            block[0] = prefix;
            var n = Math.Min(63, data.Length);
            data[..n].CopyTo(block[1..]);
        }
        else
        {
            var from = start - 1;
            var n = Math.Clamp(data.Length - from, 0, 64);
            if (n > 0)
            {
                data.Slice(from, n).CopyTo(block);
            }
        }

        if (messageLength >= start && messageLength < start + 64)
        {
            block[messageLength - start] = 0x80;
        }

        if (index == totalBlocks - 1)
        {
            BinaryPrimitives.WriteUInt64BigEndian(block[56..], (ulong)messageLength * 8);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(ReadOnlySpan<byte> block, Span<uint> words, int lane)
    {
        for (var t = 0; t < 16; t++)
        {
            words[(t * Lanes) + lane] = BinaryPrimitives.ReadUInt32BigEndian(block[(t * 4)..]);
        }
    }

    private static void InitialState(Span<Vector256<uint>> state)
    {
        for (var i = 0; i < 8; i++)
        {
            state[i] = Vector256.Create(Initial[i]);
        }
    }

    private static void WriteDigests(ReadOnlySpan<Vector256<uint>> state, Span<byte> output, int lanes)
    {
        for (var i = 0; i < 8; i++)
        {
            for (var lane = 0; lane < lanes; lane++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(output[((lane * 32) + (i * 4))..], state[i].GetElement(lane));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Rotr(Vector256<uint> x, int n) => Vector256.ShiftRightLogical(x, n) | Vector256.ShiftLeft(x, 32 - n);

    private static void Compress(Span<Vector256<uint>> state, ReadOnlySpan<uint> words, Vector256<uint> active)
    {
        Span<Vector256<uint>> w = stackalloc Vector256<uint>[64];
        for (var t = 0; t < 16; t++)
        {
            w[t] = Vector256.Create<uint>(words.Slice(t * Lanes, Lanes));
        }

        for (var t = 16; t < 64; t++)
        {
            var x = w[t - 15];
            var y = w[t - 2];
            var s0 = Rotr(x, 7) ^ Rotr(x, 18) ^ Vector256.ShiftRightLogical(x, 3);
            var s1 = Rotr(y, 17) ^ Rotr(y, 19) ^ Vector256.ShiftRightLogical(y, 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }

        var a = state[0];
        var b = state[1];
        var c = state[2];
        var d = state[3];
        var e = state[4];
        var f = state[5];
        var g = state[6];
        var h = state[7];
        for (var t = 0; t < 64; t++)
        {
            var bigS1 = Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25);
            var ch = (e & f) ^ Vector256.AndNot(g, e);
            var t1 = h + bigS1 + ch + Vector256.Create(K[t]) + w[t];
            var bigS0 = Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22);
            var maj = (a & b) ^ (a & c) ^ (b & c);
            var t2 = bigS0 + maj;
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        state[0] = Vector256.ConditionalSelect(active, state[0] + a, state[0]);
        state[1] = Vector256.ConditionalSelect(active, state[1] + b, state[1]);
        state[2] = Vector256.ConditionalSelect(active, state[2] + c, state[2]);
        state[3] = Vector256.ConditionalSelect(active, state[3] + d, state[3]);
        state[4] = Vector256.ConditionalSelect(active, state[4] + e, state[4]);
        state[5] = Vector256.ConditionalSelect(active, state[5] + f, state[5]);
        state[6] = Vector256.ConditionalSelect(active, state[6] + g, state[6]);
        state[7] = Vector256.ConditionalSelect(active, state[7] + h, state[7]);
    }
}
