using Entente.Application.Common;
using Entente.Application.Identity;
using Entente.Application.Organisations;
using Entente.Application.Persistence;
using Entente.Application.Screening;
using Entente.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Application.Tests.Screening;

public sealed class ScreeningStoreTests : IDisposable
{
    internal const string Header = "id,type,name,aliases,country\n";

    internal const string Listed = Header +
        "E1,organisation,ROSOBORONEXPORT OAO,Рособоронэкспорт;Rosoboroneksport,RU\n" +
        "E2,organisation,KALASHNIKOV CONCERN JSC,Концерн Калашников,RU\n" +
        "E3,person,Ivan Petrovich Sidorov,Иван Петрович Сидоров,RU\n";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("entente-lists-");

    public void Dispose() => _folder.Delete(recursive: true);

    internal static Actor GbOfficer { get; } = new(Guid.NewGuid(), "officer@ecju.example", new HashSet<string>(StringComparer.Ordinal) { EntenteRoles.AuthorityOfficer }, null, Parties.GreatBritain);

    internal static Actor RuOfficer { get; } = new(Guid.NewGuid(), "officer@fsvts.example", new HashSet<string>(StringComparer.Ordinal) { EntenteRoles.AuthorityOfficer }, null, Parties.Russia);

    private string Write(string text, string name = "list.csv")
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<Result<ImportedList>> ImportAsync(TestDatabase database, string path, string listName = "internal")
    {
        await using var scope = database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImportListHandler>().HandleAsync(Actor.System, new ImportList(path, "entente-csv", listName), null, CancellationToken.None);
    }

    internal static async Task<RegisteredOrganisation> RegisterAsync(IServiceProvider services, string nameEn, string nameRu, string number)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RegisterOrganisationHandler>().HandleAsync(new RegisterOrganisation(
            nameEn, nameRu, "GB", number, null, "1 Victoria Street, London", "A. Contact", "contact@" + number + ".example", null, "officer@" + number + ".example", "Officer " + number, "Correct-Horse-42-Battery"), CancellationToken.None);
        Assert.True(result.IsSuccess, result.Error is Error.Validation v ? string.Join("; ", v.Fields.Select(f => f.Key + " " + string.Join(' ', f.Value))) : result.Error?.Detail);
        return result.Value!;
    }

    private static async Task<int> LogCountAsync(TestDatabase database, string action)
    {
        await using var scope = database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EntenteDbContext>().LogEntries.CountAsync(e => e.Action == action, TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_RecordsAVersionWithCounts_WhenTheListIsNew(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var result = await ImportAsync(database, Write(Listed));

        Assert.True(result.IsSuccess, result.Error?.Detail);
        Assert.Equal(new { Version = 1, Entities = 3, Added = 3, Changed = 0, Removed = 0 }, new { result.Value!.Version, Entities = result.Value.EntityCount, result.Value.Added, result.Value.Changed, result.Value.Removed });
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        var version = await db.ScreeningListVersions.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("list.csv", version.SourceFileName);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(_folder.FullName, "list.csv")))), version.Sha256);
        Assert.Equal("system", version.ImportedByName);
        Assert.Equal(3, await db.ScreeningListEntries.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await LogCountAsync(database, "screening.list-imported"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_CountsAddedChangedRemoved_WhenTheListIsImportedAgain(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Assert.True((await ImportAsync(database, Write(Listed))).IsSuccess);
        var next = Header +
            "E1,organisation,ROSOBORONEXPORT OAO,Рособоронэкспорт;Rosoboroneksport,RU\n" +
            "E2,organisation,KALASHNIKOV CONCERN JSC,Концерн Калашников;Kalashnikov Group,RU\n" +
            "E4,organisation,Tupolev PJSC,ПАО Туполев,RU\n" +
            "E5,vessel,SEA STAR,,\n";

        var result = await ImportAsync(database, Write(next, "list-2.csv"));

        Assert.True(result.IsSuccess, result.Error?.Detail);
        Assert.Equal((2, 4, 2, 1, 1), (result.Value!.Version, result.Value.EntityCount, result.Value.Added, result.Value.Changed, result.Value.Removed));
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        var entries = await db.ScreeningListEntries.OrderBy(e => e.EntityId).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["E1", "E2", "E4", "E5"], entries.Select(e => e.EntityId));
        Assert.Equal([1, 2, 2, 2], entries.Select(e => e.Revision));
        Assert.Equal(2, await db.ScreeningListVersions.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, await LogCountAsync(database, "screening.list-imported"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_ChangesNothingAndNamesTheLine_WhenTheFileIsMalformed(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Assert.True((await ImportAsync(database, Write(Listed))).IsSuccess);
        var broken = Header + "E1,organisation,ROSOBORONEXPORT OAO,,RU\nE9,organisation,Only four fields,RU\n";

        var result = await ImportAsync(database, Write(broken, "broken.csv"));

        var error = Assert.IsType<Error.Validation>(result.Error);
        Assert.Contains("line 3", error.Detail, StringComparison.Ordinal);
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        Assert.Equal(1, await db.ScreeningListVersions.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(3, await db.ScreeningListEntries.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await LogCountAsync(database, "screening.list-imported"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Register_OpensAHit_WhenTheLegalNameIsListed(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Assert.True((await ImportAsync(database, Write(Listed))).IsSuccess);

        var listed = await RegisterAsync(database.Services, "Kalashnikov Concern Ltd", "ООО «Концерн Калашников»", "01234567");
        var clean = await RegisterAsync(database.Services, "Harwell Precision Optics Ltd", "Харвелл Прецижн Оптикс", "07654321");

        await using var scope = database.Services.CreateAsyncScope();
        var hit = await scope.ServiceProvider.GetRequiredService<EntenteDbContext>().ScreeningHits.SingleAsync(TestContext.Current.CancellationToken);
        Assert.NotEqual(clean.OrganisationId, hit.OrganisationId);
        Assert.Equal((listed.OrganisationId, "E2", HitStatus.Open, "GB"), (hit.OrganisationId, hit.EntityId, hit.Status, hit.Party));
        Assert.True(hit.Score >= Screener.OperatingThreshold);
        Assert.Equal(1, await LogCountAsync(database, "screening.hit-opened"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Clear_KeepsTheHitCleared_WhenEveryOrganisationIsRescreened(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Assert.True((await ImportAsync(database, Write(Listed))).IsSuccess);
        var registered = await RegisterAsync(database.Services, "Kalashnikov Concern Ltd", "Концерн Калашников", "01234567");
        var hitId = await SingleHitIdAsync(database);

        Result<HitView> cleared;
        await using (var scope = database.Services.CreateAsyncScope())
        {
            cleared = await scope.ServiceProvider.GetRequiredService<DecideHitHandler>().HandleAsync(GbOfficer, new DecideHit(hitId, HitDecision.Clear, "A Reading hunting-rifle importer, not the Izhevsk concern."), CancellationToken.None);
        }

        // A second import of the same content is a new list version: every organisation is screened again.
        Assert.True((await ImportAsync(database, Write(Listed, "again.csv"))).IsSuccess);
        RescreenOutcome? outcome;
        await using (var scope = database.Services.CreateAsyncScope())
        {
            outcome = await scope.ServiceProvider.GetRequiredService<RescreenHandler>().HandleAsync("node-a", CancellationToken.None);
        }

        Assert.True(cleared.IsSuccess, cleared.Error?.Detail);
        Assert.Equal("Cleared", cleared.Value!.Status);
        Assert.NotNull(outcome);
        Assert.Equal(0, outcome.HitsOpened);
        await using var check = database.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<EntenteDbContext>();
        Assert.Equal(HitStatus.Cleared, (await db.ScreeningHits.SingleAsync(TestContext.Current.CancellationToken)).Status);
        Assert.Equal(MembershipStatus.Pending, (await db.Organisations.SingleAsync(o => o.Id == registered.OrganisationId, TestContext.Current.CancellationToken)).Status);
        Assert.Equal(1, await LogCountAsync(database, "screening.hit-cleared"));
        Assert.Equal(0, await db.ScreeningListVersions.CountAsync(v => v.RescreenedAt == null, TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Rescreen_OpensAHitOnce_WhenANewVersionListsARegisteredOrganisation(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var registered = await RegisterAsync(database.Services, "Tupolev Aerospace UK Ltd", "Туполев Аэроспейс", "01234567");
        await RegisterAsync(database.Services, "Harwell Precision Optics Ltd", "Харвелл Прецижн Оптикс", "07654321");
        await using (var first = database.Services.CreateAsyncScope())
        {
            Assert.False(await first.ServiceProvider.GetRequiredService<EntenteDbContext>().ScreeningHits.AnyAsync(TestContext.Current.CancellationToken));
        }

        Assert.True((await ImportAsync(database, Write(Header + "T1,organisation,Tupolev Aerospace,ПАО Туполев Аэроспейс,RU\n"))).IsSuccess);

        // Two nodes at once: the lease lets one of them do the work.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(async i =>
        {
            await using var scope = database.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RescreenHandler>().HandleAsync("node-" + i, CancellationToken.None);
        }));

        Assert.Equal(1, outcomes.Where(o => o is not null).Sum(o => o!.HitsOpened));
        await using (var hits = database.Services.CreateAsyncScope())
        {
            Assert.Equal(registered.OrganisationId, (await hits.ServiceProvider.GetRequiredService<EntenteDbContext>().ScreeningHits.SingleAsync(TestContext.Current.CancellationToken)).OrganisationId);
        }

        Assert.Equal(1, await LogCountAsync(database, "screening.hit-opened"));
        await using var scope = database.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<RescreenHandler>().HandleAsync("node-0", CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Confirm_SuspendsTheOrganisation_WhenItWasApproved(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Assert.True((await ImportAsync(database, Write(Listed))).IsSuccess);
        var registered = await RegisterAsync(database.Services, "Kalashnikov Concern Ltd", "Концерн Калашников", "01234567");
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var approved = await scope.ServiceProvider.GetRequiredService<VetOrganisationHandler>().HandleAsync(GbOfficer, new VetOrganisation(registered.OrganisationId, VettingDecision.Approve, null), CancellationToken.None);
            Assert.True(approved.IsSuccess, approved.Error?.Detail);
        }

        var hitId = await SingleHitIdAsync(database);
        Result<HitView> refused;
        Result<HitView> confirmed;
        Result<HitView> again;
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetRequiredService<DecideHitHandler>();
            refused = await handler.HandleAsync(RuOfficer, new DecideHit(hitId, HitDecision.Confirm, null), CancellationToken.None);
            confirmed = await handler.HandleAsync(GbOfficer, new DecideHit(hitId, HitDecision.Confirm, "Same registered office as the listed concern."), CancellationToken.None);
            again = await handler.HandleAsync(GbOfficer, new DecideHit(hitId, HitDecision.Clear, "changed my mind"), CancellationToken.None);
        }

        Assert.IsType<Error.NotFound>(refused.Error);
        Assert.True(confirmed.IsSuccess, confirmed.Error?.Detail);
        Assert.IsType<Error.Conflict>(again.Error);
        await using var check = database.Services.CreateAsyncScope();
        var organisation = await check.ServiceProvider.GetRequiredService<EntenteDbContext>().Organisations.SingleAsync(o => o.Id == registered.OrganisationId, TestContext.Current.CancellationToken);
        Assert.Equal(MembershipStatus.Suspended, organisation.Status);
        Assert.Contains("KALASHNIKOV CONCERN JSC", organisation.StatusReason, StringComparison.Ordinal);
        Assert.Equal(1, await LogCountAsync(database, "screening.hit-confirmed"));
        Assert.Equal(0, await LogCountAsync(database, "screening.hit-cleared"));
    }

    [Fact]
    public async Task Search_UsesTheNewVersion_WhenAListIsImportedAgain()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var client = new Actor(Guid.NewGuid(), "officer@albion.example", new HashSet<string>(StringComparer.Ordinal) { EntenteRoles.ComplianceOfficer }, Guid.NewGuid(), null);
        async Task<NameSearchResult> SearchAsync(string name)
        {
            await using var scope = database.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<SearchNameHandler>().HandleAsync(client, new SearchName(name, 5), CancellationToken.None);
            Assert.True(result.IsSuccess, result.Error?.Detail);
            return result.Value!;
        }

        var empty = await SearchAsync("Tupolev");
        Assert.True((await ImportAsync(database, Write(Listed))).IsSuccess);
        var before = await SearchAsync("ПАО Туполев");
        Assert.True((await ImportAsync(database, Write(Listed + "E4,organisation,Tupolev PJSC,ПАО Туполев,RU\n", "v2.csv"))).IsSuccess);
        var after = await SearchAsync("ПАО Туполев");
        var cache = database.Services.GetRequiredService<ScreeningIndexCache>();
        await using var check = database.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<EntenteDbContext>();

        Assert.Equal(0, empty.ListCount);
        Assert.DoesNotContain(before.Matches, m => m.EntityId == "E4");
        Assert.Equal("E4", after.Matches[0].EntityId);
        Assert.Same(await cache.GetAsync(db, CancellationToken.None), await cache.GetAsync(db, CancellationToken.None));
    }

    [Fact]
    public async Task Rescreen_DoesNothing_WhileAnotherNodeHoldsTheLease()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        Assert.True((await ImportAsync(database, Write(Listed))).IsSuccess);
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        var lease = await db.ScreeningLeases.SingleAsync(TestContext.Current.CancellationToken);
        lease.Holder = "node-b";
        lease.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(5);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var outcome = await scope.ServiceProvider.GetRequiredService<RescreenHandler>().HandleAsync("node-a", CancellationToken.None);

        Assert.Null(outcome);
        Assert.Equal(1, await db.ScreeningListVersions.CountAsync(v => v.RescreenedAt == null, TestContext.Current.CancellationToken));
    }

    private static async Task<Guid> SingleHitIdAsync(TestDatabase database)
    {
        await using var scope = database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EntenteDbContext>().ScreeningHits.Select(h => h.Id).SingleAsync(TestContext.Current.CancellationToken);
    }
}
