using System.Globalization;

namespace Entente.Web.Infrastructure;

public static class Dates
{
    /// <summary>The format a date field submits (HTML's own, whatever the reader sees) and the one the server reads.</summary>
    public const string InputFormat = "yyyy-MM-dd";

    /// <summary>Dates in UTC, in one unambiguous format for both languages: officers of two countries read the same record.</summary>
    public static string Show(DateTimeOffset? value) => value is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    /// <summary>
    /// The language, with its region, a date field is shown in: a browser that takes the field's <c>lang</c> into account
    /// asks a Russian reader for дд.мм.гггг and an English one for dd/mm/yyyy (the United Kingdom's, the treaty's other
    /// party, not the United States' mm/dd/yyyy). Most browsers use their own language instead; the submitted value is
    /// ISO in every case (see <see cref="ParseInput"/>).
    /// </summary>
    public static string InputLanguage =>
        string.Equals(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, "ru", StringComparison.Ordinal) ? "ru-RU" : "en-GB";

    /// <summary>
    /// A date field's value, read as HTML submits it (<see cref="InputFormat"/>) and never by the request's culture, so a
    /// Russian page and an English one read the same day. Null when the field is empty; <paramref name="valid"/> is false
    /// when it holds something else, such as a date typed in the reader's own format where the browser offers a text box.
    /// </summary>
    public static DateOnly? ParseInput(string? text, out bool valid)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            valid = true;
            return null;
        }

        valid = DateOnly.TryParseExact(text.Trim(), InputFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        return valid ? date : null;
    }
}
