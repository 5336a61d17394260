using System.Text;
using Entente.Application.Common;
using Entente.Application.Persistence;
using Entente.Application.Screening;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Application.Tests.Screening;

public sealed class ImportListContentTests
{
    private static async Task<Result<ImportedList>> ImportAsync(TestDatabase database, Actor actor, string text, string format = "entente-csv", string fileName = "internal.csv")
    {
        await using var scope = database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImportListHandler>().HandleAsync(actor, new ImportListContent(fileName, Encoding.UTF8.GetBytes(text), format, "internal"), null, CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ImportContent_RecordsTheVersionLikeAFile_WhenTheContentIsWellFormed(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var result = await ImportAsync(database, Actor.System, ScreeningStoreTests.Listed);

        Assert.True(result.IsSuccess, result.Error?.Detail);
        Assert.Equal((1, 3, 3), (result.Value!.Version, result.Value.EntityCount, result.Value.Added));
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        var version = await db.ScreeningListVersions.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("internal.csv", version.SourceFileName);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(ScreeningStoreTests.Listed))), version.Sha256);
        Assert.Equal(1, await db.LogEntries.CountAsync(e => e.Action == "screening.list-imported", TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ImportContent_ChangesNothing_WhenMalformedOrAnOfacSetOrNotAnAdministrator(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var malformed = await ImportAsync(database, Actor.System, ScreeningStoreTests.Header + "E9,organisation,Only four fields,RU\n");
        var ofac = await ImportAsync(database, Actor.System, "1,\"ROSOBORONEKSPORT OAO\",-0-\n", "ofac-csv", "sdn.csv");
        var officer = await ImportAsync(database, ScreeningStoreTests.GbOfficer, ScreeningStoreTests.Listed);

        var error = Assert.IsType<Error.Validation>(malformed.Error);
        Assert.Contains("line 2", error.Detail, StringComparison.Ordinal);
        Assert.StartsWith("internal.csv: ", error.Detail, StringComparison.Ordinal);
        Assert.IsType<Error.Validation>(ofac.Error);
        Assert.IsType<Error.Forbidden>(officer.Error);
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        Assert.False(await db.ScreeningListVersions.AnyAsync(TestContext.Current.CancellationToken));
        Assert.False(await db.ScreeningListEntries.AnyAsync(TestContext.Current.CancellationToken));
    }
}
