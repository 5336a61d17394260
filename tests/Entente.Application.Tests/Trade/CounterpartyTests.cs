using System.Text;
using Entente.Application.Common;
using Entente.Application.Identity;
using Entente.Application.Organisations;
using Entente.Application.Persistence;
using Entente.Application.Screening;
using Entente.Application.Tests.Screening;
using Entente.Application.Trade;
using Entente.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Application.Tests.Trade;

public sealed class CounterpartyTests
{
    private const string Listed = ScreeningStoreTests.Header +
        "E1,organisation,TACTICAL MISSILES CORPORATION JSC,Корпорация Тактическое ракетное вооружение;KTRV,RU\n" +
        "E2,organisation,KALASHNIKOV CONCERN JSC,Концерн Калашников,RU\n";

    private static readonly RegisterCounterparty Police = new("Thames Valley Police", null, "GB", "Oxford Road, Kidlington", null, IsConsignee: false, IsEndUser: true);

    private static readonly RegisterCounterparty Missiles = new("Tactical Missiles Corp. AO", "АО «Корпорация Тактическое ракетное вооружение»", "ru", "Ilyicha 7, Korolev", null, IsConsignee: true, IsEndUser: true);

    private static async Task ImportAsync(TestDatabase database, string content)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ImportListHandler>().HandleAsync(Actor.System, new ImportListContent("internal.csv", Encoding.UTF8.GetBytes(content), "entente-csv", "internal"), null, CancellationToken.None);
        Assert.True(result.IsSuccess, result.Error?.Detail);
    }

    /// <summary>A GB organisation, approved by its authority, and its compliance officer as an actor.</summary>
    private static async Task<Actor> ApprovedOfficerAsync(TestDatabase database, string nameEn, string number)
    {
        var registered = await ScreeningStoreTests.RegisterAsync(database.Services, nameEn, nameEn + " (рус.)", number);
        await using var scope = database.Services.CreateAsyncScope();
        var approved = await scope.ServiceProvider.GetRequiredService<VetOrganisationHandler>().HandleAsync(ScreeningStoreTests.GbOfficer, new VetOrganisation(registered.OrganisationId, VettingDecision.Approve, null), CancellationToken.None);
        Assert.True(approved.IsSuccess, approved.Error?.Detail);
        return Officer(registered);
    }

    private static Actor Officer(RegisteredOrganisation registered) =>
        new(registered.ComplianceOfficerId, "officer@example", new HashSet<string>(StringComparer.Ordinal) { EntenteRoles.ComplianceOfficer }, registered.OrganisationId, null);

    private static async Task<Result<CounterpartyView>> RegisterAsync(TestDatabase database, Actor actor, RegisterCounterparty request)
    {
        await using var scope = database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegisterCounterpartyHandler>().HandleAsync(actor, request, CancellationToken.None);
    }

    private static async Task<Result<CounterpartyView>> AmendAsync(TestDatabase database, Actor actor, Guid id, RegisterCounterparty details)
    {
        await using var scope = database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AmendCounterpartyHandler>().HandleAsync(
            actor, new AmendCounterparty(id, details.Name, details.NativeName, details.Country, details.Address, details.RegistrationNumber, details.IsConsignee, details.IsEndUser), CancellationToken.None);
    }

    private static Task<List<string>> AmendmentsAsync(TestDatabase database) =>
        QueryAsync(database, async db => (await db.LogEntries.Where(e => e.Action == "counterparty.amended").OrderBy(e => e.Sequence).Select(e => e.Bytes).ToListAsync(TestContext.Current.CancellationToken))
            .Select(b => Encoding.UTF8.GetString(b)).ToList());

    private static async Task<Result<HitView>> DecideAsync(TestDatabase database, Actor actor, Guid hitId, HitDecision decision, string? reason)
    {
        await using var scope = database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DecideHitHandler>().HandleAsync(actor, new DecideHit(hitId, decision, reason), CancellationToken.None);
    }

    private static async Task<T> QueryAsync<T>(TestDatabase database, Func<EntenteDbContext, Task<T>> query)
    {
        await using var scope = database.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EntenteDbContext>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Register_OpensAHitAndPutsItUnderReview_WhenTheNameIsListed(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportAsync(database, Listed);
        var officer = await ApprovedOfficerAsync(database, "Albion Defence Systems Ltd", "01234567");

        var police = await RegisterAsync(database, officer, Police);
        var missiles = await RegisterAsync(database, officer, Missiles);

        Assert.True(police.IsSuccess, police.Error?.Detail);
        Assert.True(missiles.IsSuccess, missiles.Error?.Detail);
        Assert.Equal(("Clear", "UnderReview", "RU"), (police.Value!.Status, missiles.Value!.Status, missiles.Value.Country));
        var hit = await QueryAsync(database, db => db.ScreeningHits.SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal((missiles.Value.Id, "E1", "GB", HitStatus.Open), (hit.CounterpartyId, hit.EntityId, hit.Party, hit.Status));
        Assert.Equal(missiles.Value.OrganisationId, hit.OrganisationId);
        Assert.Equal(2, await QueryAsync(database, db => db.LogEntries.CountAsync(e => e.Action == "counterparty.registered", TestContext.Current.CancellationToken)));

        // The organisation's own screening state is untouched by a hit on a body it named.
        await using var scope = database.Services.CreateAsyncScope();
        var details = await scope.ServiceProvider.GetRequiredService<GetOrganisationHandler>().HandleAsync(ScreeningStoreTests.GbOfficer, hit.OrganisationId, CancellationToken.None);
        Assert.False(details.Value!.OpenScreeningHit);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Confirm_DeniesTheCounterpartyAndKeepsTheOrganisation_WhenTheHitIsOnACounterparty(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportAsync(database, Listed);
        var officer = await ApprovedOfficerAsync(database, "Albion Defence Systems Ltd", "01234567");
        var missiles = (await RegisterAsync(database, officer, Missiles)).Value!;
        var hitId = await QueryAsync(database, db => db.ScreeningHits.Select(h => h.Id).SingleAsync(TestContext.Current.CancellationToken));

        var confirmed = await DecideAsync(database, ScreeningStoreTests.GbOfficer, hitId, HitDecision.Confirm, "The same corporation.");

        Assert.True(confirmed.IsSuccess, confirmed.Error?.Detail);
        Assert.Equal((missiles.Id, "Denied"), (confirmed.Value!.CounterpartyId, confirmed.Value.CounterpartyStatus));
        var counterparty = await QueryAsync(database, db => db.Counterparties.SingleAsync(TestContext.Current.CancellationToken));
        var organisation = await QueryAsync(database, db => db.Organisations.SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(CounterpartyStatus.Denied, counterparty.Status);
        Assert.Contains("TACTICAL MISSILES CORPORATION JSC", counterparty.StatusReason, StringComparison.Ordinal);
        Assert.Equal(MembershipStatus.Approved, organisation.Status);
        var entry = await QueryAsync(database, db => db.LogEntries.SingleAsync(e => e.Action == "screening.hit-confirmed", TestContext.Current.CancellationToken));
        Assert.Contains(missiles.Id.ToString("D"), Encoding.UTF8.GetString(entry.Bytes), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Clear_MakesTheCounterpartyClearAgain_WhenItsLastOpenHitIsCleared(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportAsync(database, Listed);
        var officer = await ApprovedOfficerAsync(database, "Albion Defence Systems Ltd", "01234567");
        await RegisterAsync(database, officer, Missiles);
        var hitId = await QueryAsync(database, db => db.ScreeningHits.Select(h => h.Id).SingleAsync(TestContext.Current.CancellationToken));

        var refused = await DecideAsync(database, ScreeningStoreTests.RuOfficer, hitId, HitDecision.Clear, "not ours");
        var cleared = await DecideAsync(database, ScreeningStoreTests.GbOfficer, hitId, HitDecision.Clear, "A namesake: a civil research institute.");

        Assert.IsType<Error.NotFound>(refused.Error);
        Assert.True(cleared.IsSuccess, cleared.Error?.Detail);
        Assert.Equal("Clear", cleared.Value!.CounterpartyStatus);

        // A new list version rescreens the counterparty; the cleared hit stays cleared for that entry revision.
        await ImportAsync(database, Listed + "E3,person,Ivan Petrovich Sidorov,Иван Петрович Сидоров,RU\n");
        await using var scope = database.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<RescreenHandler>().HandleAsync("node-a", CancellationToken.None);
        Assert.NotNull(outcome);
        Assert.Equal((1, 0), (outcome.Counterparties, outcome.HitsOpened));
        Assert.Equal(CounterpartyStatus.Clear, (await QueryAsync(database, db => db.Counterparties.SingleAsync(TestContext.Current.CancellationToken))).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Rescreen_PutsACounterpartyUnderReview_WhenANewVersionListsIt(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportAsync(database, ScreeningStoreTests.Header + "E2,organisation,KALASHNIKOV CONCERN JSC,Концерн Калашников,RU\n");
        var officer = await ApprovedOfficerAsync(database, "Albion Defence Systems Ltd", "01234567");
        var missiles = (await RegisterAsync(database, officer, Missiles)).Value!;
        var withdrawn = (await RegisterAsync(database, officer, Missiles with { Name = "Tactical Missiles Corporation", Country = "KZ" })).Value!;
        Assert.Equal(("Clear", "Clear"), (missiles.Status, withdrawn.Status));
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<WithdrawCounterpartyHandler>().HandleAsync(officer, new WithdrawCounterparty(withdrawn.Id, "No longer a customer."), CancellationToken.None);
            Assert.True(result.IsSuccess, result.Error?.Detail);
        }

        await ImportAsync(database, Listed);
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<RescreenHandler>().HandleAsync("node-a", CancellationToken.None);
            Assert.Equal((1, 1), (outcome!.Counterparties, outcome.HitsOpened));
        }

        var statuses = await QueryAsync(database, db => db.Counterparties.OrderBy(c => c.Id).Select(c => c.Status).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal([CounterpartyStatus.UnderReview, CounterpartyStatus.Withdrawn], statuses);
        Assert.Equal(missiles.Id, await QueryAsync(database, db => db.ScreeningHits.Select(h => h.CounterpartyId).SingleAsync(TestContext.Current.CancellationToken)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Register_IsRefused_WhenTheInputOrTheActorIsWrong(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var officer = await ApprovedOfficerAsync(database, "Albion Defence Systems Ltd", "01234567");
        var pending = Officer(await ScreeningStoreTests.RegisterAsync(database.Services, "Severn Gunworks Ltd", "Северн", "07654321"));
        var member = officer with { Roles = new HashSet<string>(StringComparer.Ordinal) { EntenteRoles.Member } };

        var invalid = await RegisterAsync(database, officer, new RegisterCounterparty(" ", null, "XX", "", null, false, false));
        var notOfficer = await RegisterAsync(database, member, Police);
        var notApproved = await RegisterAsync(database, pending, Police);
        var first = await RegisterAsync(database, officer, Police);
        var duplicate = await RegisterAsync(database, officer, Police with { Name = "THAMES VALLEY POLICE" });

        var fields = Assert.IsType<Error.Validation>(invalid.Error).Fields;
        Assert.Equal(["address", "country", "name", "roles"], fields.Keys.Order(StringComparer.Ordinal));
        Assert.IsType<Error.Forbidden>(notOfficer.Error);
        Assert.Equal("organisation-not-approved", Assert.IsType<Error.Conflict>(notApproved.Error).Code);
        Assert.True(first.IsSuccess, first.Error?.Detail);
        Assert.Equal("duplicate-counterparty", Assert.IsType<Error.Conflict>(duplicate.Error).Code);
        Assert.Equal(1, await QueryAsync(database, db => db.Counterparties.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_ShowsOnlyWhatTheActorMayRead(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var albion = await ApprovedOfficerAsync(database, "Albion Defence Systems Ltd", "01234567");
        var severn = await ApprovedOfficerAsync(database, "Severn Gunworks Ltd", "07654321");
        var police = (await RegisterAsync(database, albion, Police)).Value!;
        await RegisterAsync(database, severn, Police with { Name = "Ministry of Defence", IsConsignee = true });

        await using var scope = database.Services.CreateAsyncScope();
        var list = scope.ServiceProvider.GetRequiredService<ListCounterpartiesHandler>();
        var get = scope.ServiceProvider.GetRequiredService<GetCounterpartyHandler>();
        var own = await list.HandleAsync(albion, new ListCounterparties(null, null, "name", false, null, null), CancellationToken.None);
        var authority = await list.HandleAsync(ScreeningStoreTests.GbOfficer, new ListCounterparties(null, null, "name", true, null, null), CancellationToken.None);
        var otherParty = await list.HandleAsync(ScreeningStoreTests.RuOfficer, new ListCounterparties(null, null, null, false, null, null), CancellationToken.None);
        var searched = await list.HandleAsync(ScreeningStoreTests.GbOfficer, new ListCounterparties("clear", "ministry", null, false, null, null), CancellationToken.None);
        var badStatus = await list.HandleAsync(albion, new ListCounterparties("lost", null, null, false, null, null), CancellationToken.None);
        var byCountry = await list.HandleAsync(ScreeningStoreTests.GbOfficer, new ListCounterparties(null, null, "organisation", true, null, null), CancellationToken.None);

        Assert.Equal(["Thames Valley Police"], own.Value!.Items.Select(r => r.Name));
        Assert.Equal(["Thames Valley Police", "Ministry of Defence"], authority.Value!.Items.Select(r => r.Name));
        Assert.Empty(otherParty.Value!.Items);
        Assert.Equal(["Ministry of Defence"], searched.Value!.Items.Select(r => r.Name));
        Assert.IsType<Error.Validation>(badStatus.Error);
        Assert.IsType<Error.Validation>((await list.HandleAsync(albion, new ListCounterparties(null, null, "colour", false, null, null), CancellationToken.None)).Error);
        Assert.Equal(["Severn Gunworks Ltd", "Albion Defence Systems Ltd"], byCountry.Value!.Items.Select(r => r.OrganisationNameEn));
        Assert.True((await get.HandleAsync(albion, police.Id, CancellationToken.None)).IsSuccess);
        Assert.IsType<Error.NotFound>((await get.HandleAsync(severn, police.Id, CancellationToken.None)).Error);
        Assert.IsType<Error.NotFound>((await get.HandleAsync(ScreeningStoreTests.RuOfficer, police.Id, CancellationToken.None)).Error);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Amend_ChangesTheAddressWithoutScreeningAgain_AndLogsOnlyTheFieldName(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var officer = await ApprovedOfficerAsync(database, "Albion Defence Systems Ltd", "01234567");
        var police = (await RegisterAsync(database, officer, Police)).Value!;
        var versionBefore = await QueryAsync(database, db => db.Counterparties.Select(c => c.Version).SingleAsync(TestContext.Current.CancellationToken));

        // Listed only after registration: an address change must not screen the name again, so no hit may appear.
        await ImportAsync(database, ScreeningStoreTests.Header + "E9,organisation,THAMES VALLEY POLICE,,GB\n");
        var amended = await AmendAsync(database, officer, police.Id, Police with { Address = "Sulhamstead, Reading" });

        Assert.True(amended.IsSuccess, amended.Error?.Detail);
        Assert.Equal(("Clear", "Sulhamstead, Reading"), (amended.Value!.Status, amended.Value.Address));
        Assert.NotNull(amended.Value.ChangedAt);
        var stored = await QueryAsync(database, db => db.Counterparties.SingleAsync(TestContext.Current.CancellationToken));
        Assert.NotEqual(versionBefore, stored.Version);
        Assert.Equal(0, await QueryAsync(database, db => db.ScreeningHits.CountAsync(TestContext.Current.CancellationToken)));
        var entry = Assert.Single(await AmendmentsAsync(database));
        Assert.Contains("\"changed\":[\"address\"]", entry, StringComparison.Ordinal);
        Assert.Contains("\"rescreened\":false", entry, StringComparison.Ordinal);
        Assert.Contains(police.Id.ToString("D"), entry, StringComparison.Ordinal);
        Assert.DoesNotContain("Sulhamstead", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("Kidlington", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("Thames", entry, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Amend_ScreensTheNewNameAndPutsItUnderReview_WhenTheNewNameIsListed(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportAsync(database, Listed);
        var officer = await ApprovedOfficerAsync(database, "Albion Defence Systems Ltd", "01234567");
        var police = (await RegisterAsync(database, officer, Police)).Value!;
        Assert.Equal("Clear", police.Status);

        var amended = await AmendAsync(database, officer, police.Id, Police with { Name = "Kalashnikov Concern JSC", Country = "RU", IsConsignee = true });

        Assert.True(amended.IsSuccess, amended.Error?.Detail);
        Assert.Equal(("UnderReview", "Kalashnikov Concern JSC"), (amended.Value!.Status, amended.Value.Name));
        var hit = await QueryAsync(database, db => db.ScreeningHits.SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal((police.Id, "E2", HitStatus.Open), (hit.CounterpartyId, hit.EntityId, hit.Status));
        var entry = Assert.Single(await AmendmentsAsync(database));
        Assert.Contains("\"changed\":[\"name\",\"country\",\"roles\"]", entry, StringComparison.Ordinal);
        Assert.Contains("\"rescreened\":true", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("Kalashnikov", entry, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await QueryAsync(database, db => db.Counterparties.CountAsync(c => c.SearchText.Contains("KALASHNIKOV"), TestContext.Current.CancellationToken)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Amend_KeepsTheOldNamesHitOpenAndUnderReview_UntilTheAuthorityClearsIt(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportAsync(database, Listed);
        var officer = await ApprovedOfficerAsync(database, "Albion Defence Systems Ltd", "01234567");
        var missiles = (await RegisterAsync(database, officer, Missiles)).Value!;
        Assert.Equal("UnderReview", missiles.Status);

        var renamed = await AmendAsync(database, officer, missiles.Id, Missiles with { Name = "Korolev Optics AO", NativeName = null });

        Assert.True(renamed.IsSuccess, renamed.Error?.Detail);
        Assert.Equal("UnderReview", renamed.Value!.Status);
        var hit = await QueryAsync(database, db => db.ScreeningHits.SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal((missiles.Id, HitStatus.Open), (hit.CounterpartyId, hit.Status));
        var cleared = await DecideAsync(database, ScreeningStoreTests.GbOfficer, hit.Id, HitDecision.Clear, "Renamed: a different body.");
        Assert.Equal("Clear", cleared.Value!.CounterpartyStatus);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Amend_IsRefused_WhenTheInputTheActorOrTheStatusIsWrong(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportAsync(database, Listed);
        var officer = await ApprovedOfficerAsync(database, "Albion Defence Systems Ltd", "01234567");
        var severn = await ApprovedOfficerAsync(database, "Severn Gunworks Ltd", "07654321");
        var member = officer with { Roles = new HashSet<string>(StringComparer.Ordinal) { EntenteRoles.Member } };
        var police = (await RegisterAsync(database, officer, Police)).Value!;
        var ministry = (await RegisterAsync(database, officer, Police with { Name = "Ministry of Defence" })).Value!;
        var denied = (await RegisterAsync(database, officer, Missiles)).Value!;
        var withdrawn = (await RegisterAsync(database, officer, Police with { Name = "Surrey Police" })).Value!;
        await using (var scope = database.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<WithdrawCounterpartyHandler>().HandleAsync(officer, new WithdrawCounterparty(withdrawn.Id, "Contract ended."), CancellationToken.None)).IsSuccess);
        }

        var hitId = await QueryAsync(database, db => db.ScreeningHits.Select(h => h.Id).SingleAsync(TestContext.Current.CancellationToken));
        Assert.True((await DecideAsync(database, ScreeningStoreTests.GbOfficer, hitId, HitDecision.Confirm, "The same corporation.")).IsSuccess);
        var fix = Police with { Address = "Sulhamstead, Reading" };

        var invalid = await AmendAsync(database, officer, police.Id, new RegisterCounterparty(" ", null, "XX", "", null, false, false));
        var missing = await AmendAsync(database, officer, Guid.NewGuid(), fix);
        var otherOrganisation = await AmendAsync(database, severn, police.Id, fix);
        var otherParty = await AmendAsync(database, ScreeningStoreTests.RuOfficer, police.Id, fix);
        var byMember = await AmendAsync(database, member, police.Id, fix);
        var byAuthority = await AmendAsync(database, ScreeningStoreTests.GbOfficer, police.Id, fix);
        var duplicate = await AmendAsync(database, officer, police.Id, Police with { Name = "MINISTRY OF DEFENCE" });
        var ofDenied = await AmendAsync(database, officer, denied.Id, Missiles with { Address = "Elsewhere" });
        var ofWithdrawn = await AmendAsync(database, officer, withdrawn.Id, Police with { Name = "Surrey Police", Address = "Guildford" });

        Assert.Equal(["address", "country", "name", "roles"], Assert.IsType<Error.Validation>(invalid.Error).Fields.Keys.Order(StringComparer.Ordinal));
        Assert.IsType<Error.NotFound>(missing.Error);
        Assert.IsType<Error.NotFound>(otherOrganisation.Error);
        Assert.IsType<Error.NotFound>(otherParty.Error);
        Assert.IsType<Error.Forbidden>(byMember.Error);
        Assert.IsType<Error.Forbidden>(byAuthority.Error);
        Assert.Equal("duplicate-counterparty", Assert.IsType<Error.Conflict>(duplicate.Error).Code);
        Assert.Equal("counterparty-not-active", Assert.IsType<Error.Conflict>(ofDenied.Error).Code);
        Assert.Equal("counterparty-not-active", Assert.IsType<Error.Conflict>(ofWithdrawn.Error).Code);
        Assert.Empty(await AmendmentsAsync(database));
        var names = await QueryAsync(database, db => db.Counterparties.OrderBy(c => c.Name).Select(c => c.Name + "|" + c.Address).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["Ministry of Defence|Oxford Road, Kidlington", "Surrey Police|Oxford Road, Kidlington", "Tactical Missiles Corp. AO|Ilyicha 7, Korolev", "Thames Valley Police|Oxford Road, Kidlington"], names);
        Assert.Equal(ministry.Id, await QueryAsync(database, db => db.Counterparties.Where(c => c.Name == "Ministry of Defence").Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken)));

        // A duplicate of a withdrawn entry is allowed, as at registration; a suspended organisation amends nothing.
        Assert.True((await AmendAsync(database, officer, police.Id, Police with { Name = "Surrey Police" })).IsSuccess);
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var suspended = await scope.ServiceProvider.GetRequiredService<VetOrganisationHandler>().HandleAsync(ScreeningStoreTests.GbOfficer, new VetOrganisation(police.OrganisationId, VettingDecision.Suspend, "Under investigation."), CancellationToken.None);
            Assert.True(suspended.IsSuccess, suspended.Error?.Detail);
        }

        Assert.Equal("organisation-not-approved", Assert.IsType<Error.Conflict>((await AmendAsync(database, officer, police.Id, fix)).Error).Code);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Amend_WritesNoLogEntryAndKeepsTheVersion_WhenNothingChanged(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var officer = await ApprovedOfficerAsync(database, "Albion Defence Systems Ltd", "01234567");
        var police = (await RegisterAsync(database, officer, Police)).Value!;
        var before = await QueryAsync(database, db => db.Counterparties.SingleAsync(TestContext.Current.CancellationToken));
        var entries = await QueryAsync(database, db => db.LogEntries.CountAsync(TestContext.Current.CancellationToken));

        // The same values as typed again: surrounding blanks and a lower-case country normalise to what is stored.
        var same = await AmendAsync(database, officer, police.Id, Police with { Name = " Thames Valley Police ", Country = "gb" });

        Assert.True(same.IsSuccess, same.Error?.Detail);
        // PostgreSQL keeps microseconds, the registration's view carries ticks: the time is compared apart.
        Assert.Equal(police with { RegisteredAt = default }, same.Value! with { RegisteredAt = default });
        Assert.Equal(police.RegisteredAt, same.Value!.RegisteredAt, TimeSpan.FromMilliseconds(1));
        var after = await QueryAsync(database, db => db.Counterparties.SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal((before.Version, before.ChangedAt), (after.Version, after.ChangedAt));
        Assert.Equal(entries, await QueryAsync(database, db => db.LogEntries.CountAsync(TestContext.Current.CancellationToken)));
    }
}
