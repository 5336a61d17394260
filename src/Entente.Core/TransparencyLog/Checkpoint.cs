using System.Globalization;
using System.Text;

namespace Entente.Core.TransparencyLog;

/// <summary>
/// The body of a C2SP tlog-checkpoint: origin line, decimal tree size, base64 root hash, and optional extension lines.
/// </summary>
/// <param name="Origin">The log's identity, non-empty.</param>
/// <param name="Size">The number of leaves.</param>
/// <param name="RootHash">The RFC 9162 root of the first <paramref name="Size"/> leaves (32 bytes).</param>
/// <param name="Extensions">Opaque non-empty extension lines (not recommended, kept verbatim).</param>
public sealed record Checkpoint(string Origin, long Size, byte[] RootHash, IReadOnlyList<string> Extensions)
{
    /// <summary>A checkpoint with no extension lines.</summary>
    public Checkpoint(string origin, long size, byte[] rootHash)
        : this(origin, size, rootHash, [])
    {
    }

    /// <summary>The note text: each line ending in a newline.</summary>
    public string Format()
    {
        if (string.IsNullOrEmpty(Origin) || Origin.Contains('\n', StringComparison.Ordinal) || Size < 0 || RootHash.Length != MerkleHashing.HashSize)
        {
            throw new NoteFormatException("a checkpoint needs a one-line origin, a size of at least 0 and a 32-byte root");
        }

        var builder = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(RootHash)).Append('\n');
        foreach (var line in Extensions)
        {
            if (line.Length == 0 || line.Contains('\n', StringComparison.Ordinal))
            {
                throw new NoteFormatException("checkpoint extension lines are single non-empty lines");
            }

            builder.Append(line).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Parses a checkpoint from a note text (not the signatures).</summary>
    public static Checkpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text[^1] != '\n')
        {
            throw new NoteFormatException("malformed checkpoint: the text must end with a newline");
        }

        var lines = text[..^1].Split('\n');
        if (lines.Length < 3)
        {
            throw new NoteFormatException("malformed checkpoint: expected origin, size and root lines");
        }

        if (lines[0].Length == 0)
        {
            throw new NoteFormatException("malformed checkpoint: empty origin");
        }

        var size = ParseDecimal(lines[1], "malformed checkpoint: size");
        byte[] root;
        try
        {
            root = Convert.FromBase64String(lines[2]);
        }
        catch (FormatException e)
        {
            throw new NoteFormatException("malformed checkpoint: root hash is not base64", e);
        }

        if (root.Length != MerkleHashing.HashSize)
        {
            throw new NoteFormatException("malformed checkpoint: root hash must be 32 bytes");
        }

        if (lines.Skip(3).Any(l => l.Length == 0))
        {
            throw new NoteFormatException("malformed checkpoint: empty extension line");
        }

        return new Checkpoint(lines[0], size, root, lines[3..]);
    }

    /// <summary>Parses an ASCII decimal with no sign and no leading zeroes (except "0").</summary>
    internal static long ParseDecimal(string value, string what)
    {
        if (value.Length == 0 || value.Length > 19 || (value.Length > 1 && value[0] == '0') || !value.All(char.IsAsciiDigit)
            || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var result))
        {
            throw new NoteFormatException($"{what} must be a decimal number with no leading zeroes");
        }

        return result;
    }
}
