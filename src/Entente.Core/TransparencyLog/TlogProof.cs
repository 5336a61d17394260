using System.Globalization;
using System.Text;

namespace Entente.Core.TransparencyLog;

/// <summary>
/// A C2SP tlog-proof (c2sp.org/tlog-proof@v1): an offline proof that one entry is in a log, made of the entry's index,
/// its inclusion proof, optional unauthenticated extra data, and the signed (and cosigned) checkpoint.
/// </summary>
/// <param name="Extra">Opaque extra data, or null. Never trusted: it is not signed.</param>
/// <param name="Index">The zero-based index of the entry.</param>
/// <param name="InclusionProof">The RFC 9162 inclusion path, leaf's sibling first.</param>
/// <param name="SignedCheckpoint">The signed checkpoint note, verbatim.</param>
public sealed record TlogProof(byte[]? Extra, long Index, IReadOnlyList<byte[]> InclusionProof, string SignedCheckpoint)
{
    /// <summary>The first line of every proof.</summary>
    public const string Header = "c2sp.org/tlog-proof@v1";

    /// <summary>The proof text.</summary>
    public string Format()
    {
        var builder = new StringBuilder(Header).Append('\n');
        if (Extra is not null)
        {
            builder.Append("extra ").Append(Convert.ToBase64String(Extra)).Append('\n');
        }

        builder.Append("index ").Append(Index.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in InclusionProof)
        {
            builder.Append(Convert.ToBase64String(hash)).Append('\n');
        }

        return builder.Append('\n').Append(SignedCheckpoint).ToString();
    }

    /// <summary>Parses a proof; throws <see cref="NoteFormatException"/> with the reason when malformed.</summary>
    public static TlogProof Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blank = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (blank < 0)
        {
            throw new NoteFormatException("malformed tlog-proof: no blank line before the checkpoint");
        }

        var lines = text[..blank].Split('\n');
        if (lines[0] != Header)
        {
            throw new NoteFormatException("malformed tlog-proof: first line must be " + Header);
        }

        var at = 1;
        byte[]? extra = null;
        if (at < lines.Length && lines[at].StartsWith("extra ", StringComparison.Ordinal))
        {
            extra = DecodeBase64(lines[at][6..], "extra data");
            at++;
        }

        if (at >= lines.Length || !lines[at].StartsWith("index ", StringComparison.Ordinal))
        {
            throw new NoteFormatException("malformed tlog-proof: missing index line");
        }

        var index = Checkpoint.ParseDecimal(lines[at][6..], "malformed tlog-proof: index");
        var hashes = new List<byte[]>();
        foreach (var line in lines.Skip(at + 1))
        {
            var hash = DecodeBase64(line, "proof hash");
            if (hash.Length != MerkleHashing.HashSize)
            {
                throw new NoteFormatException("malformed tlog-proof: proof hashes are 32 bytes");
            }

            hashes.Add(hash);
        }

        return new TlogProof(extra, index, hashes, text[(blank + 2)..]);
    }

    /// <summary>
    /// Verifies the proof for an entry whose leaf hash the caller computed: the checkpoint must be for
    /// <paramref name="origin"/> and signed by one of <paramref name="logVerifiers"/>; at least
    /// <paramref name="requiredCosignatures"/> distinct witnesses among <paramref name="witnessVerifiers"/> must have cosigned;
    /// and the inclusion proof must bind the leaf to the checkpoint root.
    /// </summary>
    public TlogProofCheck Verify(ReadOnlySpan<byte> leafHash, string origin, IReadOnlyCollection<INoteVerifier> logVerifiers, IReadOnlyCollection<INoteVerifier> witnessVerifiers, int requiredCosignatures)
    {
        ArgumentNullException.ThrowIfNull(logVerifiers);
        ArgumentNullException.ThrowIfNull(witnessVerifiers);
        SignedNote note;
        Checkpoint checkpoint;
        OpenedNote opened;
        try
        {
            note = SignedNote.Parse(SignedCheckpoint);
            checkpoint = Checkpoint.Parse(note.Text);
            if (!string.Equals(checkpoint.Origin, origin, StringComparison.Ordinal))
            {
                return new TlogProofCheck(false, $"checkpoint origin '{checkpoint.Origin}' is not the expected '{origin}'", null, 0);
            }

            opened = note.Open(logVerifiers.Concat(witnessVerifiers));
        }
        catch (NoteFormatException e)
        {
            return new TlogProofCheck(false, e.Message, null, 0);
        }

        var logSigned = opened.Verified.Any(s => logVerifiers.Any(v => Matches(v, s)));
        if (!logSigned)
        {
            return new TlogProofCheck(false, "checkpoint is not signed by the log key", checkpoint, 0);
        }

        var cosigned = opened.Verified.Count(s => witnessVerifiers.Any(v => Matches(v, s)));
        if (cosigned < requiredCosignatures)
        {
            return new TlogProofCheck(false, $"{cosigned} witness cosignature(s) verified; {requiredCosignatures} required", checkpoint, cosigned);
        }

        var inclusion = MerkleProofs.VerifyInclusion(Index, checkpoint.Size, leafHash, InclusionProof, checkpoint.RootHash);
        return inclusion.IsValid
            ? new TlogProofCheck(true, "valid", checkpoint, cosigned)
            : new TlogProofCheck(false, "inclusion proof: " + inclusion.Reason, checkpoint, cosigned);
    }

    private static bool Matches(INoteVerifier verifier, NoteSignature signature) =>
        string.Equals(verifier.Name, signature.KeyName, StringComparison.Ordinal) && verifier.KeyId == signature.KeyId;

    private static byte[] DecodeBase64(string value, string what)
    {
        try
        {
            return Convert.FromBase64String(value);
        }
        catch (FormatException e)
        {
            throw new NoteFormatException($"malformed tlog-proof: {what} is not base64", e);
        }
    }
}

/// <summary>The outcome of verifying a <see cref="TlogProof"/>.</summary>
/// <param name="IsValid">Whether every check passed.</param>
/// <param name="Reason">Why not, or "valid".</param>
/// <param name="Checkpoint">The parsed checkpoint, when it got that far.</param>
/// <param name="Cosignatures">How many known witnesses' cosignatures verified.</param>
public sealed record TlogProofCheck(bool IsValid, string Reason, Checkpoint? Checkpoint, int Cosignatures);
