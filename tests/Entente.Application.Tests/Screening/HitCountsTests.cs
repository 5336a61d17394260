using Entente.Application.Common;
using Entente.Application.Identity;
using Entente.Application.Organisations;
using Entente.Application.Persistence;
using Entente.Application.Screening;
using Entente.Application.Seeding;
using Entente.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Application.Tests.Screening;

/// <summary>The hit queue's counts by status: the same party filter as the queue, on both providers.</summary>
public sealed class HitCountsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Actor RuAuditor { get; } = new(Guid.NewGuid(), "auditor@fsvts.example", new HashSet<string>(StringComparer.Ordinal) { EntenteRoles.Auditor }, null, Parties.Russia);

    private static async Task<TestDatabase> SeededAsync(Provider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<DemoCommunity>().SeedAsync(CancellationToken.None));
        return database;
    }

    private static async Task<HitCounts> CountAsync(TestDatabase database, Actor actor)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ListHitsHandler>().CountAsync(actor, Ct);
        Assert.True(result.IsSuccess, result.Error?.Detail);
        return result.Value!;
    }

    // What the queue itself lists under each status filter: the counts must agree with it.
    private static async Task<HitCounts> ListedAsync(TestDatabase database, Actor actor)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<ListHitsHandler>();
        async Task<int> TotalAsync(string status) => (await queue.HandleAsync(actor, new ListHits(status, null, false, null, 100), Ct)).Value!.Total;
        return new HitCounts(await TotalAsync("open"), await TotalAsync("cleared"), await TotalAsync("confirmed"));
    }

    private static async Task DecideAsync(TestDatabase database, Guid hit, HitDecision decision)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DecideHitHandler>().HandleAsync(ScreeningStoreTests.RuOfficer, new DecideHit(hit, decision, "Checked against the register."), Ct);
        Assert.True(result.IsSuccess, result.Error?.Detail);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Count_GivesEachStatusOfTheAuthoritysOwnParty_AsTheQueueListsThem(Provider provider)
    {
        await using var database = await SeededAsync(provider);
        List<Guid> ruHits;
        int ruTotal;
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
            ruHits = await db.ScreeningHits.Where(h => h.Party == Parties.Russia && h.CounterpartyId == null).OrderBy(h => h.Id).Select(h => h.Id).ToListAsync(Ct);
            ruTotal = await db.ScreeningHits.CountAsync(h => h.Party == Parties.Russia, Ct);
        }

        Assert.True(ruHits.Count >= 2, "the demo opens hits on two Russian companies");
        await DecideAsync(database, ruHits[0], HitDecision.Clear);
        await DecideAsync(database, ruHits[1], HitDecision.Confirm);

        var ru = await CountAsync(database, ScreeningStoreTests.RuOfficer);
        var gb = await CountAsync(database, ScreeningStoreTests.GbOfficer);

        Assert.Equal(new HitCounts(ruTotal - 2, 1, 1), ru);
        Assert.Equal(await ListedAsync(database, ScreeningStoreTests.RuOfficer), ru);
        Assert.Equal(ru, await CountAsync(database, RuAuditor));

        // The GB authority counts only its own party's hit (the demo's end user), untouched by the RU decisions.
        Assert.Equal(new HitCounts(1, 0, 0), gb);
        Assert.Equal(await ListedAsync(database, ScreeningStoreTests.GbOfficer), gb);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Count_IsRefused_WhenTheActorIsNoAuthority(Provider provider)
    {
        await using var database = await SeededAsync(provider);
        var compliance = new Actor(Guid.NewGuid(), "officer@albion.example", new HashSet<string>(StringComparer.Ordinal) { EntenteRoles.ComplianceOfficer }, Guid.NewGuid(), Parties.GreatBritain);
        var partyless = new Actor(Guid.NewGuid(), "auditor@nowhere.example", new HashSet<string>(StringComparer.Ordinal) { EntenteRoles.Auditor }, null, null);

        await using var scope = database.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<ListHitsHandler>();
        foreach (var actor in new[] { compliance, partyless, Actor.System })
        {
            var result = await handler.CountAsync(actor, Ct);
            Assert.IsType<Error.Forbidden>(result.Error);
        }
    }
}
