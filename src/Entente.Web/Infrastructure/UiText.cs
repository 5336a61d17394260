using System.Globalization;
using Entente.Application.Trade;

namespace Entente.Web.Infrastructure;

/// <summary>
/// The interface's words in the reader's language. English text is the key, so a page reads naturally in its source;
/// <see cref="Russian"/> holds the translations, and a test fails when a page uses a key without one.
/// </summary>
public sealed class UiText
{
    public string this[string english] =>
        IsRussian && Russian.Text.TryGetValue(english, out var russian) ? russian
        : English.Labels.TryGetValue(english, out var label) ? label : english;

    /// <summary>
    /// The readable label of a code from one of the <see cref="CodeLabels"/> lists, in the reader's language; a code the
    /// list does not know yet is shown as it is rather than hidden.
    /// </summary>
    public string Code(IReadOnlyDictionary<string, string> labels, string code) =>
        labels.TryGetValue(code, out var english) ? this[english] : code;

    /// <summary>
    /// A clause citation of the treaty ("Art. 7", "Annex A") as its reader's language cites it ("Ст. 7", "Приложение A").
    /// The citation itself stays the English one in data and the API; only the page shows it translated.
    /// </summary>
    public string Clause(string clause)
    {
        if (!IsRussian)
        {
            return clause;
        }

        return clause.StartsWith("Art. ", StringComparison.Ordinal) ? string.Concat("Ст. ", clause.AsSpan(5))
            : clause.StartsWith("Annex ", StringComparison.Ordinal) ? string.Concat("Приложение ", clause.AsSpan(6))
            : clause;
    }

    /// <summary>
    /// The name of the country with ISO 3166-1 alpha-2 <paramref name="code"/> in the reader's language ("Россия",
    /// "Russia"), or the code when it names none. Data and the API keep the code; only the page shows the name.
    /// </summary>
    public string Country(string code) => Countries.Name(code, CultureInfo.CurrentUICulture);

    /// <summary>The label of a request field named in a validation error.</summary>
    public string Field(string field) =>
        IsRussian && Russian.Fields.TryGetValue(field, out var russian) ? russian
        : English.Fields.TryGetValue(field, out var english) ? english : field;

    private static bool IsRussian => string.Equals(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, "ru", StringComparison.Ordinal);
}

internal static class English
{
    /// <summary>Readable English for the values pages show as words (roles are stored as identifiers).</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ComplianceOfficer"] = "Compliance officer",
        ["AuthorityOfficer"] = "Authority officer",
    };

    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["legalNameEn"] = "Legal name in English",
        ["legalNameRu"] = "Legal name in Russian",
        ["party"] = "Party",
        ["registrationNumber"] = "Registration number",
        ["taxNumber"] = "INN",
        ["address"] = "Address",
        ["contactName"] = "Contact name",
        ["contactEmail"] = "Contact e-mail",
        ["contactPhone"] = "Contact phone",
        ["officerEmail"] = "E-mail",
        ["officerDisplayName"] = "Your name",
        ["officerPassword"] = "Password",
        ["email"] = "E-mail",
        ["displayName"] = "Name",
        ["password"] = "Password",
        ["role"] = "Role",
        ["reason"] = "Reason",
        ["name"] = "Name",
        ["expiresInDays"] = "Valid for (days)",
        ["code"] = "Code",
        ["decision"] = "Decision",
        ["scenario"] = "Scenario",
        ["step"] = "Step",
        ["treatyJson"] = "Treaty file",
        ["nativeName"] = "Name in its own script",
        ["country"] = "Country",
        ["roles"] = "Role",
    };
}
