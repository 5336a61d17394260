using Npgsql;

namespace Entente.Testing;

/// <summary>Removes a database a test fixture created for itself: the SQLite file with its journal, or the PostgreSQL database.</summary>
internal static class ThrowawayDatabase
{
    public static async Task DropAsync(string? sqliteFile, string connectionString)
    {
        if (sqliteFile is not null)
        {
            // Pooled connections keep the file open; on PostgreSQL they would keep the database in use.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
            {
                File.Delete(file);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database;
        builder.Database = "postgres";
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
