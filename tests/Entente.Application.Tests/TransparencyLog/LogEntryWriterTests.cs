using System.Text.Json;
using Entente.Application.Common;
using Entente.Application.Persistence;
using Entente.Application.TransparencyLog;
using Entente.Core.TransparencyLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Application.Tests.TransparencyLog;

public sealed class LogEntryWriterTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Append_GivesAGapFreeSequence_WhenManyConnectionsAppendAtOnce(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        const int writers = 8;
        const int perWriter = 15;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                await using var scope = database.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
                var log = scope.ServiceProvider.GetRequiredService<LogEntryWriter>();
                var result = await db.InTransactionAsync<long>(async () =>
                    (await log.AppendAsync(Actor.System, "test.appended", $"writer/{w}", null, new Dictionary<string, object?>(StringComparer.Ordinal) { ["i"] = i }, CancellationToken.None)).Sequence,
                    CancellationToken.None);
                Assert.True(result.IsSuccess);
            }
        })));

        await using var check = database.Services.CreateAsyncScope();
        var sequences = await check.ServiceProvider.GetRequiredService<EntenteDbContext>().LogEntries.Select(e => e.Sequence).OrderBy(s => s).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Range(0, writers * perWriter).Select(i => (long)i), sequences);
        await AssertOneConsistentLogAsync(database, writers * perWriter);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Append_LinksEveryEntryAndStoresTheTree_WhenManyEntriesShareOneTransaction(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        for (var batch = 0; batch < 3; batch++)
        {
            await using var scope = database.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
            var log = scope.ServiceProvider.GetRequiredService<LogEntryWriter>();
            var result = await db.InTransactionAsync<int>(async () =>
            {
                for (var i = 0; i < 7; i++)
                {
                    await log.AppendAsync(Actor.System, "test.batched", $"batch/{batch}", null, new Dictionary<string, object?>(StringComparer.Ordinal) { ["i"] = i }, CancellationToken.None);
                }

                return 7;
            }, CancellationToken.None);
            Assert.True(result.IsSuccess);
        }

        await AssertOneConsistentLogAsync(database, 21);
    }

    /// <summary>
    /// The entries pass the export verifier's link checks, and the root recomputed from their bytes equals the root
    /// folded from the stored nodes; every stored node equals the one an in-memory tree computes.
    /// </summary>
    private static async Task AssertOneConsistentLogAsync(TestDatabase database, int count)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        var entries = await db.LogEntries.AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.Bytes).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(count, entries.Count);
        var scan = LogVerifier.ScanEntries(entries);
        Assert.Null(scan.Defect);
        Assert.Equal(scan.Root, await LogNodes.RootAsync(db, count, TestContext.Current.CancellationToken));

        var reference = new MemoryMerkleNodeStore();
        var tree = new CompactMerkleTree();
        foreach (var entry in entries)
        {
            tree.Append(MerkleHashing.HashLeaf(entry), reference);
        }

        var stored = await db.LogNodes.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Range(0, 64).Sum(level => reference.CountAt(level)), stored.Count);
        foreach (var node in stored)
        {
            var expected = new byte[MerkleHashing.HashSize];
            reference.ReadNode(node.Level, node.Index, expected);
            Assert.Equal(expected, node.Hash);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Append_LeavesNoEntryAndNoGap_WhenTheTransactionRollsBack(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        var log = scope.ServiceProvider.GetRequiredService<LogEntryWriter>();
        var empty = new Dictionary<string, object?>(StringComparer.Ordinal);

        var failed = await db.InTransactionAsync<long>(async () =>
        {
            await log.AppendAsync(Actor.System, "test.doomed", "x/1", null, empty, CancellationToken.None);
            return new Error.Conflict("refused", "the use case changed its mind");
        }, CancellationToken.None);
        var kept = await db.InTransactionAsync<long>(async () => (await log.AppendAsync(Actor.System, "test.kept", "x/2", null, empty, CancellationToken.None)).Sequence, CancellationToken.None);

        Assert.False(failed.IsSuccess);
        Assert.Equal(0, kept.Value);
        Assert.Equal(1, await db.LogEntries.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Append_NeverWritesARolledBackEntry_WhenTheSameContextSavesAnotherChangeLater(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        var log = scope.ServiceProvider.GetRequiredService<LogEntryWriter>();
        var empty = new Dictionary<string, object?>(StringComparer.Ordinal);

        var failed = await db.InTransactionAsync<long>(async () =>
        {
            await log.AppendAsync(Actor.System, "test.doomed", "x/1", null, empty, CancellationToken.None);
            return new Error.Conflict("refused", "the use case changed its mind");
        }, CancellationToken.None);
        var other = await db.InTransactionAsync<int>(async () =>
        {
            db.LogSigningKeys.Add(new LogSigningKey { Name = "unrelated", PrivateKey = "x", CreatedAt = DateTimeOffset.UnixEpoch });
            return await Task.FromResult(1);
        }, CancellationToken.None);

        Assert.False(failed.IsSuccess);
        Assert.True(other.IsSuccess);
        Assert.Equal(0, await db.LogEntries.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.LogNodes.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Append_StoresCanonicalJson_WithSortedPayloadAndItsOwnSequence()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        var log = scope.ServiceProvider.GetRequiredService<LogEntryWriter>();

        var result = await db.InTransactionAsync<byte[]>(async () => (await log.AppendAsync(Actor.System, "organisation.approved", "organisation/abc", null,
            new Dictionary<string, object?>(StringComparer.Ordinal) { ["zeta"] = 1, ["alpha"] = "Рособоронэкспорт" }, CancellationToken.None)).Bytes, CancellationToken.None);

        var text = System.Text.Encoding.UTF8.GetString(result.Value!);
        Assert.StartsWith("{\"sequence\":0,\"time\":\"", text, StringComparison.Ordinal);
        Assert.Contains("\"payload\":{\"alpha\":\"Рособоронэкспорт\",\"zeta\":1}}", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" ", text.Replace("organisation.approved", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var stored = await db.LogEntries.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(result.Value, stored.Bytes);
        Assert.Equal(0, JsonDocument.Parse(stored.Bytes).RootElement.GetProperty("sequence").GetInt64());
        Assert.False(JsonDocument.Parse(stored.Bytes).RootElement.TryGetProperty("previous", out _));
    }
}
