using System.Globalization;

namespace Entente.Web.Infrastructure;

/// <summary>
/// A page's query-string values, read leniently. Pages take them as text and read them here because the framework's
/// typed binding throws on a malformed value (<c>?page=abc</c>, <c>?desc=maybe</c>) and the page then fails with a
/// 500. A value that does not parse counts as absent; <see cref="TableQuery"/> reads its tables' values here too.
/// </summary>
internal static class QueryValue
{
    public static bool Flag(string? value) => bool.TryParse(value, out var flag) && flag;

    public static bool? OptionalFlag(string? value) => bool.TryParse(value, out var flag) ? flag : null;

    public static int? Number(string? value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static Guid? Id(string? value) => Guid.TryParse(value, CultureInfo.InvariantCulture, out var id) ? id : null;
}
