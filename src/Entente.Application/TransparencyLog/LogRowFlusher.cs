using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Entente.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Entente.Application.TransparencyLog;

/// <summary>
/// The log's rows (entries and Merkle nodes) awaiting the context's next SaveChanges. They are written by
/// <see cref="LogRowFlusher"/> with multi-row INSERTs just before EF saves the rest, in the same transaction. Tracking
/// thousands of append-only rows through the change tracker cost about 0.4 ms per entry; inserting them directly
/// makes group commit cheap, and the entities keep exactly their EF mapping (column names, value converters).
/// </summary>
internal sealed class PendingLogRows
{
    private static readonly ConditionalWeakTable<DbContext, PendingLogRows> ByContext = new();

    public List<LogEntry> Entries { get; } = [];

    public List<LogNode> Nodes { get; } = [];

    /// <summary>The transaction the rows were appended in: they are written only inside it.</summary>
    public object? Transaction { get; set; }

    public static PendingLogRows For(DbContext context) => ByContext.GetValue(context, _ => new PendingLogRows());

    public static PendingLogRows? Find(DbContext context) => ByContext.TryGetValue(context, out var rows) ? rows : null;

    public void Clear()
    {
        Entries.Clear();
        Nodes.Clear();
    }
}

/// <summary>Writes <see cref="PendingLogRows"/> before every SaveChanges of the context they belong to.</summary>
internal sealed class LogRowFlusher : SaveChangesInterceptor
{
    // Small statements: binding a named parameter looks its name up among the statement's parameters, so the cost of
    // one statement grows with the square of its parameter count (2,000 parameters made inserts ten times slower).
    private const int MaxParameters = 200;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await FlushAsync(context, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            FlushAsync(context, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public static async Task FlushAsync(DbContext context, CancellationToken cancellationToken)
    {
        var pending = PendingLogRows.Find(context);
        if (pending is null || (pending.Entries.Count == 0 && pending.Nodes.Count == 0))
        {
            return;
        }

        if (!ReferenceEquals(context.Database.CurrentTransaction, pending.Transaction))
        {
            // Appended in a transaction that rolled back without saving: those rows must never reach another one.
            pending.Clear();
            return;
        }

        await InsertAsync(context, pending.Entries, cancellationToken);
        await InsertAsync(context, pending.Nodes, cancellationToken);
        pending.Clear();
    }

    private static async Task InsertAsync<T>(DbContext context, List<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = context.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        var sql = context.GetService<ISqlGenerationHelper>();
        var header = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!))).Append(") VALUES ").ToString();
        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToList();
        var perStatement = Math.Max(1, MaxParameters / properties.Count);
        var connection = context.Database.GetDbConnection();
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(header);
            for (var r = 0; r < count; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < properties.Count; c++)
                {
                    var name = "@p" + (r * properties.Count + c).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    text.Append(c == 0 ? string.Empty : ", ").Append(name);
                    var value = properties[c].PropertyInfo!.GetValue(rows[start + r]);
                    // The property's own mapping applies its value converter (UTC ticks on SQLite) and provider type.
                    command.Parameters.Add(mappings[c].CreateParameter(command, name, value, properties[c].IsNullable));
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
