using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Entente.Application.Persistence;
using Entente.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Entente.Web.Tests.Features.Treaties.TreatyScenarios;

namespace Entente.Web.Tests.Features.Treaties;

[Collection(WebCollection.Name)]
public sealed class TreatyApiTests(Hosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> StatusOf(HttpClient client) => await client.GetFromJsonAsync<JsonElement>("/api/v1/treaties/current", Ct);

    private static async Task<JsonElement> AssessAsync(HttpClient client, JsonObject scenario)
    {
        var response = await client.PostAsync("/api/v1/assessments", Body(scenario), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<JsonElement>();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GetCurrent_ShowsSeededTreatyInForce_WithItsHistory(Provider provider)
    {
        var factory = hosts.For(provider);
        var auditor = await factory.ClientForAsync("auditor@fsvts.example");

        var treaty = await StatusOf(auditor);

        Assert.Equal("gb-ru-2014", treaty.GetProperty("treatyId").GetString());
        Assert.Equal("gb-ru-2014/1", treaty.GetProperty("versionInForce").GetString());
        var history = treaty.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["Signed", "Signed", "Ratified", "Ratified"], history.Take(4).Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("InForce", history[3].GetProperty("statusAfter").GetString());
        Assert.All(treaty.GetProperty("authorities").EnumerateArray(), a => Assert.NotEqual(JsonValueKind.Null, a.GetProperty("ratifiedAt").ValueKind));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Lifecycle_SuspendsAtOnce_AndResumesOnlyWithBothConsents(Provider provider)
    {
        var factory = hosts.For(provider);
        var gb = await factory.ClientForAsync("officer@ecju.example");
        var ru = await factory.ClientForAsync("officer@fsvts.example");
        var auditor = await factory.ClientForAsync("auditor@ecju.example");
        Assert.Equal("InForce", (await StatusOf(gb)).GetProperty("status").GetString());
        Assert.Equal("Authorised", (await AssessAsync(auditor, Clean())).GetProperty("outcome").GetString());

        // GB suspends, as the UK did in March 2014: one step, one log entry, effective at once.
        var before = await factory.CountLogEntriesAsync();
        var suspended = await gb.PostAsJsonAsync("/api/v1/treaties/current/suspend", new { reason = "Military cooperation suspended, March 2014." }, Ct);
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        var view = await suspended.ReadAsync<JsonElement>();
        Assert.Equal("Suspended", view.GetProperty("status").GetString());
        Assert.Equal("GB-MOD", view.GetProperty("suspendedBy").GetString());
        Assert.Equal(before + 1, await factory.CountLogEntriesAsync());

        // Assessments under the recorded status are now Prohibited by Art. 3; a what-if with an explicit status is not.
        var during = await AssessAsync(auditor, Clean());
        Assert.Equal("Prohibited", during.GetProperty("outcome").GetString());
        var art3 = Assert.Single(during.GetProperty("reasons").EnumerateArray());
        Assert.Equal("Art. 3", art3.GetProperty("clause").GetString());
        Assert.Contains("suspended", art3.GetProperty("en").GetString(), StringComparison.Ordinal);
        Assert.Equal("Authorised", (await AssessAsync(auditor, Clean(status: "InForce"))).GetProperty("outcome").GetString());

        // RU alone cannot resume; its consent is recorded and a second consent is refused.
        var ruConsents = await ru.PostAsync("/api/v1/treaties/current/resume", null, Ct);
        Assert.Equal(HttpStatusCode.OK, ruConsents.StatusCode);
        Assert.Equal("Suspended", (await ruConsents.ReadAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(before + 2, await factory.CountLogEntriesAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await ru.PostAsync("/api/v1/treaties/current/resume", null, Ct)).StatusCode);
        Assert.Equal("Prohibited", (await AssessAsync(auditor, Clean())).GetProperty("outcome").GetString());

        // GB consents too: back in force, and assessments follow.
        var gbConsents = await gb.PostAsync("/api/v1/treaties/current/resume", null, Ct);
        Assert.Equal(HttpStatusCode.OK, gbConsents.StatusCode);
        var resumed = await gbConsents.ReadAsync<JsonElement>();
        Assert.Equal("InForce", resumed.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, resumed.GetProperty("suspensionReason").ValueKind);
        Assert.Equal(before + 3, await factory.CountLogEntriesAsync());
        Assert.Equal("Authorised", (await AssessAsync(auditor, Clean())).GetProperty("outcome").GetString());

        var tail = resumed.GetProperty("history").EnumerateArray().TakeLast(3).ToList();
        Assert.Equal(["Suspended", "ResumptionConsented", "ResumptionConsented"], tail.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(["GB", "RU", "GB"], tail.Select(e => e.GetProperty("party").GetString()));
        Assert.Equal("Military cooperation suspended, March 2014.", tail[0].GetProperty("reason").GetString());
        var logged = await factory.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<EntenteDbContext>().LogEntries
            .Where(e => e.Subject == "treaty/gb-ru-2014").OrderByDescending(e => e.Sequence).Take(3).Select(e => e.Action).ToList()));
        Assert.Equal(["treaty.resumption-consented", "treaty.resumption-consented", "treaty.suspended"], logged);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Lifecycle_RefusesIllegalAndUnauthorisedSteps_AndLogsNothing(Provider provider)
    {
        var factory = hosts.For(provider);
        var gb = await factory.ClientForAsync("officer@ecju.example");
        var auditor = await factory.ClientForAsync("auditor@ecju.example");
        var member = await factory.ClientForAsync("member@albion.example");
        var before = await factory.CountLogEntriesAsync();

        // In force: it cannot be signed, ratified or resumed again.
        foreach (var step in new[] { "sign", "ratify", "resume" })
        {
            var refused = await gb.PostAsync("/api/v1/treaties/current/" + step, null, Ct);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var problem = await refused.ReadAsync<JsonElement>();
            Assert.Equal("treaty-step-not-open", problem.GetProperty("code").GetString());
            Assert.Contains("InForce", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var noReason = await gb.PostAsJsonAsync("/api/v1/treaties/current/suspend", new { reason = "  " }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.ReadAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));

        foreach (var step in new[] { "sign", "ratify", "resume", "terminate" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync("/api/v1/treaties/current/" + step, null, Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/v1/treaties/current/suspend", new { reason = "Auditors do not suspend." }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/v1/treaties/current/suspend", new { reason = "Members do not suspend." }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/v1/treaties/current", Ct)).StatusCode);

        Assert.Equal(before, await factory.CountLogEntriesAsync());
        Assert.Equal("InForce", (await StatusOf(auditor)).GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Assess_ReturnsDecisionWithReasons_ForOfficersAndAuditors(Provider provider)
    {
        var factory = hosts.For(provider);
        var clients = new[] { await factory.ClientForAsync("officer@fsvts.example"), await factory.ClientForAsync("auditor@ecju.example") };
        var before = await factory.CountLogEntriesAsync();

        foreach (var client in clients)
        {
            var decision = await AssessAsync(client, Clean("ML4", "Component", "InForce"));
            Assert.Equal("web-ML4", decision.GetProperty("id").GetString());
            Assert.Equal("Prohibited", decision.GetProperty("outcome").GetString());
            Assert.Equal("gb-ru-2014/1", decision.GetProperty("treatyVersion").GetString());
            var reason = Assert.Single(decision.GetProperty("reasons").EnumerateArray());
            Assert.Equal("Art. 7", reason.GetProperty("clause").GetString());
            Assert.Matches("[а-яА-Я]", reason.GetProperty("ru").GetString()!);

            var missile = await AssessAsync(client, Clean("7A117"));
            Assert.Equal("Prohibited", missile.GetProperty("outcome").GetString());
            Assert.Equal("Authorised", (await AssessAsync(client, Clean("5A002a1"))).GetProperty("outcome").GetString());
        }

        // A check is not a decision on a real transfer: nothing is recorded.
        Assert.Equal(before, await factory.CountLogEntriesAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Assess_IsForbidden_ForMembers(Provider provider)
    {
        var factory = hosts.For(provider);
        var member = await factory.ClientForAsync("member@kalashnikov.example");
        var complianceOfficer = await factory.ClientForAsync("officer@albion.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync("/api/v1/assessments", Body(Clean()), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await complianceOfficer.PostAsync("/api/v1/assessments", Body(Clean()), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsync("/api/v1/assessments", Body(Clean()), Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Assess_ReturnsProblemNamingTheFault_WhenInputIsInvalid(Provider provider)
    {
        var factory = hosts.For(provider);
        var officer = await factory.ClientForAsync("officer@ecju.example");
        var missingImporter = Clean();
        missingImporter.Remove("importer");
        var badForm = Clean(form: "Boxed");

        foreach (var (body, expected) in new[]
        {
            (Body(Clean("XX12")), "item.rating 'XX12' is not on the control list"),
            (Body(Clean("ML99z")), "item.rating 'ML99z' is not on the control list"),
            (Body(missingImporter), "importer"),
            (Body(badForm), "Boxed"),
            (Body(Clean(status: "Active")), "Active"),
            (Body("{\"id\": \"truncated\", \"treaty\":"), "not valid JSON"),
            (Body(""), "a scenario is required"),
        })
        {
            var response = await officer.PostAsync("/api/v1/assessments", body, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.ReadAsync<JsonElement>();
            Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains(expected, problem.GetProperty("errors").GetProperty("scenario")[0].GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Amendment_TakesEffectOnceBothAccept_ThenTerminationIsFinal(Provider provider)
    {
        // Its own host: termination is final, and the shared host must stay in force for the other tests.
        if (provider == Provider.Postgres && !EntenteWebFactory.PostgresConfigured)
        {
            Assert.Skip("ENTENTE_TEST_POSTGRES is not set: PostgreSQL tests run under ./test.sh, which starts a throwaway server.");
        }

        await using var factory = new EntenteWebFactory(provider);
        var gb = await factory.ClientForAsync("officer@ecju.example");
        var ru = await factory.ClientForAsync("officer@fsvts.example");
        var auditor = await factory.ClientForAsync("auditor@fsvts.example");

        // Version 2 moves ML13 (armour) from Authorised to LicenceRequired.
        var file = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Entente.Testing.SharedData.RepositoryRoot, "treaties", "gb-ru-2014.json"), Ct))!.AsObject();
        file["version"] = "gb-ru-2014/2";
        var ml13 = file["annexA"]!["entries"]!.AsArray().Single(e => (string?)e!["entry"] == "ML13")!;
        ml13["complete"] = "LicenceRequired";
        ml13["component"] = "LicenceRequired";

        var before = await factory.CountLogEntriesAsync();
        var invalid = await gb.PostAsJsonAsync("/api/v1/treaties/current/amendments", new { treatyJson = "{\"id\": \"gb-ru-2014\"}" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var proposed = await gb.PostAsJsonAsync("/api/v1/treaties/current/amendments", new { treatyJson = file.ToJsonString() }, Ct);
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        Assert.Equal("gb-ru-2014/1", (await proposed.ReadAsync<JsonElement>()).GetProperty("versionInForce").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await gb.PostAsJsonAsync("/api/v1/treaties/current/amendments/accept", new { version = "gb-ru-2014/2" }, Ct)).StatusCode);
        Assert.Equal("gb-ru-2014/1", (await AssessAsync(auditor, Clean())).GetProperty("treatyVersion").GetString());

        var accepted = await ru.PostAsJsonAsync("/api/v1/treaties/current/amendments/accept", new { version = "gb-ru-2014/2" }, Ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var view = await accepted.ReadAsync<JsonElement>();
        Assert.Equal("gb-ru-2014/2", view.GetProperty("versionInForce").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("pendingAmendment").ValueKind);
        Assert.Equal(before + 2, await factory.CountLogEntriesAsync());

        var amended = await AssessAsync(auditor, Clean());
        Assert.Equal("gb-ru-2014/2", amended.GetProperty("treatyVersion").GetString());
        Assert.Equal("LicenceRequired", amended.GetProperty("outcome").GetString());

        // Either authority terminates; nothing reopens a terminated treaty, and every record stays.
        var terminated = await ru.PostAsync("/api/v1/treaties/current/terminate", null, Ct);
        Assert.Equal(HttpStatusCode.OK, terminated.StatusCode);
        Assert.Equal("Terminated", (await terminated.ReadAsync<JsonElement>()).GetProperty("status").GetString());
        foreach (var step in new[] { "resume", "terminate", "sign" })
        {
            Assert.Equal(HttpStatusCode.Conflict, (await gb.PostAsync("/api/v1/treaties/current/" + step, null, Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Conflict, (await gb.PostAsJsonAsync("/api/v1/treaties/current/suspend", new { reason = "Too late." }, Ct)).StatusCode);
        Assert.Equal(before + 3, await factory.CountLogEntriesAsync());
        var final = await AssessAsync(auditor, Clean());
        Assert.Equal("Prohibited", final.GetProperty("outcome").GetString());
        var art3 = final.GetProperty("reasons").EnumerateArray().First();
        Assert.Equal("Art. 3", art3.GetProperty("clause").GetString());
        Assert.Contains("terminated", art3.GetProperty("en").GetString(), StringComparison.Ordinal);
        Assert.Equal(7, (await StatusOf(auditor)).GetProperty("history").GetArrayLength());
    }
}
