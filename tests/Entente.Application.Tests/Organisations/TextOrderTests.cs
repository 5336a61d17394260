using Entente.Application.Common;
using Entente.Application.Identity;
using Entente.Application.Organisations;
using Entente.Application.Persistence;
using Entente.Core.Organisations;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Application.Tests.Organisations;

/// <summary>
/// Text sorts follow the collation each names (TextOrder), not the database's default: names alphabetically, as a
/// reader expects, codes character by character, the same on SQLite and PostgreSQL whatever locale the server was made with.
/// </summary>
public sealed class TextOrderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Actor Reader =
        new(Guid.NewGuid(), "auditor", new HashSet<string>(StringComparer.Ordinal) { EntenteRoles.Auditor }, null, Parties.GreatBritain);

    // English name, Russian name, registration number: upper and lower case, Ё beside Е, both scripts in one column.
    private static readonly (string En, string Ru, string Number)[] Members =
    [
        ("Zephyr Optics", "Ёлочные игрушки", "04417823"),
        ("acme ltd", "Яхонт", "SC123456"),
        ("Brunel Engineering", "абрикосовый сад", "oc301234"),
        ("Éclair Systems", "Alpha Systems", "1027700123456"),
        ("delta Works", "ещё одна", "REG-10"),
        ("Calder Works", "АО «Альфа»", "REG10"),
        ("Ural Forge", "Елена", "00012345"),
        ("Acme Ltd", "Жуковский завод", "RU77"),
        ("Ёлки Trading", "бета", "ru77"),
    ];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Directory_SortsRussianNamesAlphabetically_WhateverTheServersCollation(Provider provider)
    {
        await using var database = await SeedAsync(provider);

        // What a Russian reader expects: case does not split the list, Ё files with Е, Cyrillic before Latin. Code-point
        // order would put Ё first, every lower-case name after Я, and "Alpha Systems" first of all.
        string[] expected =
        [
            "абрикосовый сад", "АО «Альфа»", "бета", "Елена", "Ёлочные игрушки", "ещё одна", "Жуковский завод", "Яхонт", "Alpha Systems",
        ];
        Assert.Equal(expected, (await DirectoryAsync(database, "name-ru", descending: false)).Select(r => r.LegalNameRu));
        Assert.Equal(expected.Reverse(), (await DirectoryAsync(database, "name-ru", descending: true)).Select(r => r.LegalNameRu));
        Assert.Equal(expected, expected.Order(Comparer(TextOrder.Russian)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DirectoryAndRegister_SortEnglishNamesAlphabetically_AndNumbersByCharacter(Provider provider)
    {
        await using var database = await SeedAsync(provider);

        // Latin before Cyrillic; "acme ltd" and "Acme Ltd" side by side (lower case first, as the collation breaks the tie).
        string[] names = ["acme ltd", "Acme Ltd", "Brunel Engineering", "Calder Works", "delta Works", "Éclair Systems", "Ural Forge", "Zephyr Optics", "Ёлки Trading"];
        Assert.Equal(names, (await DirectoryAsync(database, "name", descending: false)).Select(r => r.LegalNameEn));
        Assert.Equal(names, (await RegisterAsync(database, "name")).Select(r => r.LegalNameEn));
        Assert.Equal(names, names.Order(Comparer(TextOrder.Alphabetical)));

        // Registration numbers are identifiers: character by character, digits, then capitals, then small letters.
        var numbers = (await DirectoryAsync(database, "number", descending: false)).Select(r => r.RegistrationNumber).ToList();
        Assert.Equal(["00012345", "04417823", "1027700123456", "REG-10", "REG10", "RU77", "SC123456", "oc301234", "ru77"], numbers);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DirectorySlices_FollowThePagesOrder_WhenSeekingUnderTheRussianCollation(Provider provider)
    {
        await using var database = await SeedAsync(provider);
        foreach (var descending in new[] { false, true })
        {
            var pages = await DirectoryAsync(database, "name-ru", descending);
            var sliced = new List<DirectoryEntry>();
            string? cursor = null;
            do
            {
                await using var scope = database.Services.CreateAsyncScope();
                var slice = await scope.ServiceProvider.GetRequiredService<SearchDirectoryHandler>()
                    .HandleAsync(Reader, new SearchDirectory(null, null, cursor is null ? "name-ru" : null, false, null, null), cursor is null ? descending : null, new CursorRequest(cursor, 2), Ct);
                Assert.True(slice.IsSuccess, slice.Error?.Detail);
                sliced.AddRange(slice.Value!.Items);
                cursor = slice.Value.Next;
            }
            while (cursor is not null);

            Assert.Equal(pages.Select(r => r.Id), sliced.Select(r => r.Id));
        }
    }

    [Theory]
    [InlineData(TextOrder.Russian, "Елена", "Ёлочные игрушки")]
    [InlineData(TextOrder.Russian, "Ёлочные игрушки", "ещё одна")]
    [InlineData(TextOrder.Russian, "Яхонт", "Alpha Systems")]
    [InlineData(TextOrder.Alphabetical, "Alpha Systems", "Яхонт")]
    [InlineData(TextOrder.Alphabetical, "acme", "Acme")]
    [InlineData(TextOrder.Code, "SC1", "oc1")]
    public void Compare_PutsTheFirstBeforeTheSecond(TextOrder order, string first, string second)
    {
        Assert.True(Collated.Compare(order, first, second) < 0);
        Assert.True(Collated.Compare(order, second, first) > 0);
    }

    [Fact]
    public void Compare_TellsApartNamesItRanksAlike_SoTheOrderIsDeterministic()
    {
        // A soft hyphen is ignored by the collation; the ordinal tie-break still orders the two, as PostgreSQL's deterministic collations do.
        Assert.NotEqual(0, Collated.Compare(TextOrder.Alphabetical, "Acme", "Ac\u00ADme"));
        Assert.Equal(0, Collated.Compare(TextOrder.Russian, "Ёж", "Ёж"));
    }

    private static Comparer<string> Comparer(TextOrder order) => Comparer<string>.Create((x, y) => Collated.Compare(order, x, y));

    private static async Task<TestDatabase> SeedAsync(Provider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var start = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        db.Organisations.AddRange(Members.Select((m, i) => new Organisation
        {
            Id = Guid.NewGuid(),
            LegalNameEn = m.En,
            LegalNameRu = m.Ru,
            Party = i % 2 == 0 ? Parties.Russia : Parties.GreatBritain,
            RegistrationNumber = m.Number,
            Address = "1 Test Street",
            ContactName = "Desk",
            ContactEmail = $"desk{i}@test.example",
            Status = MembershipStatus.Approved,
            RegisteredAt = start.AddHours(i),
            DecidedAt = start.AddDays(1),
            SearchText = Organisation.BuildSearchText(m.En, m.Ru, m.Number),
            Version = Guid.NewGuid(),
        }));
        await db.SaveChangesAsync(Ct);
        return database;
    }

    private static async Task<List<DirectoryEntry>> DirectoryAsync(TestDatabase database, string sort, bool descending)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SearchDirectoryHandler>()
            .HandleAsync(Reader, new SearchDirectory(null, null, sort, descending, 1, 200), Ct);
        Assert.True(result.IsSuccess, result.Error?.Detail);
        return [.. result.Value!.Items];
    }

    private static async Task<List<OrganisationRow>> RegisterAsync(TestDatabase database, string sort)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ListOrganisationsHandler>()
            .HandleAsync(Actor.System, new ListOrganisations(null, null, sort, false, 1, 200), Ct);
        Assert.True(result.IsSuccess, result.Error?.Detail);
        return [.. result.Value!.Items];
    }
}
