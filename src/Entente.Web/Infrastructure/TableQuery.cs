using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace Entente.Web.Infrastructure;

/// <summary>
/// The sort, direction and page of one table, read from the query string under the table's own prefix
/// (<c>{prefix}sort</c>, <c>{prefix}desc</c>, <c>{prefix}page</c>): the names <see cref="Components.Shared.SortHeader"/>
/// and <see cref="Components.Shared.Pager"/> write, so several tables on one page sort and page independently.
/// </summary>
internal sealed record TableQuery(string? Sort, bool? Descending, int? Page)
{
    public static TableQuery Read(NavigationManager navigation, string prefix)
    {
        var query = QueryHelpers.ParseQuery(navigation.ToAbsoluteUri(navigation.Uri).Query);
        string? Value(string name) => query.TryGetValue(prefix + name, out var values) ? values.ToString() : null;

        // Null when absent, so a table whose default order runs newest first can tell "not chosen" from "ascending".
        return new TableQuery(Value("sort"), QueryValue.OptionalFlag(Value("desc")), QueryValue.Number(Value("page")));
    }
}
