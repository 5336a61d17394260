using Entente.Application.Persistence;
using Entente.Application.Screening;
using Entente.Application.Screening.Lists;
using Entente.Application.Trade;
using Entente.Application.Seeding;
using Entente.Core.Screening;
using Entente.Testing;
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
    public async Task Seed_ImportsTheDemoListsTwoReleasesAsVersionsInOrder_WhenTheDatabaseIsEmpty(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        Assert.True(await SeedAsync(database));

        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        var list = await db.ScreeningLists.SingleAsync(TestContext.Current.CancellationToken);
        var versions = await db.ScreeningListVersions.OrderBy(v => v.Number).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal((DemoCommunity.SanctionsListName, "entente-csv", 2), (list.Name, list.Format, list.CurrentVersion));
        Assert.Equal([(1, "demo-ofac-extract-2021.csv"), (2, "demo-ofac-extract-2025.csv")], versions.Select(v => (v.Number, v.SourceFileName)));
        Assert.All(versions, v => Assert.Equal((list.Id, "admin@entente.example"), (v.ListId, v.ImportedByName)));
        var first = versions[0];
        Assert.True(first.EntityCount >= 5, $"the 2021 extract holds {first.EntityCount} entities");
        Assert.Equal((first.EntityCount, 0, 0), (first.Added, first.Changed, first.Removed));
        Assert.Equal(versions[1].EntityCount, await db.ScreeningListEntries.CountAsync(TestContext.Current.CancellationToken));
        Assert.Contains(await db.ScreeningListEntries.Select(e => e.PrimaryName).ToListAsync(TestContext.Current.CancellationToken), n => n.Contains("ROSOBORONEKSPORT", StringComparison.Ordinal));
        // Each version was screened as it arrived.
        Assert.All(versions, v => Assert.NotNull(v.RescreenedAt));
        Assert.True(versions[0].RescreenedAt <= versions[1].ImportedAt);
        Assert.Equal(2, await db.LogEntries.CountAsync(e => e.Action == "screening.list-imported", TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Seed_RecordsWhatOfacChangedBetweenTheReleases_InTheSecondVersion(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        Assert.True(await SeedAsync(database));

        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        var second = await db.ScreeningListVersions.SingleAsync(v => v.Number == 2, TestContext.Current.CancellationToken);
        // All nine were listed in 2021 and still are in 2025; seven had their a.k.a./f.k.a. names changed (Seeding/Lists/README.md).
        Assert.Equal((9, 0, 7, 0), (second.EntityCount, second.Added, second.Changed, second.Removed));
        var entries = await db.ScreeningListEntries.ToDictionaryAsync(e => e.EntityId, StringComparer.Ordinal, TestContext.Current.CancellationToken);
        Assert.Equal(["16864", "16884"], entries.Values.Where(e => e.Revision == 1).Select(e => e.EntityId).Order(StringComparer.Ordinal));
        Assert.Equal(7, entries.Values.Count(e => e.Revision == 2));
        // OFAC no longer lists OJSC ROSOBORONEXPORT in 2025, and first lists JSC KALASHNIKOV CONCERN then.
        Assert.DoesNotContain("\"OJSC ROSOBORONEXPORT\"", entries["18782"].Aliases, StringComparison.Ordinal);
        Assert.Contains("\"JSC KALASHNIKOV CONCERN\"", entries["16911"].Aliases, StringComparison.Ordinal);

        // The companies' hits were opened by the 2021 version, and the 2025 one, changing those entities, opens no second
        // hit on them. The end user's hit arrives with the 2025 version: its own Russian name, transliterated, is
        // AO KONTSERN VKO ALMAZ-ANTEI, an a.k.a. OFAC did not publish in 2021.
        var hits = await db.ScreeningHits.ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(3, hits.Count);
        Assert.All(hits.Where(h => h.CounterpartyId is null), h => Assert.Equal((1, 2), (h.ListVersion, entries[h.EntityId].Revision)));
        var endUser = hits.Single(h => h.CounterpartyId is not null);
        Assert.Equal(("16865", 2, "AO KONTSERN VKO ALMAZ-ANTEI"), (endUser.EntityId, endUser.ListVersion, endUser.MatchedName));
    }

    /// <summary>The embedded demo version of one release, read as the seeding reads it.</summary>
    private static SanctionsList Embedded(string file)
    {
        using var stream = typeof(DemoCommunity).Assembly.GetManifestResourceStream("Entente.Seeding." + file)
            ?? throw new InvalidOperationException("missing embedded resource " + file);
        return ListFormats.Read(stream, ListFormats.EntenteCsv, DemoCommunity.SanctionsListName);
    }

    [Fact]
    public void Extracts_HoldTheNamesOfacPublishedInEachRelease_WithTheOwnRussianNameLast()
    {
        var sdn2021 = ListFormats.Load(SharedData.RequireFile("sanctions/ofac-2021/sdn.csv"), ListFormats.OfacCsv).Entries.ToDictionary(e => e.EntityId, StringComparer.Ordinal);
        // The 2025 set has no sdn.csv: the parser makes each entity's first alt.csv name its name.
        var alt2025 = ListFormats.Load(SharedData.RequireFile("sanctions/ofac-2025/alt.csv"), ListFormats.OfacCsv).Entries.ToDictionary(e => e.EntityId, StringComparer.Ordinal);
        var releases = new (string File, Func<string, IReadOnlyList<string>> Names, Func<string, string?> Country)[]
        {
            ("demo-ofac-extract-2021.csv", id => sdn2021[id].Aliases, id => sdn2021[id].Country),
            ("demo-ofac-extract-2025.csv", id => [alt2025[id].PrimaryName, .. alt2025[id].Aliases], id => alt2025[id].Country),
        };

        var ownNames = new List<IReadOnlyList<string>>();
        foreach (var (file, names, country) in releases)
        {
            var extract = Embedded(file).Entries;
            Assert.Equal(9, extract.Count);
            foreach (var row in extract)
            {
                // The name is the 2021 primary name (no 2025 primary name is in the data); the aliases are the
                // release's alt.csv names in OFAC's order less that name, then the organisation's own Russian name.
                var ofac = sdn2021[row.EntityId];
                Assert.Equal((EntityType.Organisation, ofac.PrimaryName, country(row.EntityId)), (row.Type, row.PrimaryName, row.Country));
                Assert.Equal(names(row.EntityId).Where(n => !string.Equals(n, row.PrimaryName, StringComparison.Ordinal)), row.Aliases.SkipLast(1));
                Assert.Matches("^[\\p{IsCyrillic}\\s\\-]+$", row.Aliases[^1]);
            }

            ownNames.Add(extract.Select(r => r.Aliases[^1]).ToList());
        }

        // The own Russian names are the same in both versions, so they never make a row count as changed.
        Assert.Equal(ownNames[0], ownNames[1]);
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
        Assert.Equal(2, await db.ScreeningListVersions.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, await db.LogEntries.CountAsync(e => e.Action == "screening.list-imported", TestContext.Current.CancellationToken));
        Assert.Equal(2, await db.ScreeningHits.Where(h => h.CounterpartyId == null).Select(h => h.OrganisationId).Distinct().CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await db.ScreeningHits.CountAsync(h => h.CounterpartyId != null, TestContext.Current.CancellationToken));
    }
}
