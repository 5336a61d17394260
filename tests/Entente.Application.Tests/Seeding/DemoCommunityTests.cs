using Entente.Application.Persistence;
using Entente.Application.Screening;
using Entente.Application.Trade;
using Entente.Application.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Application.Tests.Seeding;

public sealed class DemoCommunityTests
{
    private static async Task<bool> SeedAsync(TestDatabase database)
    {
        await using var scope = database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoCommunity>().SeedAsync(CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Seed_ImportsTheDemoListAsAVersion_WhenTheDatabaseIsEmpty(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        Assert.True(await SeedAsync(database));

        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        var list = await db.ScreeningLists.SingleAsync(TestContext.Current.CancellationToken);
        var version = await db.ScreeningListVersions.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((DemoCommunity.SanctionsListName, "entente-csv", 1), (list.Name, list.Format, list.CurrentVersion));
        Assert.Equal((list.Id, 1, "demo-ofac-extract.csv", "admin@entente.example"), (version.ListId, version.Number, version.SourceFileName, version.ImportedByName));
        Assert.True(version.EntityCount >= 5, $"the extract holds {version.EntityCount} entities");
        Assert.Equal((version.EntityCount, 0, 0), (version.Added, version.Changed, version.Removed));
        Assert.Equal(version.EntityCount, await db.ScreeningListEntries.CountAsync(TestContext.Current.CancellationToken));
        Assert.Contains(await db.ScreeningListEntries.Select(e => e.PrimaryName).ToListAsync(TestContext.Current.CancellationToken), n => n.Contains("ROSOBORONEKSPORT", StringComparison.Ordinal));
        Assert.NotNull(version.RescreenedAt);
        var logged = await db.LogEntries.CountAsync(e => e.Action == "screening.list-imported", TestContext.Current.CancellationToken);
        Assert.Equal(1, logged);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Seed_OpensHitsForTheTwoListedRussianCompaniesAndOneEndUser_WhenTheDatabaseIsEmpty(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        Assert.True(await SeedAsync(database));

        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        var hits = await db.ScreeningHits.Where(h => h.CounterpartyId == null).Join(db.Organisations, h => h.OrganisationId, o => o.Id, (h, o) => new { o.LegalNameEn, h.Party, h.Status, h.ListName, h.EntityId })
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["Kalashnikov Concern JSC", "Rosoboronexport JSC"], hits.Select(h => h.LegalNameEn).Distinct().Order(StringComparer.Ordinal));
        Assert.All(hits, h => Assert.Equal(("RU", HitStatus.Open, DemoCommunity.SanctionsListName), (h.Party, h.Status, h.ListName)));
        Assert.Contains(hits, h => h.LegalNameEn == "Rosoboronexport JSC" && h.EntityId == "18782");
        Assert.Contains(hits, h => h.LegalNameEn == "Kalashnikov Concern JSC" && h.EntityId == "16911");
        // The end user Albion named on the list extract is under review, with the GB authority; the other two are clear.
        var counterpartyHit = await db.ScreeningHits.Where(h => h.CounterpartyId != null)
            .Join(db.Counterparties, h => h.CounterpartyId, c => c.Id, (h, c) => new { c.Name, c.Status, h.Party, h.EntityId })
            .SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("Almaz-Antey Air and Space Defence Corporation JSC", CounterpartyStatus.UnderReview, "GB", "16865"), (counterpartyHit.Name, counterpartyHit.Status, counterpartyHit.Party, counterpartyHit.EntityId));
        Assert.Equal(2, await db.Counterparties.CountAsync(c => c.Status == CounterpartyStatus.Clear, TestContext.Current.CancellationToken));
        var opened = await db.LogEntries.CountAsync(e => e.Action == "screening.hit-opened", TestContext.Current.CancellationToken);
        Assert.Equal(hits.Count + 1, opened);

        // The RU officer's queue holds the companies' hits; the GB officer's the end user's.
        var queue = scope.ServiceProvider.GetRequiredService<ListHitsHandler>();
        var open = new ListHits("open", null, false, null, null);
        var ru = await queue.HandleAsync(Screening.ScreeningStoreTests.RuOfficer, open, TestContext.Current.CancellationToken);
        var gb = await queue.HandleAsync(Screening.ScreeningStoreTests.GbOfficer, open, TestContext.Current.CancellationToken);
        Assert.Equal(hits.Count, ru.Value!.Total);
        Assert.Equal(1, gb.Value!.Total);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Seed_DoesNotImportAgain_WhenTheDemoIsAlreadySeeded(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Assert.True(await SeedAsync(database));

        Assert.False(await SeedAsync(database));

        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        Assert.Equal(1, await db.ScreeningListVersions.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await db.LogEntries.CountAsync(e => e.Action == "screening.list-imported", TestContext.Current.CancellationToken));
        Assert.Equal(2, await db.ScreeningHits.Where(h => h.CounterpartyId == null).Select(h => h.OrganisationId).Distinct().CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await db.ScreeningHits.CountAsync(h => h.CounterpartyId != null, TestContext.Current.CancellationToken));
    }
}
