using System.Buffers.Text;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Entente.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Common;

/// <summary>
/// One slice of a list read by cursor (keyset pagination): the items and the cursor of the next slice, null on the last.
/// </summary>
/// <remarks>
/// There is deliberately no total: counting the filtered rows costs a scan on every request, which is what seeking by
/// key avoids, and between two requests rows come and go, so a total fetched with one slice would not describe the
/// next. The pages of the web interface, which show "page N of M", keep <see cref="Page{T}"/> and its total.
/// </remarks>
public sealed record CursorPage<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>Where a cursor-paged read starts (null: at the beginning) and how many rows it returns at most.</summary>
public sealed record CursorRequest(string? Cursor, int? Limit)
{
    public static CursorRequest First { get; } = new(null, null);
}

/// <summary>One column of a sort order: how the database orders and compares it, and how a row shows its value.</summary>
/// <typeparam name="TEntity">The entity the query reads.</typeparam>
/// <typeparam name="TRow">The row the use case returns, from which the cursor takes the last key values.</typeparam>
public abstract class SortColumn<TEntity, TRow>
{
    /// <summary>True when the column runs ascending whatever direction the reader asked for (a secondary, alphabetical key).</summary>
    public bool AlwaysAscending { get; private set; }

    /// <summary>Makes this column run ascending whatever the requested direction, as a tie-breaker read alphabetically.</summary>
    public SortColumn<TEntity, TRow> Ascending()
    {
        AlwaysAscending = true;
        return this;
    }

    internal abstract IOrderedQueryable<TEntity> OrderBy(IQueryable<TEntity> query, bool descending);

    internal abstract IOrderedQueryable<TEntity> ThenBy(IOrderedQueryable<TEntity> query, bool descending);

    internal abstract JsonElement Read(TRow row);

    /// <summary>Reads a value out of a cursor; false when it is not a value of this column.</summary>
    internal abstract bool TryParse(JsonElement element, out object? value);

    /// <summary>The row's column equals <paramref name="value"/>.</summary>
    internal abstract Expression Equal(ParameterExpression entity, object? value);

    /// <summary>The row's column comes after <paramref name="value"/> in the given direction.</summary>
    internal abstract Expression After(ParameterExpression entity, object? value, bool descending);
}

/// <summary>The columns the list endpoints sort by, each with the comparison the database translates on every provider.</summary>
public static class SortColumns
{
    /// <summary>
    /// A text column under the collation <paramref name="order"/> names (see <see cref="TextOrder"/>): ORDER BY, the seek's
    /// <c>&gt;</c> and its <c>=</c> all read <c>column COLLATE …</c>, so the order is the same on every installation
    /// whatever the server's default, and the seek agrees with it. Compared with <c>string.Compare</c>, which EF
    /// translates to the database's own <c>&gt;</c>.
    /// </summary>
    public static SortColumn<TEntity, TRow> Text<TEntity, TRow>(Expression<Func<TEntity, string>> column, Func<TRow, string> read, TextOrder order) =>
#pragma warning disable CA1309 // Never run in .NET: EF translates this overload (not the StringComparison ones) to the database's comparison, the one its ORDER BY uses.
        new Column<TEntity, TRow, string>(Collate(column, order), read, (a, b) => string.Compare(a, b) > 0, (a, b) => string.Compare(a, b) < 0);
#pragma warning restore CA1309

    private static Expression<Func<TEntity, string>> Collate<TEntity>(Expression<Func<TEntity, string>> column, TextOrder order) =>
        Expression.Lambda<Func<TEntity, string>>(Expression.Call(Collated.Function(order), column.Body), column.Parameters);

    public static SortColumn<TEntity, TRow> Time<TEntity, TRow>(Expression<Func<TEntity, DateTimeOffset>> column, Func<TRow, DateTimeOffset> read) =>
        new Column<TEntity, TRow, DateTimeOffset>(column, read, (a, b) => a > b, (a, b) => a < b);

    /// <summary>A number (a score); its JSON form in a cursor round-trips exactly.</summary>
    public static SortColumn<TEntity, TRow> Number<TEntity, TRow>(Expression<Func<TEntity, double>> column, Func<TRow, double> read) =>
        new Column<TEntity, TRow, double>(column, read, (a, b) => a > b, (a, b) => a < b);

    /// <summary>The row id, the last column of every order, so that no two rows tie.</summary>
    public static SortColumn<TEntity, TRow> Id<TEntity, TRow>(Expression<Func<TEntity, Guid>> column, Func<TRow, Guid> read) =>
        new Column<TEntity, TRow, Guid>(column, read, (a, b) => a.CompareTo(b) > 0, (a, b) => a.CompareTo(b) < 0);

    /// <summary>A flag; false sorts before true.</summary>
    public static SortColumn<TEntity, TRow> Flag<TEntity, TRow>(Expression<Func<TEntity, bool>> column, Func<TRow, bool> read) =>
        new FlagColumn<TEntity, TRow>(column, read);

    /// <summary>
    /// An optional time. Rows without one come last in either direction (a register sorted by decision date shows the
    /// decided ones first), on SQLite and PostgreSQL alike, which by themselves put NULL at opposite ends.
    /// </summary>
    public static SortColumn<TEntity, TRow> OptionalTime<TEntity, TRow>(Expression<Func<TEntity, DateTimeOffset?>> column, Func<TRow, DateTimeOffset?> read) =>
        new OptionalColumn<TEntity, TRow>(column, read);

    /// <summary>
    /// An enumeration stored by name: the database orders the names, so the seek uses the members whose names sort
    /// after the last one (by ordinal comparison, which matches every collation for these ASCII names).
    /// </summary>
    public static SortColumn<TEntity, TRow> StoredName<TEntity, TRow, TEnum>(Expression<Func<TEntity, TEnum>> column, Func<TRow, TEnum> read)
        where TEnum : struct, Enum =>
        new NameColumn<TEntity, TRow, TEnum>(column, read);

    // A column the database orders by itself, in either direction.
    private abstract class OrderedColumn<TEntity, TRow, TKey>(Expression<Func<TEntity, TKey>> column) : SortColumn<TEntity, TRow>
    {
        protected Expression<Func<TEntity, TKey>> Key { get; } = column;

        internal override IOrderedQueryable<TEntity> OrderBy(IQueryable<TEntity> query, bool descending) =>
            descending ? query.OrderByDescending(Key) : query.OrderBy(Key);

        internal override IOrderedQueryable<TEntity> ThenBy(IOrderedQueryable<TEntity> query, bool descending) =>
            descending ? query.ThenByDescending(Key) : query.ThenBy(Key);
    }

    private sealed class Column<TEntity, TRow, TValue>(
        Expression<Func<TEntity, TValue>> column,
        Func<TRow, TValue> read,
        Expression<Func<TValue, TValue, bool>> greater,
        Expression<Func<TValue, TValue, bool>> less) : OrderedColumn<TEntity, TRow, TValue>(column)
    {
        internal override JsonElement Read(TRow row) => JsonSerializer.SerializeToElement(read(row));

        internal override bool TryParse(JsonElement element, out object? value)
        {
            value = null;
            if (element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                return false;
            }

            try
            {
                value = element.Deserialize<TValue>();

                // PostgreSQL's timestamptz takes UTC values only; a cursor written elsewhere may carry an offset.
                if (value is DateTimeOffset time)
                {
                    value = time.ToUniversalTime();
                }

                return value is not null;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        internal override Expression Equal(ParameterExpression entity, object? value) =>
            Expression.Equal(Keyset.Bind(Key, entity), Keyset.Parameter((TValue)value!));

        internal override Expression After(ParameterExpression entity, object? value, bool descending) =>
            Keyset.Inline(descending ? less : greater, Keyset.Bind(Key, entity), Keyset.Parameter((TValue)value!));
    }

    private sealed class FlagColumn<TEntity, TRow>(Expression<Func<TEntity, bool>> column, Func<TRow, bool> read) : OrderedColumn<TEntity, TRow, bool>(column)
    {
        internal override JsonElement Read(TRow row) => JsonSerializer.SerializeToElement(read(row));

        internal override bool TryParse(JsonElement element, out object? value)
        {
            value = element.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            };
            return value is not null;
        }

        internal override Expression Equal(ParameterExpression entity, object? value) =>
            (bool)value! ? Keyset.Bind(Key, entity) : Expression.Not(Keyset.Bind(Key, entity));

        // Only true follows false; nothing follows the last value of the direction.
        internal override Expression After(ParameterExpression entity, object? value, bool descending) =>
            ((bool)value!, descending) switch
            {
                (false, false) => Keyset.Bind(Key, entity),
                (true, true) => Expression.Not(Keyset.Bind(Key, entity)),
                _ => Expression.Constant(false),
            };
    }

    private sealed class OptionalColumn<TEntity, TRow>(Expression<Func<TEntity, DateTimeOffset?>> column, Func<TRow, DateTimeOffset?> read)
        : SortColumn<TEntity, TRow>
    {
        private static readonly Expression<Func<DateTimeOffset?, DateTimeOffset?, bool>> Greater = (a, b) => a > b;
        private static readonly Expression<Func<DateTimeOffset?, DateTimeOffset?, bool>> Less = (a, b) => a < b;

        private readonly Expression<Func<TEntity, bool>> _missing =
            Expression.Lambda<Func<TEntity, bool>>(Expression.Equal(column.Body, Expression.Constant(null, typeof(DateTimeOffset?))), column.Parameters);

        internal override IOrderedQueryable<TEntity> OrderBy(IQueryable<TEntity> query, bool descending) =>
            descending ? query.OrderBy(_missing).ThenByDescending(column) : query.OrderBy(_missing).ThenBy(column);

        internal override IOrderedQueryable<TEntity> ThenBy(IOrderedQueryable<TEntity> query, bool descending) =>
            descending ? query.ThenBy(_missing).ThenByDescending(column) : query.ThenBy(_missing).ThenBy(column);

        internal override JsonElement Read(TRow row) => JsonSerializer.SerializeToElement(read(row));

        internal override bool TryParse(JsonElement element, out object? value)
        {
            value = null;
            if (element.ValueKind == JsonValueKind.Null)
            {
                return true;
            }

            if (element.ValueKind == JsonValueKind.String && element.TryGetDateTimeOffset(out var time))
            {
                value = time.ToUniversalTime();
                return true;
            }

            return false;
        }

        internal override Expression Equal(ParameterExpression entity, object? value) => value is null
            ? Keyset.Bind(_missing, entity)
            : Expression.Equal(Keyset.Bind(column, entity), Keyset.Parameter<DateTimeOffset?>((DateTimeOffset)value));

        internal override Expression After(ParameterExpression entity, object? value, bool descending)
        {
            if (value is null)
            {
                // Rows without a value are last: nothing but a later id follows one.
                return Expression.Constant(false);
            }

            var beyond = Keyset.Inline(descending ? Less : Greater, Keyset.Bind(column, entity), Keyset.Parameter<DateTimeOffset?>((DateTimeOffset)value));
            return Expression.OrElse(beyond, Keyset.Bind(_missing, entity));
        }
    }

    private sealed class NameColumn<TEntity, TRow, TEnum>(Expression<Func<TEntity, TEnum>> column, Func<TRow, TEnum> read) : OrderedColumn<TEntity, TRow, TEnum>(column)
        where TEnum : struct, Enum
    {
        internal override JsonElement Read(TRow row) => JsonSerializer.SerializeToElement(read(row).ToString());

        internal override bool TryParse(JsonElement element, out object? value)
        {
            value = null;
            if (element.ValueKind == JsonValueKind.String && Enum.TryParse<TEnum>(element.GetString(), ignoreCase: false, out var parsed)
                && Enum.IsDefined(parsed) && string.Equals(parsed.ToString(), element.GetString(), StringComparison.Ordinal))
            {
                value = parsed;
                return true;
            }

            return false;
        }

        internal override Expression Equal(ParameterExpression entity, object? value) => In(entity, [(TEnum)value!]);

        internal override Expression After(ParameterExpression entity, object? value, bool descending)
        {
            var last = value!.ToString()!;
            var following = Enum.GetValues<TEnum>()
                .Where(e => descending ? string.CompareOrdinal(e.ToString(), last) < 0 : string.CompareOrdinal(e.ToString(), last) > 0)
                .ToList();
            return following.Count == 0 ? Expression.Constant(false) : In(entity, following);
        }

        private MethodCallExpression In(ParameterExpression entity, List<TEnum> values) =>
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TEnum)], Expression.Constant(values.ToArray()), Keyset.Bind(Key, entity));
    }
}

/// <summary>
/// A named sort order of a list: its columns, ending with the row id. Both the numbered pages of the web interface and
/// the cursor-paged API read through it, so both show the same rows in the same order.
/// </summary>
public sealed class SortOrder<TEntity, TRow>(string name, params SortColumn<TEntity, TRow>[] columns)
{
    public string Name { get; } = name;

    public IQueryable<TEntity> Apply(IQueryable<TEntity> query, bool descending)
    {
        var ordered = columns[0].OrderBy(query, descending && !columns[0].AlwaysAscending);
        foreach (var column in columns.Skip(1))
        {
            ordered = column.ThenBy(ordered, descending && !column.AlwaysAscending);
        }

        return ordered;
    }

    internal JsonElement[] Read(TRow row) => columns.Select(c => c.Read(row)).ToArray();

    internal bool TryParse(JsonElement[] keys, out object?[] values)
    {
        values = new object?[columns.Length];
        if (keys.Length != columns.Length)
        {
            return false;
        }

        for (var i = 0; i < columns.Length; i++)
        {
            if (!columns[i].TryParse(keys[i], out values[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The rows after the one with <paramref name="values"/>, written as the explicit expansion
    /// <c>a &gt; x || (a == x &amp;&amp; b &gt; y) || …</c>: row-value comparisons are not translated by every provider.
    /// </summary>
    internal Expression<Func<TEntity, bool>> After(object?[] values, bool descending)
    {
        var entity = Expression.Parameter(typeof(TEntity), "row");
        Expression? any = null;
        Expression? equalSoFar = null;
        for (var i = 0; i < columns.Length; i++)
        {
            var after = columns[i].After(entity, values[i], descending && !columns[i].AlwaysAscending);
            var term = equalSoFar is null ? after : Expression.AndAlso(equalSoFar, after);
            any = any is null ? term : Expression.OrElse(any, term);
            var equal = columns[i].Equal(entity, values[i]);
            equalSoFar = equalSoFar is null ? equal : Expression.AndAlso(equalSoFar, equal);
        }

        return Expression.Lambda<Func<TEntity, bool>>(any!, entity);
    }
}

/// <summary>The sort orders one list offers, by the names its <c>sort</c> parameter takes; the first is the default.</summary>
public sealed class SortOrders<TEntity, TRow>(params SortOrder<TEntity, TRow>[] orders)
{
    public IReadOnlyList<string> Names { get; } = orders.Select(o => o.Name).ToList();

    /// <summary>
    /// A validation error when <paramref name="name"/> names no order, for lists that refuse an unknown sort rather
    /// than fall back to the default; null when it is blank or known.
    /// </summary>
    public Error.Validation? Refuse(string? name) =>
        string.IsNullOrWhiteSpace(name) || Names.Contains(name, StringComparer.Ordinal)
            ? null
            : Error.Invalid("sort", "must be one of " + string.Join(", ", Names) + ".");

    /// <summary>The order named <paramref name="name"/>; an unknown or missing name means the default, as it always has.</summary>
    public SortOrder<TEntity, TRow> Find(string? name) =>
        orders.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal)) ?? orders[0];

    /// <summary>One numbered page of the filtered query in the named order, with the total.</summary>
    public async Task<Page<TRow>> PageAsync(IQueryable<TEntity> query, string? sort, bool descending, int? page, int? pageSize,
        Func<IQueryable<TEntity>, IQueryable<TRow>> project, CancellationToken cancellationToken)
    {
        var (number, size) = Paging.Clamp(page, pageSize);
        var total = await query.CountAsync(cancellationToken);
        var rows = await project(Find(sort).Apply(query, descending).Skip((number - 1) * size).Take(size)).ToListAsync(cancellationToken);
        return new Page<TRow>(rows, number, size, total);
    }

    /// <summary>
    /// The slice after the cursor. With no <paramref name="sort"/> and no <paramref name="descending"/> the cursor's own
    /// order applies; given ones must match it, or the cursor would seek in a different order than the one it came from.
    /// </summary>
    public async Task<Result<CursorPage<TRow>>> SliceAsync(IQueryable<TEntity> query, string? sort, bool? descending, CursorRequest request,
        Func<IQueryable<TEntity>, IQueryable<TRow>> project, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(request.Limit ?? Paging.DefaultPageSize, 1, Paging.MaxPageSize);
        var order = Find(sort);
        var down = descending ?? false;
        if (!string.IsNullOrEmpty(request.Cursor))
        {
            if (!Cursor.TryDecode(request.Cursor, out var cursor) || cursor.Sort is null || cursor.Keys is null)
            {
                return Cursor.Malformed;
            }

            var from = orders.FirstOrDefault(o => string.Equals(o.Name, cursor.Sort, StringComparison.Ordinal));
            if (from is null || !from.TryParse(cursor.Keys, out var values))
            {
                return Cursor.Malformed;
            }

            if ((sort is not null && order != from) || (descending is { } given && given != cursor.Descending))
            {
                return Error.Invalid("cursor", "belongs to another sort order: repeat the sort and descending of the request that returned it, or leave them out.");
            }

            order = from;
            down = cursor.Descending;
            query = query.Where(order.After(values, down));
        }

        // One row more than asked tells whether another slice follows without counting.
        var rows = await project(order.Apply(query, down).Take(limit + 1)).ToListAsync(cancellationToken);
        if (rows.Count <= limit)
        {
            return new CursorPage<TRow>(rows, null);
        }

        rows.RemoveAt(limit);
        return new CursorPage<TRow>(rows, Cursor.Encode(new Cursor(order.Name, down, order.Read(rows[^1]))));
    }
}

/// <summary>
/// What a cursor carries: the sort, its direction and the last row's key values, as base64url of a small JSON object.
/// It is opaque to clients but not secret or signed: it only says where to resume a query the reader may run anyway,
/// so a forged one can show nothing the reader could not list, and a malformed one is refused.
/// </summary>
internal sealed record Cursor(string? Sort, bool Descending, JsonElement[]? Keys)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Error Malformed { get; } = Error.Invalid("cursor", "is not a cursor of this list: pass the `next` value of a previous response unchanged.");

    public static string Encode(Cursor cursor) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(cursor, Options));

    public static bool TryDecode(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Cursor? cursor)
    {
        cursor = null;
        if (text.Length > 2048 || !Base64Url.IsValid(text))
        {
            return false;
        }

        try
        {
            cursor = JsonSerializer.Deserialize<Cursor>(Base64Url.DecodeFromChars(text), Options);
            return cursor is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

/// <summary>Builds the pieces of a keyset predicate as expressions EF Core translates.</summary>
internal static class Keyset
{
    /// <summary>The column's body, read from <paramref name="entity"/> instead of its own parameter.</summary>
    public static Expression Bind(LambdaExpression column, ParameterExpression entity) =>
        new Replace(column.Parameters[0], entity).Visit(column.Body);

    /// <summary>The comparison template applied to two operands.</summary>
    public static Expression Inline(LambdaExpression template, Expression left, Expression right) =>
        new Replace(template.Parameters[1], right).Visit(new Replace(template.Parameters[0], left).Visit(template.Body));

    /// <summary>A value read from a captured object, which EF Core sends as a query parameter rather than as SQL text.</summary>
    public static Expression Parameter<T>(T value) =>
        Expression.Property(Expression.Constant(new Box<T>(value)), typeof(Box<T>).GetProperty(nameof(Box<T>.Value), BindingFlags.Public | BindingFlags.Instance)!);

    private sealed class Box<T>(T value)
    {
        public T Value { get; } = value;
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
