using System.Buffers.Text;
using System.Text;
using Entente.Application.Common;
using Entente.Application.Identity;
using Entente.Application.Organisations;
using Entente.Application.Persistence;
using Entente.Core.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Application.Tests.Organisations;

public sealed class CursorPagingTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Names with ties, case and both scripts; times with ties and gaps; statuses of every kind; some never decided.
    private static readonly string[] Names =
    [
        "Acme Ltd", "acme ltd", "Acme Ltd", "Brunel Engineering", "Zephyr Optics", "Ижевский завод", "Аэроприбор",
        "Calder Works", "Calder Works", "Mersey Avionics", "Одинцово НПО", "Tamar Gauges", "Tamar Gauges", "Wye Valley Alloys",
        "Exe Systems", "Dart Machining", "Fal Composites", "Helford Radar", "Kennet Sensors", "Lune Castings", "Nene Devices", "Ouse Forge",
    ];

    private static async Task<List<Organisation>> SeedAsync(TestDatabase database, int count)
    {
        var statuses = Enum.GetValues<MembershipStatus>();
        var organisations = Enumerable.Range(0, count).Select(i => new Organisation
        {
            Id = Guid.NewGuid(),
            LegalNameEn = Names[i % Names.Length],
            LegalNameRu = "Компания " + i,
            Party = i % 3 == 0 ? Parties.Russia : Parties.GreatBritain,
            RegistrationNumber = "REG" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
            TaxNumber = null,
            Address = "1 Test Street",
            ContactName = "Desk",
            ContactEmail = $"desk{i}@test.example",
            Status = i % 5 == 0 ? MembershipStatus.Pending : statuses[i % statuses.Length],
            RegisteredAt = Start.AddHours(i / 3),
            DecidedAt = i % 4 == 0 ? null : Start.AddDays(i % 6),
            SearchText = Organisation.BuildSearchText(Names[i % Names.Length], "Компания " + i, "REG" + i),
            Version = Guid.NewGuid(),
        }).ToList();
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        db.Organisations.AddRange(organisations);
        await db.SaveChangesAsync(Ct);
        return organisations;
    }

    private static async Task<List<OrganisationRow>> ReadAllAsync(TestDatabase database, string sort, bool descending, int limit)
    {
        var rows = new List<OrganisationRow>();
        string? cursor = null;
        for (var slices = 0; slices < 100; slices++)
        {
            await using var scope = database.Services.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<ListOrganisationsHandler>();
            // The first request names the order; the following ones leave it to the cursor, as a client following `next` may.
            var request = new ListOrganisations(null, null, cursor is null ? sort : null, false, null, null);
            var result = await handler.HandleAsync(Actor.System, request, cursor is null ? descending : null, new CursorRequest(cursor, limit), Ct);
            Assert.True(result.IsSuccess, result.Error?.Detail);
            Assert.True(result.Value!.Items.Count <= limit);
            rows.AddRange(result.Value.Items);
            cursor = result.Value.Next;
            if (cursor is null)
            {
                return rows;
            }
        }

        throw new InvalidOperationException("The cursor never reached the end.");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Slices_ReturnEveryRowOnceInTheOrderOfThePages_ForEverySortAndDirection(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database, 47);

        foreach (var sort in ListOrganisationsHandler.Sorts.Names)
        {
            foreach (var descending in new[] { false, true })
            {
                await using var scope = database.Services.CreateAsyncScope();
                var paged = await scope.ServiceProvider.GetRequiredService<ListOrganisationsHandler>()
                    .HandleAsync(Actor.System, new ListOrganisations(null, null, sort, descending, 1, 200), Ct);

                var sliced = await ReadAllAsync(database, sort, descending, 4);

                Assert.Equal(47, paged.Value!.Total);
                Assert.Equal(47, sliced.Select(r => r.Id).Distinct().Count());
                Assert.Equal(paged.Value.Items.Select(r => r.Id), sliced.Select(r => r.Id));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Slices_FollowTheSortKey_WhenSortedByNameAndByDecision(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database, 30);

        var byName = await ReadAllAsync(database, "name", descending: false, limit: 7);
        var byDecisionDescending = await ReadAllAsync(database, "decided", descending: true, limit: 7);

        // Equal names come together (the ties among them broken by id), each name in one run.
        var runs = byName.Where((r, i) => i == 0 || r.LegalNameEn != byName[i - 1].LegalNameEn).Count();
        Assert.Equal(byName.Select(r => r.LegalNameEn).Distinct().Count(), runs);
        Assert.Equal(30, byName.Select(r => r.Id).Distinct().Count());

        // Undecided organisations come last, the decided ones newest first.
        var firstUndecided = byDecisionDescending.FindIndex(r => r.DecidedAt is null);
        Assert.True(firstUndecided > 0);
        Assert.All(byDecisionDescending.Skip(firstUndecided), r => Assert.Null(r.DecidedAt));
        var decided = byDecisionDescending.Take(firstUndecided).Select(r => r.DecidedAt!.Value).ToList();
        Assert.Equal(decided.OrderDescending(), decided);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Slices_NeitherRepeatNorSkip_WhenARowIsInsertedBetweenRequests(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seeded = await SeedAsync(database, 20);

        await using var first = database.Services.CreateAsyncScope();
        var handler = first.ServiceProvider.GetRequiredService<ListOrganisationsHandler>();
        var request = new ListOrganisations(null, null, "name", false, null, null);
        var slice = (await handler.HandleAsync(Actor.System, request, false, new CursorRequest(null, 6), Ct)).Value!;
        var seen = slice.Items.ToList();

        // One row sorts before everything already read, one after: offset paging would repeat a row and hide none
        // of them; seeking by key shows the later one and not the earlier.
        var early = (await SeedWithNameAsync(database, "AAA Early Entrant")).Id;
        var late = (await SeedWithNameAsync(database, "Zzz Late Entrant")).Id;
        var cursor = slice.Next;
        while (cursor is not null)
        {
            await using var scope = database.Services.CreateAsyncScope();
            var next = (await scope.ServiceProvider.GetRequiredService<ListOrganisationsHandler>()
                .HandleAsync(Actor.System, request, false, new CursorRequest(cursor, 6), Ct)).Value!;
            seen.AddRange(next.Items);
            cursor = next.Next;
        }

        Assert.Equal(seen.Count, seen.Select(r => r.Id).Distinct().Count());
        Assert.Subset(seen.Select(r => r.Id).ToHashSet(), seeded.Select(o => o.Id).ToHashSet());
        Assert.Contains(late, seen.Select(r => r.Id));
        Assert.DoesNotContain(early, seen.Select(r => r.Id));
        Assert.Equal(seeded.Count + 1, seen.Count);
    }

    private static async Task<Organisation> SeedWithNameAsync(TestDatabase database, string name)
    {
        var organisation = new Organisation
        {
            Id = Guid.NewGuid(),
            LegalNameEn = name,
            LegalNameRu = name,
            Party = Parties.GreatBritain,
            RegistrationNumber = "NEW" + Guid.NewGuid().ToString("N")[..8],
            Address = "1 Test Street",
            ContactName = "Desk",
            ContactEmail = "desk@new.example",
            Status = MembershipStatus.Approved,
            RegisteredAt = Start,
            DecidedAt = Start,
            SearchText = name.ToUpperInvariant(),
            Version = Guid.NewGuid(),
        };
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(Ct);
        return organisation;
    }

    public static TheoryData<Provider, string> BadCursors()
    {
        string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
        var data = new TheoryData<Provider, string>();
        foreach (var provider in new[] { Provider.Sqlite, Provider.Postgres })
        {
            data.Add(provider, "not a cursor!");
            data.Add(provider, Encode("{\"sort\":\"name\""));
            data.Add(provider, Encode("[1,2,3]"));
            data.Add(provider, Encode("{\"sort\":\"nope\",\"descending\":false,\"keys\":[\"Acme\",\"" + Guid.Empty + "\"]}"));
            data.Add(provider, Encode("{\"sort\":\"name\",\"descending\":false,\"keys\":[\"Acme\"]}"));
            data.Add(provider, Encode("{\"sort\":\"name\",\"descending\":false,\"keys\":[42,\"" + Guid.Empty + "\"]}"));
            data.Add(provider, Encode("{\"sort\":\"registered\",\"descending\":false,\"keys\":[\"yesterday\",\"" + Guid.Empty + "\"]}"));
            data.Add(provider, Encode("{\"sort\":\"status\",\"descending\":false,\"keys\":[\"Dissolved\",\"Acme\",\"" + Guid.Empty + "\"]}"));
            data.Add(provider, Encode("{\"sort\":\"name\",\"descending\":false,\"keys\":[\"Acme\",\"not-a-guid\"]}"));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadCursors))]
    public async Task Slice_ReturnsCursorValidationError_WhenTheCursorIsMalformedOrTampered(Provider provider, string cursor)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database, 5);
        await using var scope = database.Services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<ListOrganisationsHandler>()
            .HandleAsync(Actor.System, new ListOrganisations(null, null, null, false, null, null), null, new CursorRequest(cursor, 2), Ct);

        var error = Assert.IsType<Error.Validation>(result.Error);
        Assert.Contains("cursor", error.Fields.Keys);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Slice_ReturnsCursorValidationError_WhenTheCursorComesFromAnotherSortOrDirection(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database, 5);
        await using var scope = database.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<ListOrganisationsHandler>();
        var byName = new ListOrganisations(null, null, "name", false, null, null);
        var next = (await handler.HandleAsync(Actor.System, byName, false, new CursorRequest(null, 2), Ct)).Value!.Next;

        var otherSort = await handler.HandleAsync(Actor.System, byName with { Sort = "registered" }, false, new CursorRequest(next, 2), Ct);
        var otherDirection = await handler.HandleAsync(Actor.System, byName, true, new CursorRequest(next, 2), Ct);
        var same = await handler.HandleAsync(Actor.System, byName, false, new CursorRequest(next, 2), Ct);

        Assert.Contains("cursor", Assert.IsType<Error.Validation>(otherSort.Error).Fields.Keys);
        Assert.Contains("cursor", Assert.IsType<Error.Validation>(otherDirection.Error).Fields.Keys);
        Assert.True(same.IsSuccess);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Slice_HasNoNextCursor_WhenItReachesTheLastRow(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database, 4);
        await using var scope = database.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<ListOrganisationsHandler>();
        var all = new ListOrganisations(null, null, null, false, null, null);

        var exact = (await handler.HandleAsync(Actor.System, all, null, new CursorRequest(null, 4), Ct)).Value!;
        var partial = (await handler.HandleAsync(Actor.System, all, null, new CursorRequest(null, 3), Ct)).Value!;
        var rest = (await handler.HandleAsync(Actor.System, all, null, new CursorRequest(partial.Next, 3), Ct)).Value!;

        Assert.Equal((4, null), (exact.Items.Count, exact.Next));
        Assert.Equal(3, partial.Items.Count);
        Assert.NotNull(partial.Next);
        Assert.Equal((1, null), (rest.Items.Count, rest.Next));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DirectorySlices_ReturnEveryApprovedRowOnceInPageOrder_ForEverySort(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seeded = await SeedAsync(database, 40);
        var approved = seeded.Count(o => o.Status == MembershipStatus.Approved);
        var reader = new Actor(Guid.NewGuid(), "auditor", new HashSet<string>(StringComparer.Ordinal) { EntenteRoles.Auditor }, null, Parties.GreatBritain);

        foreach (var sort in SearchDirectoryHandler.Sorts.Names)
        {
            foreach (var descending in new[] { false, true })
            {
                await using var scope = database.Services.CreateAsyncScope();
                var handler = scope.ServiceProvider.GetRequiredService<SearchDirectoryHandler>();
                var request = new SearchDirectory(null, null, sort, descending, 1, 200);
                var paged = (await handler.HandleAsync(reader, request, Ct)).Value!;
                var sliced = new List<DirectoryEntry>();
                string? cursor = null;
                do
                {
                    var slice = await handler.HandleAsync(reader, request, descending, new CursorRequest(cursor, 3), Ct);
                    Assert.True(slice.IsSuccess, slice.Error?.Detail);
                    sliced.AddRange(slice.Value!.Items);
                    cursor = slice.Value.Next;
                }
                while (cursor is not null);

                Assert.Equal(approved, sliced.Count);
                Assert.Equal(paged.Items.Select(r => r.Id), sliced.Select(r => r.Id));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DirectoryPages_FollowTheRussianNameAndTheNumber_InEitherDirection(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database, 30);
        var reader = new Actor(Guid.NewGuid(), "auditor", new HashSet<string>(StringComparer.Ordinal) { EntenteRoles.Auditor }, null, Parties.GreatBritain);

        async Task<List<DirectoryEntry>> PageAsync(string? sort, bool descending)
        {
            await using var scope = database.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<SearchDirectoryHandler>()
                .HandleAsync(reader, new SearchDirectory(null, null, sort, descending, 1, 200), Ct);
            Assert.True(result.IsSuccess, result.Error?.Detail);
            return [.. result.Value!.Items];
        }

        // "Компания 0" … "Компания 29" by the Russian collation the sort names; "REG00000" … "REG00029" character by character.
        foreach (var descending in new[] { false, true })
        {
            var byRussian = (await PageAsync("name-ru", descending)).Select(r => r.LegalNameRu).ToList();
            var byNumber = (await PageAsync("number", descending)).Select(r => r.RegistrationNumber).ToList();

            Assert.True(byRussian.Count > 1);
            var russian = Comparer<string>.Create((x, y) => Collated.Compare(TextOrder.Russian, x, y));
            Assert.Equal(descending ? byRussian.Order(russian).Reverse() : byRussian.Order(russian), byRussian);
            Assert.Equal(descending ? byNumber.Order(StringComparer.Ordinal).Reverse() : byNumber.Order(StringComparer.Ordinal), byNumber);
        }

        // An unknown sort is the default order, as before: the directory ignores it rather than failing the page.
        Assert.Equal((await PageAsync(null, false)).Select(r => r.Id), (await PageAsync("no-such-sort", false)).Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RegisterPages_FollowThePartyAndTheNumber_InEitherDirection(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database, 30);

        async Task<List<OrganisationRow>> PageAsync(string? sort, bool descending)
        {
            await using var scope = database.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ListOrganisationsHandler>()
                .HandleAsync(Actor.System, new ListOrganisations(null, null, sort, descending, 1, 200), Ct);
            Assert.True(result.IsSuccess, result.Error?.Detail);
            return [.. result.Value!.Items];
        }

        foreach (var descending in new[] { false, true })
        {
            var byParty = (await PageAsync("party", descending)).Select(r => r.Party).ToList();
            var byNumber = (await PageAsync("number", descending)).Select(r => r.RegistrationNumber).ToList();

            Assert.Equal(30, byParty.Count);
            Assert.Equal(descending ? new[] { Parties.Russia, Parties.GreatBritain } : [Parties.GreatBritain, Parties.Russia], byParty.Distinct());
            Assert.Equal(descending ? byParty.Order(StringComparer.Ordinal).Reverse() : byParty.Order(StringComparer.Ordinal), byParty);
            Assert.Equal(descending ? byNumber.Order(StringComparer.Ordinal).Reverse() : byNumber.Order(StringComparer.Ordinal), byNumber);
        }

        // Unknown sorts fall back to the default ("registered"), as they did before these sorts were added.
        Assert.Equal((await PageAsync(null, false)).Select(r => r.Id), (await PageAsync("no-such-sort", false)).Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MemberSlices_ReturnEveryPersonOnceInPageOrder_ForEverySort(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var organisation = (await SeedAsync(database, 1))[0];
        await using (var seed = database.Services.CreateAsyncScope())
        {
            var db = seed.ServiceProvider.GetRequiredService<EntenteDbContext>();
            var officerRole = db.Roles.Single(r => r.Name == EntenteRoles.ComplianceOfficer).Id;
            for (var i = 0; i < 11; i++)
            {
                var id = Guid.NewGuid();
                db.Users.Add(new EntenteUser
                {
                    Id = id,
                    UserName = $"person{i}@test.example",
                    NormalizedUserName = $"PERSON{i}@TEST.EXAMPLE",
                    Email = $"person{10 - i}@test.example",
                    DisplayName = i % 4 == 0 ? "Sam Smith" : "Person " + (char)('A' + (i * 7 % 11)),
                    OrganisationId = organisation.Id,
                    PreferredCulture = "en",
                    CreatedAt = Start.AddMinutes(i / 2),
                    TwoFactorEnabled = i % 3 != 1,
                });
                if (i % 3 == 0)
                {
                    db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = id, RoleId = officerRole });
                }
            }

            await db.SaveChangesAsync(Ct);
        }

        foreach (var sort in ListMembersHandler.SortKeys)
        {
            foreach (var descending in new[] { false, true })
            {
                await using var scope = database.Services.CreateAsyncScope();
                var handler = scope.ServiceProvider.GetRequiredService<ListMembersHandler>();
                var paged = (await handler.HandleAsync(Actor.System, organisation.Id, new ListMembers(sort, descending, 1, 200), Ct)).Value!;
                var sliced = new List<MemberRow>();
                string? cursor = null;
                do
                {
                    var slice = await handler.HandleAsync(Actor.System, organisation.Id, sort, descending, new CursorRequest(cursor, 2), Ct);
                    Assert.True(slice.IsSuccess, slice.Error?.Detail);
                    sliced.AddRange(slice.Value!.Items);
                    cursor = slice.Value.Next;
                }
                while (cursor is not null);

                Assert.Equal(11, sliced.Select(m => m.UserId).Distinct().Count());
                Assert.Equal(paged.Items.Select(m => m.UserId), sliced.Select(m => m.UserId));
                if (sort == "two-factor")
                {
                    // Those without two-factor sign-in first when ascending; within each group by name, whatever the direction.
                    var flags = sliced.Select(m => m.TwoFactorEnabled).ToList();
                    Assert.Equal(descending ? flags.OrderDescending() : flags.Order(), flags);
                    Assert.Contains(false, flags);
                    Assert.Contains(true, flags);
                }

                if (sort == "role")
                {
                    // Compliance officers first when ascending, as their role's name sorts.
                    var roles = sliced.Select(m => m.Role).ToList();
                    Assert.Equal(descending ? roles.Order(StringComparer.Ordinal).Reverse() : roles.Order(StringComparer.Ordinal), roles);
                }
            }
        }
    }
}
