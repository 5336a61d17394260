using System.Security.Cryptography;
using System.Text;
using Entente.Core.TransparencyLog;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Entente.Application.TransparencyLog;

/// <summary>A parsed C2SP signing key (<c>PRIVATE+KEY+name+hex(id)+base64(type ‖ seed)</c>).</summary>
/// <param name="Name">The key name.</param>
/// <param name="KeyId">The key ID written in the key.</param>
/// <param name="SignatureType">0x01 (note signatures) or 0x04 (cosignature/v1).</param>
/// <param name="Seed">The 32-byte Ed25519 private seed (RFC 8032).</param>
public sealed record NoteSigningKey(string Name, uint KeyId, byte SignatureType, byte[] Seed)
{
    /// <summary>The 32-byte Ed25519 public key of the seed.</summary>
    public byte[] PublicKey() => Ed25519Keys.PublicKeyOf(Seed);

    /// <summary>The skey text. Keep it secret: it never goes to logs.</summary>
    public string Format() => "PRIVATE+KEY+" + new VerifierKey(Name, KeyId, SignatureType, Seed).Format();

    /// <summary>The matching vkey text.</summary>
    public string VerifierKey() => new VerifierKey(Name, KeyId, SignatureType, PublicKey()).Format();

    /// <summary>Prints only the public part, so a key never leaks through a log line or a debugger display.</summary>
    public override string ToString() => VerifierKey();
}

/// <summary>Ed25519 key generation and the C2SP vkey/skey encodings, with clear errors for bad input.</summary>
public static class Ed25519Keys
{
    /// <summary>The 32-byte public key of a 32-byte seed.</summary>
    public static byte[] PublicKeyOf(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != Ed25519.SecretKeySize)
        {
            throw new NoteFormatException("an Ed25519 private key is 32 bytes");
        }

        var publicKey = new byte[Ed25519.PublicKeySize];
        Ed25519.GeneratePublicKey(seed.ToArray(), 0, publicKey, 0);
        return publicKey;
    }

    /// <summary>A fresh key from the operating system's random generator.</summary>
    /// <param name="name">The key name (no spaces, no '+').</param>
    /// <param name="cosigner">True for a witness's cosignature/v1 key (type 0x04), false for a note-signing key (0x01).</param>
    public static NoteSigningKey Generate(string name, bool cosigner)
    {
        if (!SignedNote.IsValidKeyName(name))
        {
            throw new NoteFormatException("a key name must be non-empty with no spaces and no '+'");
        }

        var seed = RandomNumberGenerator.GetBytes(Ed25519.SecretKeySize);
        var type = cosigner ? CosignatureV1.SignatureType : SignedNote.Ed25519Type;
        return new NoteSigningKey(name, SignedNote.ComputeKeyId(name, type, PublicKeyOf(seed)), type, seed);
    }

    /// <summary>Parses an skey; the key ID must be the one derived from its name, type and public key.</summary>
    public static NoteSigningKey ParseSigningKey(string skey)
    {
        ArgumentNullException.ThrowIfNull(skey);
        skey = skey.Trim();
        const string prefix = "PRIVATE+KEY+";
        if (!skey.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new NoteFormatException("malformed signing key: it must start with PRIVATE+KEY+");
        }

        VerifierKey parts;
        try
        {
            parts = Core.TransparencyLog.VerifierKey.Parse(skey[prefix.Length..]);
        }
        catch (NoteFormatException e)
        {
            throw new NoteFormatException(e.Message.Replace("verifier key", "signing key", StringComparison.Ordinal), e);
        }

        if (parts.SignatureType != SignedNote.Ed25519Type && parts.SignatureType != CosignatureV1.SignatureType)
        {
            throw new NoteFormatException($"unsupported signing key type 0x{parts.SignatureType:x2}: only Ed25519 (0x01) and cosignature/v1 (0x04)");
        }

        if (parts.PublicKey.Length != Ed25519.SecretKeySize)
        {
            throw new NoteFormatException("malformed signing key: an Ed25519 private key is 32 bytes");
        }

        var key = new NoteSigningKey(parts.Name, parts.KeyId, parts.SignatureType, parts.PublicKey);
        if (SignedNote.ComputeKeyId(key.Name, key.SignatureType, key.PublicKey()) != key.KeyId)
        {
            throw new NoteFormatException("malformed signing key: the key ID does not match the key");
        }

        return key;
    }

    /// <summary>
    /// Builds a verifier from a vkey: type 0x01 checks Ed25519 note signatures, type 0x04 checks cosignature/v1.
    /// The key ID must be the one derived from name, type and key.
    /// </summary>
    public static INoteVerifier ParseVerifierKey(string vkey)
    {
        var key = VerifierKey.Parse(vkey);
        if (key.PublicKey.Length != Ed25519.PublicKeySize)
        {
            throw new NoteFormatException("malformed verifier key: an Ed25519 public key is 32 bytes");
        }

        if (!key.HasDerivedKeyId())
        {
            throw new NoteFormatException("malformed verifier key: the key ID does not match the key");
        }

        return key.SignatureType switch
        {
            SignedNote.Ed25519Type => new Ed25519NoteVerifier(key.Name, key.PublicKey),
            CosignatureV1.SignatureType => new Ed25519CosignatureVerifier(key.Name, key.PublicKey),
            _ => throw new NoteFormatException($"unsupported verifier key type 0x{key.SignatureType:x2}: only Ed25519 (0x01) and cosignature/v1 (0x04)"),
        };
    }

    internal static byte[] Sign(byte[] seed, ReadOnlySpan<byte> message)
    {
        var signature = new byte[Ed25519.SignatureSize];
        var bytes = message.ToArray();
        Ed25519.Sign(seed, 0, bytes, 0, bytes.Length, signature, 0);
        return signature;
    }

    internal static bool Verify(byte[] publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != Ed25519.SignatureSize)
        {
            return false;
        }

        var bytes = message.ToArray();
        return Ed25519.Verify(signature.ToArray(), 0, publicKey, 0, bytes, 0, bytes.Length);
    }
}

/// <summary>Signs notes with Ed25519 (signature type 0x01); the key ID is SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4].</summary>
public sealed class Ed25519NoteSigner : INoteSigner
{
    private readonly byte[] _seed;

    /// <summary>A signer for a seed under a name.</summary>
    public Ed25519NoteSigner(string name, ReadOnlySpan<byte> seed)
    {
        _seed = seed.ToArray();
        Name = name;
        PublicKey = Ed25519Keys.PublicKeyOf(seed);
        KeyId = SignedNote.ComputeKeyId(name, SignedNote.Ed25519Type, PublicKey);
    }

    /// <summary>A signer from a parsed skey of type 0x01.</summary>
    public Ed25519NoteSigner(NoteSigningKey key)
        : this(Checked(key).Name, key.Seed)
    {
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public uint KeyId { get; }

    /// <summary>The 32-byte public key.</summary>
    public byte[] PublicKey { get; }

    /// <summary>The vkey of this signer.</summary>
    public string VerifierKey => new VerifierKey(Name, KeyId, SignedNote.Ed25519Type, PublicKey).Format();

    /// <inheritdoc />
    public byte[] Sign(ReadOnlySpan<byte> text) => Ed25519Keys.Sign(_seed, text);

    private static NoteSigningKey Checked(NoteSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.SignatureType == SignedNote.Ed25519Type
            ? key
            : throw new NoteFormatException("this key is a cosignature/v1 key; a note signer needs an Ed25519 (0x01) key");
    }
}

/// <summary>Verifies Ed25519 note signatures (type 0x01).</summary>
public sealed class Ed25519NoteVerifier : INoteVerifier
{
    private readonly byte[] _publicKey;

    /// <summary>A verifier for a 32-byte public key under a name.</summary>
    public Ed25519NoteVerifier(string name, byte[] publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        Name = name;
        _publicKey = publicKey.ToArray();
        KeyId = SignedNote.ComputeKeyId(name, SignedNote.Ed25519Type, _publicKey);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public uint KeyId { get; }

    /// <inheritdoc />
    public bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature) => Ed25519Keys.Verify(_publicKey, text, signature);
}

/// <summary>
/// A witness's Ed25519 cosignature/v1 signer (type 0x04). The same seed as a note key may be used; the key ID is
/// recomputed with type 0x04, so the two never collide.
/// </summary>
public sealed class Ed25519CosignatureSigner : INoteSigner
{
    private readonly byte[] _seed;
    private readonly TimeProvider _time;

    /// <summary>A cosigner for a seed under a name, taking signing times from <paramref name="time"/>.</summary>
    public Ed25519CosignatureSigner(string name, ReadOnlySpan<byte> seed, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _seed = seed.ToArray();
        _time = time;
        Name = name;
        PublicKey = Ed25519Keys.PublicKeyOf(seed);
        KeyId = SignedNote.ComputeKeyId(name, CosignatureV1.SignatureType, PublicKey);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public uint KeyId { get; }

    /// <summary>The 32-byte public key.</summary>
    public byte[] PublicKey { get; }

    /// <summary>The vkey of this cosigner (type 0x04).</summary>
    public string VerifierKey => new VerifierKey(Name, KeyId, CosignatureV1.SignatureType, PublicKey).Format();

    /// <summary>Cosigns a checkpoint text at the current time (whole seconds).</summary>
    public byte[] Sign(ReadOnlySpan<byte> text) => Sign(text, (ulong)_time.GetUtcNow().ToUnixTimeSeconds());

    /// <summary>Cosigns a checkpoint text at <paramref name="timestamp"/> (POSIX seconds): the timestamped signature bytes.</summary>
    public byte[] Sign(ReadOnlySpan<byte> text, ulong timestamp) =>
        CosignatureV1.Compose(timestamp, Ed25519Keys.Sign(_seed, CosignatureV1.SignedMessage(text, timestamp)));

    /// <summary>The cosignature line for a checkpoint text at <paramref name="timestamp"/>.</summary>
    public NoteSignature Cosign(string checkpointText, ulong timestamp) =>
        new(Name, KeyId, Sign(Encoding.UTF8.GetBytes(checkpointText), timestamp));
}

/// <summary>Verifies Ed25519 cosignature/v1 signatures (type 0x04), timestamp included.</summary>
public sealed class Ed25519CosignatureVerifier : INoteVerifier
{
    private readonly byte[] _publicKey;

    /// <summary>A verifier for a 32-byte public key under a name.</summary>
    public Ed25519CosignatureVerifier(string name, byte[] publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        Name = name;
        _publicKey = publicKey.ToArray();
        KeyId = SignedNote.ComputeKeyId(name, CosignatureV1.SignatureType, _publicKey);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public uint KeyId { get; }

    /// <inheritdoc />
    public bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature) =>
        CosignatureV1.TryParse(signature, out var timestamp, out var ed25519)
        && Ed25519Keys.Verify(_publicKey, CosignatureV1.SignedMessage(text, timestamp), ed25519);
}
