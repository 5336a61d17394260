using System.Globalization;

namespace Entente.Core.TransparencyLog;

/// <summary>
/// A C2SP verifier key (vkey): <c>name+hex(keyID)+base64(type ‖ public key)</c>. The algorithm-specific part
/// (checking a signature) lives outside Core; this is the text encoding and its checks.
/// </summary>
/// <param name="Name">The key name.</param>
/// <param name="KeyId">The 32-bit key ID.</param>
/// <param name="SignatureType">The signature type byte (0x01 Ed25519 note signatures, 0x04 Ed25519 cosignature/v1).</param>
/// <param name="PublicKey">The public key material after the type byte.</param>
public sealed record VerifierKey(string Name, uint KeyId, byte SignatureType, byte[] PublicKey)
{
    /// <summary>The vkey text.</summary>
    public string Format()
    {
        var material = new byte[1 + PublicKey.Length];
        material[0] = SignatureType;
        PublicKey.CopyTo(material, 1);
        return Name + "+" + KeyId.ToString("x8", CultureInfo.InvariantCulture) + "+" + Convert.ToBase64String(material);
    }

    /// <summary>
    /// Parses a vkey, splitting on the first two '+' only (base64 may contain '+'). For the hash-derived types
    /// (0x01, 0x04) the key ID must match the one computed from name, type and key.
    /// </summary>
    public static VerifierKey Parse(string vkey)
    {
        ArgumentNullException.ThrowIfNull(vkey);
        var (name, id, type, key) = ParseParts(vkey.Trim(), "verifier key");
        return new VerifierKey(name, id, type, key);
    }

    internal static (string Name, uint KeyId, byte Type, byte[] Key) ParseParts(string text, string what)
    {
        var first = text.IndexOf('+', StringComparison.Ordinal);
        var second = first < 0 ? -1 : text.IndexOf('+', first + 1);
        if (first <= 0 || second < 0)
        {
            throw new NoteFormatException($"malformed {what}: expected name+keyid+key");
        }

        var name = text[..first];
        var hex = text[(first + 1)..second];
        if (!SignedNote.IsValidKeyName(name))
        {
            throw new NoteFormatException($"malformed {what}: invalid key name");
        }

        if (hex.Length != 8 || !uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var id))
        {
            throw new NoteFormatException($"malformed {what}: key ID must be 8 hex digits");
        }

        byte[] material;
        try
        {
            material = Convert.FromBase64String(text[(second + 1)..]);
        }
        catch (FormatException e)
        {
            throw new NoteFormatException($"malformed {what}: key is not base64", e);
        }

        if (material.Length < 2)
        {
            throw new NoteFormatException($"malformed {what}: key material is empty");
        }

        return (name, id, material[0], material[1..]);
    }

    /// <summary>Checks the key ID of a vkey against the one derived from name, type and public key.</summary>
    public bool HasDerivedKeyId() => SignedNote.ComputeKeyId(Name, SignatureType, PublicKey) == KeyId;
}
