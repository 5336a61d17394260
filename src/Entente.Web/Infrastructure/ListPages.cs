using System.Globalization;
using Entente.Application.Common;

namespace Entente.Web.Infrastructure;

/// <summary>
/// Sorting and paging for the short lists a use case returns whole (an organisation's people, a user's tokens, the
/// treaty's history), driven by the same query string (<c>sort</c>, <c>desc</c>, <c>page</c>) as the database-paged tables.
/// </summary>
internal static class ListPages
{
    /// <summary>Names sort as their reader expects, case aside, Latin and Cyrillic alike.</summary>
    public static readonly StringComparer Names = StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true);

    /// <summary>The items in the order of <paramref name="key"/>, reversed when <paramref name="descending"/>; ties keep their order.</summary>
    public static IEnumerable<T> Order<T, TKey>(IEnumerable<T> items, Func<T, TKey> key, bool descending, IComparer<TKey>? comparer = null) =>
        descending ? items.OrderByDescending(key, comparer) : items.OrderBy(key, comparer);

    /// <summary>One page of <paramref name="items"/>; a page past the end shows the last one rather than nothing.</summary>
    public static Page<T> Of<T>(IEnumerable<T> items, int? page, int size = Paging.DefaultPageSize)
    {
        var all = items.ToList();
        var (number, clamped) = Paging.Clamp(page, size);
        var count = all.Count == 0 ? 1 : (all.Count + clamped - 1) / clamped;
        number = Math.Min(number, count);
        return new Page<T>(all.Skip((number - 1) * clamped).Take(clamped).ToList(), number, clamped, all.Count);
    }
}
