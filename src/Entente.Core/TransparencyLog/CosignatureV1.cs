using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Entente.Core.TransparencyLog;

/// <summary>
/// The Ed25519 <c>cosignature/v1</c> format of c2sp.org/tlog-cosignature: a note signature (type 0x04) whose bytes are
/// a big-endian u64 timestamp followed by an Ed25519 signature over
/// <c>"cosignature/v1\ntime &lt;timestamp&gt;\n" ‖ checkpoint text</c>. The curve arithmetic is supplied by the caller.
/// </summary>
public static class CosignatureV1
{
    /// <summary>The signature type byte of Ed25519 cosignature/v1 keys.</summary>
    public const byte SignatureType = 0x04;

    /// <summary>Length of an Ed25519 signature.</summary>
    public const int Ed25519SignatureLength = 64;

    /// <summary>Length of a timestamped signature: 8-byte timestamp and the Ed25519 signature.</summary>
    public const int TimestampedSignatureLength = 8 + Ed25519SignatureLength;

    /// <summary>The message a cosigner signs for a checkpoint text at <paramref name="timestamp"/> (POSIX seconds).</summary>
    public static byte[] SignedMessage(string checkpointText, ulong timestamp)
    {
        ArgumentNullException.ThrowIfNull(checkpointText);
        if (timestamp > long.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(timestamp), "Cosignature timestamps do not exceed 2^63-1.");
        }

        return Encoding.UTF8.GetBytes("cosignature/v1\ntime " + timestamp.ToString(CultureInfo.InvariantCulture) + "\n" + checkpointText);
    }

    /// <summary>The message for checkpoint text given as UTF-8 bytes.</summary>
    public static byte[] SignedMessage(ReadOnlySpan<byte> checkpointText, ulong timestamp)
    {
        var header = Encoding.ASCII.GetBytes("cosignature/v1\ntime " + timestamp.ToString(CultureInfo.InvariantCulture) + "\n");
        if (timestamp > long.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(timestamp), "Cosignature timestamps do not exceed 2^63-1.");
        }

        var message = new byte[header.Length + checkpointText.Length];
        header.CopyTo(message, 0);
        checkpointText.CopyTo(message.AsSpan(header.Length));
        return message;
    }

    /// <summary>Splits a timestamped signature into its timestamp and Ed25519 signature; false when the shape is wrong.</summary>
    public static bool TryParse(ReadOnlySpan<byte> signature, out ulong timestamp, out ReadOnlySpan<byte> ed25519Signature)
    {
        timestamp = 0;
        ed25519Signature = default;
        if (signature.Length != TimestampedSignatureLength)
        {
            return false;
        }

        timestamp = BinaryPrimitives.ReadUInt64BigEndian(signature);
        if (timestamp > long.MaxValue)
        {
            return false;
        }

        ed25519Signature = signature[8..];
        return true;
    }

    /// <summary>Joins a timestamp and an Ed25519 signature into the timestamped signature bytes.</summary>
    public static byte[] Compose(ulong timestamp, ReadOnlySpan<byte> ed25519Signature)
    {
        if (ed25519Signature.Length != Ed25519SignatureLength)
        {
            throw new ArgumentException("An Ed25519 signature is 64 bytes.", nameof(ed25519Signature));
        }

        var result = new byte[TimestampedSignatureLength];
        BinaryPrimitives.WriteUInt64BigEndian(result, timestamp);
        ed25519Signature.CopyTo(result.AsSpan(8));
        return result;
    }
}
