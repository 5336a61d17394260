using System.Text.Json;
using Entente.Application.Common;
using Entente.Application.Persistence;
using Entente.Application.TransparencyLog;
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
    }
}
