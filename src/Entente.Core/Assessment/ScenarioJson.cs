using System.Text.Encodings.Web;
using System.Text.Json;
using Entente.Core.Treaties;

namespace Entente.Core.Assessment;

/// <summary>A parsed scenario, or why the line is not valid input (with the id when it could be read).</summary>
public readonly record struct ScenarioParseResult(Scenario? Scenario, InputError? Error);

/// <summary>
/// Reads one scenario from a JSON line and writes decisions, in the shapes of contracts/assessment.md. Pure: the
/// caller reads and writes the lines. Invalid input becomes an <see cref="InputError"/>, never an exception.
/// </summary>
public static class ScenarioJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Parses one JSON line.</summary>
    public static ScenarioParseResult Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return Fail(null, "not valid JSON: " + ex.Message);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail(null, "a scenario is a JSON object");
            }

            string? id = null;
            if (root.TryGetProperty("id", out var idEl))
            {
                id = idEl.ValueKind switch
                {
                    JsonValueKind.String => idEl.GetString(),
                    JsonValueKind.Number => idEl.GetRawText(),
                    _ => null,
                };
            }

            try
            {
                return new ScenarioParseResult(Read(root, id), null);
            }
            catch (ScenarioFormatException ex)
            {
                return Fail(id, ex.Message);
            }
        }
    }

    private static ScenarioParseResult Fail(string? id, string message) => new(null, new InputError(id, message));

    private static Scenario Read(JsonElement root, string? id)
    {
        var treaty = Obj(root, "treaty");
        var exporter = Obj(root, "exporter");
        var importer = Obj(root, "importer");
        var item = Obj(root, "item");
        var classification = Obj(item, "classification", "item.");
        var endUse = Obj(root, "endUse");

        var endUseKind = Enum<EndUseKind>(endUse, "kind", "endUse.");
        var scenario = new Scenario(
            id,
            Enum<TreatyStatus>(treaty, "status", "treaty."),
            Party(exporter, "exporter.", isExporter: true),
            Party(importer, "importer.", isExporter: false),
            new ScenarioItem(
                Str(item, "rating", "item.").Trim(),
                Enum<ItemForm>(item, "form", "item."),
                Str(classification, "scheme", "item.classification."),
                Str(classification, "marking", "item.classification."),
                OptionalStr(item, "forRating", "item.")?.Trim()),
            new ScenarioEndUse(
                endUseKind,
                OptionalBool(endUse, "projectApproved", "endUse.", endUseKind == EndUseKind.JointProject),
                OptionalBool(endUse, "bothMembersOfProject", "endUse.", endUseKind == EndUseKind.JointProject)),
            Number(root, "quantity", string.Empty),
            Number(root, "value", string.Empty),
            Licence(root),
            ReTransferOf(root),
            root.TryGetProperty("expect", out var e) && e.ValueKind != JsonValueKind.Null ? Enum<Outcome>(root, "expect", string.Empty) : null);
        return scenario;
    }

    private static ScenarioParty Party(JsonElement el, string prefix, bool isExporter)
    {
        var party = Str(el, "party", prefix).Trim();
        if (party.Length != 2 || !char.IsAsciiLetterUpper(party[0]) || !char.IsAsciiLetterUpper(party[1]))
        {
            throw new ScenarioFormatException($"{prefix}party '{party}' is not a party code or an ISO 3166-1 alpha-2 country code");
        }

        return new ScenarioParty(
            party,
            Enum<MembershipState>(el, "membership", prefix),
            Enum<ScreeningState>(el, "screening", prefix),
            isExporter && OptionalBool(el, "stateIntermediary", prefix, required: false));
    }

    private static ScenarioLicence? Licence(JsonElement root)
    {
        if (!root.TryGetProperty("licence", out var l) || l.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (l.ValueKind != JsonValueKind.Object)
        {
            throw new ScenarioFormatException("licence must be null or an object");
        }

        const string p = "licence.";
        return new ScenarioLicence(
            Enum<LicenceState>(l, "status", p),
            OptionalBool(l, "coversExporter", p, required: true),
            OptionalBool(l, "coversConsignee", p, required: true),
            OptionalBool(l, "coversEndUser", p, required: true),
            OptionalBool(l, "coversRating", p, required: true),
            Number(l, "quantityLeft", p),
            Number(l, "valueLeft", p));
    }

    private static ReTransfer? ReTransferOf(JsonElement root)
    {
        if (!root.TryGetProperty("reTransfer", out var r) || r.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (r.ValueKind != JsonValueKind.Object)
        {
            throw new ScenarioFormatException("reTransfer must be null or an object");
        }

        return new ReTransfer(Str(r, "originParty", "reTransfer."), OptionalBool(r, "consent", "reTransfer.", required: true));
    }

    private static JsonElement Obj(JsonElement el, string name, string prefix = "")
    {
        if (el.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object)
        {
            return v;
        }

        throw new ScenarioFormatException($"{prefix}{name} is missing or not an object");
    }

    private static string Str(JsonElement el, string name, string prefix) =>
        el.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()!
            : throw new ScenarioFormatException($"{prefix}{name} is missing or not a non-empty string");

    private static string? OptionalStr(JsonElement el, string name, string prefix)
    {
        if (!el.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()
            : throw new ScenarioFormatException($"{prefix}{name} must be null or a non-empty string");
    }

    private static bool OptionalBool(JsonElement el, string name, string prefix, bool required)
    {
        if (!el.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new ScenarioFormatException($"{prefix}{name} is missing (true or false)") : false;
        }

        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ScenarioFormatException($"{prefix}{name} must be true or false"),
        };
    }

    private static decimal Number(JsonElement el, string name, string prefix)
    {
        if (el.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d))
        {
            return d >= 0 ? d : throw new ScenarioFormatException($"{prefix}{name} must not be negative");
        }

        throw new ScenarioFormatException($"{prefix}{name} is missing or not a number");
    }

    private static T Enum<T>(JsonElement el, string name, string prefix)
        where T : struct, Enum
    {
        var text = el.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        foreach (var value in System.Enum.GetValues<T>())
        {
            // Exact names only: no numbers, no case folding, so a typo is reported rather than guessed.
            if (string.Equals(value.ToString(), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw new ScenarioFormatException($"{prefix}{name} must be one of {string.Join(", ", System.Enum.GetNames<T>())} (found {(text is null ? "nothing" : "'" + text + "'")})");
    }

    /// <summary>Writes a decision as one JSON object (contract shape: id, outcome, treatyVersion, reasons).</summary>
    public static void WriteDecision(Utf8JsonWriter writer, Decision decision)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(decision);
        writer.WriteStartObject();
        WriteId(writer, decision.Id);
        writer.WriteString("outcome", OutcomeName(decision.Outcome));
        writer.WriteString("treatyVersion", decision.TreatyVersion);
        writer.WriteStartArray("reasons");
        foreach (var reason in decision.Reasons)
        {
            writer.WriteStartObject();
            writer.WriteString("clause", reason.Clause);
            writer.WriteString("outcome", OutcomeName(reason.Outcome));
            writer.WriteString("en", reason.En);
            writer.WriteString("ru", reason.Ru);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes an input error as one JSON object: <c>{"id": …, "error": "…"}</c>.</summary>
    public static void WriteError(Utf8JsonWriter writer, InputError error)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(error);
        writer.WriteStartObject();
        WriteId(writer, error.Id);
        writer.WriteString("error", error.Message);
        writer.WriteEndObject();
    }

    /// <summary>A decision as a single JSON line (no trailing newline).</summary>
    public static string ToJson(Decision decision) => Write(w => WriteDecision(w, decision));

    /// <summary>An input error as a single JSON line (no trailing newline).</summary>
    public static string ToJson(InputError error) => Write(w => WriteError(w, error));

    /// <summary>The contract's name of an outcome.</summary>
    public static string OutcomeName(Outcome outcome) => outcome switch
    {
        Outcome.Authorised => "Authorised",
        Outcome.LicenceRequired => "LicenceRequired",
        _ => "Prohibited",
    };

    private static void WriteId(Utf8JsonWriter writer, string? id)
    {
        if (id is null)
        {
            writer.WriteNull("id");
        }
        else
        {
            writer.WriteString("id", id);
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // Internal control flow of the parser only: caught in Parse and turned into an InputError.
    private sealed class ScenarioFormatException(string message) : Exception(message);
}
