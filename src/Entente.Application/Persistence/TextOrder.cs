using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace Entente.Application.Persistence;

/// <summary>How a list orders a text column. Every text sort names one, so no order depends on the server's default collation.</summary>
/// <remarks>
/// Without an explicit collation a list sorted by name follows whatever the database was created with: SQLite and a
/// PostgreSQL cluster made with the C locale compare code points, which puts every upper-case letter before every
/// lower-case one and Ё before А (and ё after я); a cluster made with en_US.UTF-8 or ru_RU.UTF-8 sorts by the C
/// library's rules instead. The same page would then show a different order on each installation, and none of them is
/// the order a Russian compliance officer reads a register in. So names sort by the Unicode collation (CLDR, through
/// ICU on both sides), and codes and numbers by their characters: see ADR 0011.
/// </remarks>
public enum TextOrder
{
    /// <summary>
    /// Names in either script, alphabetically (Unicode's root collation): case and ё/е differences only break ties,
    /// Latin before Cyrillic. English names, people's and lists' names, counterparties' names.
    /// </summary>
    Alphabetical,

    /// <summary>Names read in Russian, alphabetically by the Russian rules: as <see cref="Alphabetical"/>, but Cyrillic before Latin.</summary>
    Russian,

    /// <summary>Codes and numbers (party, country, registration number): character by character, the same everywhere.</summary>
    Code,
}

/// <summary>
/// The collations behind <see cref="TextOrder"/>: functions a query wraps a column in, which EF Core translates to
/// <c>column COLLATE …</c>, so that ORDER BY and the keyset seek's comparisons use the same explicit collation.
/// </summary>
/// <remarks>
/// PostgreSQL uses the ICU collations every ICU-enabled build creates at initdb (the Debian, Ubuntu and official
/// container builds are): <c>und-x-icu</c> and <c>ru-x-icu</c>, deterministic (ties broken by bytes), and <c>C</c>.
/// SQLite has no ICU, so the same two are registered on each connection as functions over .NET's own ICU comparison,
/// with an ordinal tie-break to be deterministic too; SQLite's BINARY is code-point order, like PostgreSQL's C for UTF-8.
/// </remarks>
public static class Collated
{
    internal const string SqliteAlphabetical = "entente_alphabetical";
    internal const string SqliteRussian = "entente_russian";

    private static readonly CompareInfo Root = CultureInfo.InvariantCulture.CompareInfo;
    private static readonly CompareInfo RussianRules = CultureInfo.GetCultureInfo("ru-RU").CompareInfo;

    /// <summary>The column under <see cref="TextOrder.Alphabetical"/>; for queries only.</summary>
    public static string Alphabetical(string value) => throw OnlyInQueries();

    /// <summary>The column under <see cref="TextOrder.Russian"/>; for queries only.</summary>
    public static string Russian(string value) => throw OnlyInQueries();

    /// <summary>The column under <see cref="TextOrder.Code"/>; for queries only.</summary>
    public static string Code(string value) => throw OnlyInQueries();

    /// <summary>The function that puts a column under <paramref name="order"/>.</summary>
    public static MethodInfo Function(TextOrder order) => typeof(Collated).GetMethod(order switch
    {
        TextOrder.Alphabetical => nameof(Alphabetical),
        TextOrder.Russian => nameof(Russian),
        TextOrder.Code => nameof(Code),
        _ => throw new ArgumentOutOfRangeException(nameof(order), order, null),
    }, [typeof(string)])!;

    /// <summary>
    /// The comparison the collation of <paramref name="order"/> makes, as .NET runs it: what SQLite uses, and what the
    /// database's ICU gives too (both follow CLDR).
    /// </summary>
    public static int Compare(TextOrder order, string? x, string? y)
    {
        var compare = order switch
        {
            TextOrder.Alphabetical => Root.Compare(x, y, CompareOptions.None),
            TextOrder.Russian => RussianRules.Compare(x, y, CompareOptions.None),
            _ => 0,
        };
        return compare != 0 ? compare : string.CompareOrdinal(x, y);
    }

    /// <summary>Registers the three functions with their translation for the context's provider.</summary>
    internal static void Register(ModelBuilder builder, bool postgres)
    {
        foreach (var order in Enum.GetValues<TextOrder>())
        {
            var collation = (order, postgres) switch
            {
                (TextOrder.Alphabetical, true) => "und-x-icu",
                (TextOrder.Russian, true) => "ru-x-icu",
                (TextOrder.Code, true) => "C",
                (TextOrder.Alphabetical, false) => SqliteAlphabetical,
                (TextOrder.Russian, false) => SqliteRussian,
                _ => "BINARY",
            };
            builder.HasDbFunction(Function(order)).HasTranslation(arguments => new CollateExpression(arguments[0], collation));
        }
    }

    private static InvalidOperationException OnlyInQueries() =>
        new("Collated functions only mark a column's collation inside a database query.");

    /// <summary>Registers the SQLite collations on every connection as it opens (SQLite keeps them per connection).</summary>
    internal sealed class SqliteRegistration : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Add(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Add(connection);
            return Task.CompletedTask;
        }

        private static void Add(DbConnection connection)
        {
            if (connection is SqliteConnection sqlite)
            {
                sqlite.CreateCollation(SqliteAlphabetical, (x, y) => Compare(TextOrder.Alphabetical, x, y));
                sqlite.CreateCollation(SqliteRussian, (x, y) => Compare(TextOrder.Russian, x, y));
            }
        }
    }
}
