using System.Buffers.Text;
using System.Text.Json;

namespace Entente.Core.TransparencyLog;

/// <summary>
/// The two members every log entry carries so that a verifier can say <em>where</em> a log was altered, not only
/// <em>that</em> it was: <c>"sequence"</c>, the entry's own index, and <c>"previous"</c>, the base64 RFC 9162 leaf hash
/// of the entry before it (absent for entry 0). A deletion, insertion or reordering breaks the sequence at the first
/// moved entry; an edited entry breaks the link recorded in the entry after it. The Merkle root over all entries,
/// signed in the checkpoint, is what makes the whole trustworthy; the links only localise damage.
/// </summary>
public static class LogEntryLink
{
    /// <summary>The member holding the entry's index.</summary>
    public const string SequenceMember = "sequence";

    /// <summary>The member holding the leaf hash of the previous entry.</summary>
    public const string PreviousMember = "previous";

    /// <summary>
    /// Writes an entry's canonical JSON: <c>sequence</c>, then <c>previous</c> (for sequence &gt; 0), then the members
    /// written by <paramref name="writeMembers"/>. The bytes returned are exactly what is hashed and served.
    /// </summary>
    public static byte[] Write(long sequence, ReadOnlySpan<byte> previousLeafHash, Action<Utf8JsonWriter> writeMembers)
    {
        ArgumentNullException.ThrowIfNull(writeMembers);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        if (sequence > 0 && previousLeafHash.Length != MerkleHashing.HashSize)
        {
            throw new ArgumentException("Every entry after the first links to the 32-byte leaf hash of its predecessor.", nameof(previousLeafHash));
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber(SequenceMember, sequence);
            if (sequence > 0)
            {
                writer.WriteBase64String(PreviousMember, previousLeafHash);
            }

            writeMembers(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Reads the link members of an entry's JSON. False when the entry is not a JSON object with an integer
    /// <c>sequence</c> and (for sequence &gt; 0) a 32-byte base64 <c>previous</c>.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> entry, out long sequence, Span<byte> previousLeafHash, out bool hasPrevious)
    {
        sequence = -1;
        hasPrevious = false;
        if (previousLeafHash.Length < MerkleHashing.HashSize)
        {
            throw new ArgumentException("The destination holds a 32-byte hash.", nameof(previousLeafHash));
        }

        try
        {
            var reader = new Utf8JsonReader(entry, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var seenSequence = false;
            // Room for 44 base64 characters even if every one is written as a \uXXXX escape.
            Span<byte> text = stackalloc byte[44 * 6];
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSequence = reader.ValueTextEquals(SequenceMember);
                var isPrevious = !isSequence && reader.ValueTextEquals(PreviousMember);
                if (!reader.Read())
                {
                    return false;
                }

                if (isSequence)
                {
                    if (seenSequence || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out sequence))
                    {
                        return false;
                    }

                    seenSequence = true;
                }
                else if (isPrevious && reader.TokenType == JsonTokenType.String)
                {
                    // CopyString unescapes: a serializer may write '+' as \u002B.
                    var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
                    if (hasPrevious || length > text.Length)
                    {
                        return false;
                    }

                    var written = reader.CopyString(text);
                    if (Base64.DecodeFromUtf8(text[..written], previousLeafHash, out _, out var decoded) != System.Buffers.OperationStatus.Done
                        || decoded != MerkleHashing.HashSize)
                    {
                        return false;
                    }

                    hasPrevious = true;
                }
                else
                {
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return false;
            }

            return seenSequence && sequence >= 0 && hasPrevious == (sequence > 0);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
