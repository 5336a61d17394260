using System.Net;
using System.Text.RegularExpressions;

namespace Entente.Web.Tests.Infrastructure;

/// <summary>Reads the cells of a server-rendered table, to check what a page shows and in which order.</summary>
public static partial class HtmlTables
{
    /// <summary>The text of each body row's cells of the table with <paramref name="id"/>; empty when there is no such table.</summary>
    public static List<string[]> Rows(string html, string id)
    {
        var table = Regex.Match(html, "<table class=\"grid\" id=\"" + Regex.Escape(id) + "\">(.*?)</table>", RegexOptions.Singleline, TimeSpan.FromSeconds(5));
        if (!table.Success)
        {
            return [];
        }

        var body = table.Groups[1].Value[(table.Groups[1].Value.IndexOf("<tbody>", StringComparison.Ordinal) + 7)..];
        return [.. Row().Matches(body).Select(r => Cell().Matches(r.Groups[1].Value).Select(c => WebUtility.HtmlDecode(Tag().Replace(c.Groups[1].Value, "")).Trim()).ToArray())];
    }

    /// <summary>The sort state of the column headers of the table with <paramref name="id"/>, by header text.</summary>
    public static string Header(string html, string id) =>
        Regex.Match(html, "<table class=\"grid\" id=\"" + Regex.Escape(id) + "\">.*?</thead>", RegexOptions.Singleline, TimeSpan.FromSeconds(5)).Value;

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
