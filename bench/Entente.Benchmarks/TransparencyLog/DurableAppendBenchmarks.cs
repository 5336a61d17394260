using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Entente.Application;
using Entente.Application.Common;
using Entente.Application.Persistence;
using Entente.Application.TransparencyLog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Benchmarks.TransparencyLog;

/// <summary>
/// Durable appends on SQLite with group commit (target ≥ 20,000 entries/s): one transaction appends
/// <see cref="EntriesPerTransaction"/> entries through the real <see cref="LogEntryWriter"/> (canonical JSON with its
/// link, leaf hash, every completed Merkle node) and commits them to a file database (WAL, synchronous=FULL by
/// default: each commit is on disk before it returns). Reported per entry. The baseline is a plain SHA-256 loop
/// over entry bytes of the same shape.
/// </summary>
[MemoryDiagnoser]
public class DurableAppendBenchmarks
{
    // One constant, because OperationsPerInvoke (results per entry) must be a compile-time constant.
    private const int PerTransaction = 10_000;
    private static readonly Dictionary<string, object?> Payload = new(StringComparer.Ordinal) { ["licence"] = "GB-2026-00012345", ["outcome"] = "granted" };
    private ServiceProvider _services = null!;
    private string _file = string.Empty;
    private byte[][] _sample = [];

    [Params(PerTransaction)]
    public int EntriesPerTransaction { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _file = Path.Combine(Path.GetTempPath(), "entente-bench-" + Guid.NewGuid().ToString("N") + ".db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Entente"] = PersistenceRegistration.SqliteConnectionString(_file),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddEntenteApplication(configuration);
        _services = services.BuildServiceProvider();
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        _sample = Enumerable.Range(0, EntriesPerTransaction)
            .Select(i => Entente.Core.TransparencyLog.LogEntryLink.Write(i + 1, new byte[32], w =>
            {
                w.WriteString("time", "2026-11-28T12:00:00.0000000Z");
                w.WriteString("actor", "system");
                w.WriteString("action", "licence.decided");
                w.WriteString("subject", "licence/" + i);
                w.WriteStartObject("payload");
                w.WriteString("licence", "GB-2026-00012345");
                w.WriteString("outcome", "granted");
                w.WriteEndObject();
            }))
            .ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = PerTransaction)]
    public byte PlainSha256()
    {
        Span<byte> hash = stackalloc byte[32];
        byte sink = 0;
        foreach (var entry in _sample)
        {
            SHA256.HashData(entry, hash);
            sink ^= hash[0];
        }

        return sink;
    }

    [Benchmark(OperationsPerInvoke = PerTransaction)]
    public async Task<long> AppendWithoutCommit()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        var log = scope.ServiceProvider.GetRequiredService<LogEntryWriter>();
        await using var tx = await db.Database.BeginTransactionAsync();
        long last = 0;
        for (var i = 0; i < EntriesPerTransaction; i++)
        {
            last = (await log.AppendAsync(Actor.System, "licence.decided", "licence/" + i, null, Payload, CancellationToken.None)).Sequence;
        }

        db.ChangeTracker.DetectChanges();
        await tx.RollbackAsync();
        return last;
    }

    [Benchmark(OperationsPerInvoke = PerTransaction)]
    public async Task<long> DurableGroupCommit()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        var log = scope.ServiceProvider.GetRequiredService<LogEntryWriter>();
        var result = await db.InTransactionAsync<long>(async () =>
        {
            long last = 0;
            for (var i = 0; i < EntriesPerTransaction; i++)
            {
                last = (await log.AppendAsync(Actor.System, "licence.decided", "licence/" + i, null, Payload, CancellationToken.None)).Sequence;
            }

            return last;
        }, CancellationToken.None);
        return result.Value;
    }
}
