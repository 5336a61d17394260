using System.Text.Json;
using System.Text.Json.Serialization;
using Entente.Core.Screening;

namespace Entente.Application.Screening;

/// <summary>
/// A hit's explanation as stored: the structured reading (which words matched which, and how) as JSON, so that pages
/// can show it in the reader's language. Hits stored before this form hold the English one-line text, which is read
/// back as text.
/// </summary>
public static class HitExplanations
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The stored form of an explanation.</summary>
    public static string Store(MatchExplanation explanation) => JsonSerializer.Serialize(explanation, Options);

    /// <summary>The structured explanation, or null when the stored form is the older one-line text.</summary>
    public static MatchExplanation? Read(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!stored.StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<MatchExplanation>(stored, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The one-line English reading (for the API and the command line).</summary>
    public static string Text(string stored) => Read(stored)?.ToString() ?? stored;
}
