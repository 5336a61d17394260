using Entente.Application.Common;
using Entente.Application.Persistence;
using Entente.Application.TransparencyLog;
using Entente.Core.TransparencyLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Application.Tests.TransparencyLog;

/// <summary>
/// Damage done to the stored log behind the platform's back (an operator editing rows) is found by verifying an
/// export, which names the first bad index.
/// </summary>
public sealed class LogTamperTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<TestDatabase> LogOfAsync(Provider provider, int count)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        var log = scope.ServiceProvider.GetRequiredService<LogEntryWriter>();
        var result = await db.InTransactionAsync<int>(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                await log.AppendAsync(Actor.System, "test.recorded", "item/" + i, null, new Dictionary<string, object?>(StringComparer.Ordinal) { ["value"] = "v" + i }, Ct);
            }

            return count;
        }, Ct);
        Assert.True(result.IsSuccess);
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<CheckpointSigner>().SignAsync(Ct));
        return database;
    }

    private static async Task<LogVerificationReport> VerifyExportAsync(TestDatabase database)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var export = await LogExporter.ExportAsync(scope.ServiceProvider, Ct);
        Assert.NotNull(export);
        var platform = await scope.ServiceProvider.GetRequiredService<PlatformLogKey>().GetSignerAsync(Ct);
        // Round-trip through the file format, as `log export` then `log verify FILE` would.
        return LogExportVerification.Verify(LogExport.Parse(export.ToJson()), [platform.VerifierKey], 0);
    }

    private static async Task TamperAsync(TestDatabase database, Func<EntenteDbContext, Task> change)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        await change(db);
        await db.SaveChangesAsync(Ct);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Verify_Passes_WhenTheStoredLogIsIntact(Provider provider)
    {
        await using var database = await LogOfAsync(provider, 12);

        var report = await VerifyExportAsync(database);

        Assert.True(report.IsValid, report.Message);
        Assert.Equal(12, report.EntryCount);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Verify_NamesTheIndex_WhenOneByteOfAStoredEntryChanges(Provider provider)
    {
        await using var database = await LogOfAsync(provider, 12);
        await TamperAsync(database, async db =>
        {
            var entry = await db.LogEntries.SingleAsync(e => e.Sequence == 5, Ct);
            var bytes = entry.Bytes.ToArray();
            var at = Array.LastIndexOf(bytes, (byte)'5');
            bytes[at] = (byte)'6';
            entry.Bytes = bytes;
        });

        var report = await VerifyExportAsync(database);

        Assert.False(report.IsValid);
        Assert.Equal(5, report.FirstBadIndex);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Verify_NamesTheIndex_WhenAStoredEntryIsDeleted(Provider provider)
    {
        await using var database = await LogOfAsync(provider, 12);
        await TamperAsync(database, async db => db.LogEntries.Remove(await db.LogEntries.SingleAsync(e => e.Sequence == 7, Ct)));

        var report = await VerifyExportAsync(database);

        Assert.False(report.IsValid);
        Assert.Equal(7, report.FirstBadIndex);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Verify_NamesTheFirstIndex_WhenTwoStoredEntriesAreSwapped(Provider provider)
    {
        await using var database = await LogOfAsync(provider, 12);
        await TamperAsync(database, async db =>
        {
            var a = await db.LogEntries.SingleAsync(e => e.Sequence == 3, Ct);
            var b = await db.LogEntries.SingleAsync(e => e.Sequence == 8, Ct);
            (a.Bytes, b.Bytes) = (b.Bytes, a.Bytes);
        });

        var report = await VerifyExportAsync(database);

        Assert.False(report.IsValid);
        Assert.Equal(3, report.FirstBadIndex);
    }
}
