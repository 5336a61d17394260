using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Entente.Core.TransparencyLog;

/// <summary>One signature line of a C2SP signed note: <c>— name base64(keyID ‖ signature)</c>.</summary>
/// <param name="KeyName">The signer's key name (no spaces, no '+').</param>
/// <param name="KeyId">The 32-bit key ID, big-endian first four bytes of the base64 payload.</param>
/// <param name="Signature">The signature bytes that follow the key ID.</param>
public sealed record NoteSignature(string KeyName, uint KeyId, byte[] Signature)
{
    /// <summary>The line as it appears in a note, including the final newline.</summary>
    public string ToLine()
    {
        var payload = new byte[4 + Signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(payload, KeyId);
        Signature.CopyTo(payload, 4);
        return "\u2014 " + KeyName + " " + Convert.ToBase64String(payload) + "\n";
    }
}

/// <summary>Verifies signatures by one key: a (name, key ID) pair identifies the key and its algorithm.</summary>
public interface INoteVerifier
{
    /// <summary>The key name as it appears on signature lines.</summary>
    string Name { get; }

    /// <summary>The 32-bit key ID.</summary>
    uint KeyId { get; }

    /// <summary>Whether <paramref name="signature"/> (without the key ID) is valid over the note text <paramref name="text"/>.</summary>
    bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature);
}

/// <summary>Signs note texts with one key.</summary>
public interface INoteSigner
{
    /// <summary>The key name as it appears on signature lines.</summary>
    string Name { get; }

    /// <summary>The 32-bit key ID.</summary>
    uint KeyId { get; }

    /// <summary>The signature (without the key ID) over the note text.</summary>
    byte[] Sign(ReadOnlySpan<byte> text);
}

/// <summary>A note that failed to parse or verify, with a message fit for an operator.</summary>
public sealed class NoteFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public NoteFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public NoteFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public NoteFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The result of opening a note: which signatures verified with known keys, and which were from unknown keys.</summary>
public sealed record OpenedNote(SignedNote Note, IReadOnlyList<NoteSignature> Verified, IReadOnlyList<NoteSignature> Unverified);

/// <summary>
/// A C2SP signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, and one or more signature lines.
/// </summary>
/// <param name="Text">The note text, including its final newline but not the separating blank line.</param>
/// <param name="Signatures">The signature lines in order.</param>
public sealed record SignedNote(string Text, IReadOnlyList<NoteSignature> Signatures)
{
    /// <summary>The most signatures accepted in one note (the spec asks for at least 16; the Go reference allows 100).</summary>
    public const int MaxSignatures = 100;

    /// <summary>The first byte of an Ed25519 note key (signature type 0x01).</summary>
    public const byte Ed25519Type = 0x01;

    /// <summary>The whole note: text, blank line and signature lines.</summary>
    public string Format()
    {
        var builder = new StringBuilder(Text).Append('\n');
        foreach (var signature in Signatures)
        {
            builder.Append(signature.ToLine());
        }

        return builder.ToString();
    }

    /// <summary>Parses a note from bytes, which must be valid UTF-8.</summary>
    public static SignedNote Parse(ReadOnlySpan<byte> note)
    {
        if (!System.Text.Unicode.Utf8.IsValid(note))
        {
            throw new NoteFormatException("malformed note: not valid UTF-8");
        }

        return Parse(Encoding.UTF8.GetString(note));
    }

    /// <summary>Parses a note; throws <see cref="NoteFormatException"/> with the reason when it is malformed.</summary>
    public static SignedNote Parse(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        foreach (var c in note)
        {
            if (c < 0x20 && c != '\n')
            {
                throw new NoteFormatException("malformed note: control characters other than newline");
            }
        }

        if (!IsWellFormedUtf16(note))
        {
            throw new NoteFormatException("malformed note: not valid UTF-8");
        }

        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            throw new NoteFormatException("malformed note: no blank line before the signatures");
        }

        var text = note[..(split + 1)];
        var block = note[(split + 2)..];
        if (block.Length == 0 || block[^1] != '\n')
        {
            throw new NoteFormatException("malformed note: signatures must end with a newline");
        }

        var lines = block[..^1].Split('\n');
        if (lines.Length > MaxSignatures)
        {
            throw new NoteFormatException($"malformed note: more than {MaxSignatures} signatures");
        }

        var signatures = new List<NoteSignature>(lines.Length);
        foreach (var line in lines)
        {
            signatures.Add(ParseSignatureLine(line));
        }

        return new SignedNote(text, signatures);
    }

    /// <summary>Parses one signature line (with or without its newline).</summary>
    public static NoteSignature ParseSignatureLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.EndsWith('\n'))
        {
            line = line[..^1];
        }

        if (!line.StartsWith("\u2014 ", StringComparison.Ordinal))
        {
            throw new NoteFormatException("malformed note: a signature line must start with an em dash and a space");
        }

        var rest = line[2..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            throw new NoteFormatException("malformed note: signature line without key name and signature");
        }

        var name = rest[..space];
        if (!IsValidKeyName(name))
        {
            throw new NoteFormatException("malformed note: invalid key name on a signature line");
        }

        byte[] payload;
        try
        {
            payload = Convert.FromBase64String(rest[(space + 1)..]);
        }
        catch (FormatException e)
        {
            throw new NoteFormatException("malformed note: signature is not base64", e);
        }

        if (payload.Length < 5)
        {
            throw new NoteFormatException("malformed note: signature shorter than a key ID and one byte");
        }

        return new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(payload), payload[4..]);
    }

    /// <summary>
    /// Verifies the note against known keys, as the spec says: signatures from unknown keys are ignored; a signature whose
    /// name and key ID match a known key must verify or the whole note is rejected; at least one must verify.
    /// </summary>
    public OpenedNote Open(IEnumerable<INoteVerifier> verifiers)
    {
        ArgumentNullException.ThrowIfNull(verifiers);
        var known = verifiers.ToList();
        var textBytes = Encoding.UTF8.GetBytes(Text);
        var verified = new List<NoteSignature>();
        var unverified = new List<NoteSignature>();
        var seen = new HashSet<(string, uint)>();
        foreach (var signature in Signatures)
        {
            var verifier = known.FirstOrDefault(v => string.Equals(v.Name, signature.KeyName, StringComparison.Ordinal) && v.KeyId == signature.KeyId);
            if (verifier is null)
            {
                unverified.Add(signature);
                continue;
            }

            if (!verifier.Verify(textBytes, signature.Signature))
            {
                throw new NoteFormatException($"invalid signature by known key {signature.KeyName}+{signature.KeyId:x8}");
            }

            if (seen.Add((signature.KeyName, signature.KeyId)))
            {
                verified.Add(signature);
            }
        }

        if (verified.Count == 0)
        {
            throw new NoteFormatException("note has no verifiable signatures");
        }

        return new OpenedNote(this, verified, unverified);
    }

    /// <summary>Signs a note text (which must end in a newline) with each signer in turn.</summary>
    public static SignedNote Sign(string text, params INoteSigner[] signers)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signers);
        if (text.Length == 0 || text[^1] != '\n')
        {
            throw new NoteFormatException("note text must end with a newline");
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var signatures = signers.Select(s => new NoteSignature(s.Name, s.KeyId, s.Sign(bytes))).ToList();
        var note = new SignedNote(text, signatures);

        // Round-trip through the parser so a bad name or a control character never leaves here signed.
        Parse(note.Format());
        return note;
    }

    /// <summary>Key names are non-empty and contain no Unicode spaces and no '+'.</summary>
    public static bool IsValidKeyName(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || c == '+' || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The recommended key ID: the first four bytes (big-endian) of SHA-256(name ‖ 0x0A ‖ type ‖ public key).</summary>
    public static uint ComputeKeyId(string name, byte signatureType, ReadOnlySpan<byte> publicKey)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[nameBytes.Length + 2 + publicKey.Length];
        nameBytes.CopyTo(input, 0);
        input[nameBytes.Length] = 0x0A;
        input[nameBytes.Length + 1] = signatureType;
        publicKey.CopyTo(input.AsSpan(nameBytes.Length + 2));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }

    private static bool IsWellFormedUtf16(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(s[i]))
            {
                return false;
            }
        }

        return true;
    }
}
