using System.Globalization;

namespace Entente.Web.Infrastructure;

public static class Dates
{
    /// <summary>Dates in UTC, in one unambiguous format for both languages: officers of two countries read the same record.</summary>
    public static string Show(DateTimeOffset? value) => value is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";
}
