using System.Text.Json;
using System.Text.Json.Serialization;

namespace Entente.Core.TransparencyLog;

/// <summary>
/// The export of the whole log as one JSON document (contract: <c>{ origin, checkpoint, verifierKeys, entries }</c>),
/// small enough in concept that anyone can check it with a few lines of code in any language.
/// </summary>
public sealed record LogExport
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    /// <summary>The checkpoint origin line.</summary>
    [JsonPropertyName("origin")]
    public required string Origin { get; init; }

    /// <summary>The newest checkpoint as a signed note, cosignatures included.</summary>
    [JsonPropertyName("checkpoint")]
    public required string Checkpoint { get; init; }

    /// <summary>The C2SP vkeys of the platform and of each authority witness.</summary>
    [JsonPropertyName("verifierKeys")]
    public required IReadOnlyList<string> VerifierKeys { get; init; }

    /// <summary>Every entry's exact bytes, in order (base64 in JSON).</summary>
    [JsonPropertyName("entries")]
    public required IReadOnlyList<byte[]> Entries { get; init; }

    /// <summary>The document as UTF-8 JSON.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    /// <summary>Parses a document; throws <see cref="NoteFormatException"/> with the reason when it is not an export.</summary>
    public static LogExport Parse(ReadOnlySpan<byte> json)
    {
        LogExport? export;
        try
        {
            export = JsonSerializer.Deserialize<LogExport>(json, Options);
        }
        catch (JsonException e)
        {
            throw new NoteFormatException("not a log export: " + e.Message, e);
        }

        if (export is null || export.Origin is null || export.Checkpoint is null || export.VerifierKeys is null || export.Entries is null
            || export.Entries.Any(e => e is null) || export.VerifierKeys.Any(k => k is null))
        {
            throw new NoteFormatException("not a log export: origin, checkpoint, verifierKeys and entries are all required");
        }

        return export;
    }
}
