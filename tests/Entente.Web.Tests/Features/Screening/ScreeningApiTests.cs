using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Entente.Application.Common;
using Entente.Application.Persistence;
using Entente.Application.Screening;
using Entente.Application.Seeding;
using Entente.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Web.Tests.Features.Screening;

[Collection(WebCollection.Name)]
public sealed class ScreeningApiTests(Hosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Imports a one-entity list under a name of its own, so tests sharing a host do not see each other's lists.</summary>
    private static async Task<string> ImportAsync(EntenteWebFactory factory, string entityName, string aliases)
    {
        var listName = "web-" + Guid.NewGuid().ToString("N")[..10];
        var file = Path.Combine(Path.GetTempPath(), listName + ".csv");
        await File.WriteAllTextAsync(file, "id,type,name,aliases,country\nX1,organisation," + entityName + "," + aliases + ",RU\n", Ct);
        try
        {
            var result = await factory.WithScopeAsync(sp => sp.GetRequiredService<ImportListHandler>().HandleAsync(Actor.System, new ImportList(file, "entente-csv", listName), null, CancellationToken.None));
            Assert.True(result.IsSuccess, result.Error?.Detail);
            return listName;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<Guid> RegisterAsync(EntenteWebFactory factory, string nameEn, string nameRu)
    {
        var number = Numbers.CompaniesHouse();
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/organisations", new
        {
            legalNameEn = nameEn,
            legalNameRu = nameRu,
            party = "GB",
            registrationNumber = number,
            address = "4 Wharf Road, Birmingham",
            contactName = "Compliance desk",
            contactEmail = $"desk{number}@test.example",
            officerEmail = $"officer{number}@test.example",
            officerDisplayName = "Test Officer",
            officerPassword = "Correct-Horse-2014",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadAsync<JsonElement>();
        Assert.False(body.TryGetProperty("screeningHitsOpened", out _));
        var id = body.GetProperty("organisationId").GetGuid();
        Emails[id] = $"officer{number}@test.example";
        return id;
    }

    private static string OfficerEmail(Guid organisationId) => Emails[organisationId];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, string> Emails = new();

    private static Task<ScreeningHit> HitAsync(EntenteWebFactory factory, Guid organisationId, string listName) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<EntenteDbContext>().ScreeningHits.AsNoTracking().SingleAsync(h => h.OrganisationId == organisationId && h.ListName == listName, Ct));

    private static Task<int> LogEntriesAboutAsync(EntenteWebFactory factory, Guid hitId) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<EntenteDbContext>().LogEntries.CountAsync(e => e.Subject == "screening-hit/" + hitId.ToString("D") && e.Action != "screening.hit-opened", Ct));

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Search_ReturnsExplainedMatches_ForAComplianceOfficerButNotAMember(Provider provider)
    {
        var factory = hosts.For(provider);
        var listName = await ImportAsync(factory, "ROSOBORONEXPORT OAO", "Рособоронэкспорт;Rosoboroneksport");
        var officer = await factory.ClientForAsync("officer@albion.example");
        var member = await factory.ClientForAsync("member@albion.example");

        var response = await officer.PostAsJsonAsync("/api/v1/screening/search", new { name = "Рособоронэкспорт АО" }, Ct);
        var refused = await member.PostAsJsonAsync("/api/v1/screening/search", new { name = "Рособоронэкспорт" }, Ct);
        var blank = await officer.PostAsJsonAsync("/api/v1/screening/search", new { name = " " }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadAsync<JsonElement>();
        var match = body.GetProperty("matches").EnumerateArray().Single(m => m.GetProperty("list").GetString() == listName);
        Assert.Equal("X1", match.GetProperty("entityId").GetString());
        Assert.InRange(match.GetProperty("score").GetDouble(), 0.9, 1.0);
        var pair = match.GetProperty("explanation").GetProperty("pairs")[0];
        Assert.Equal("Рособоронэкспорт", pair.GetProperty("queryToken").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Clear_RecordsOneLogEntryAndKeepsItCleared_WhenTheGbOfficerDecides(Provider provider)
    {
        var factory = hosts.For(provider);
        // A name the seeded demo list does not hold: its one hit is the organisation's only one, so clearing it clears the flag.
        var listName = await ImportAsync(factory, "TULA ARMS PLANT JSC", "Тульский оружейный завод");
        var organisationId = await RegisterAsync(factory, "Tula Arms Plant Ltd", "Тульский оружейный завод");
        var hit = await HitAsync(factory, organisationId, listName);
        var gb = await factory.ClientForAsync("officer@ecju.example");
        var ru = await factory.ClientForAsync("officer@fsvts.example");
        var auditor = await factory.ClientForAsync("auditor@ecju.example");

        var before = await gb.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{organisationId}", Ct);
        var ownOfficer = await factory.ClientForAsync(OfficerEmail(organisationId));
        var ownView = await ownOfficer.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{organisationId}", Ct);
        var queue = await gb.GetFromJsonAsync<JsonElement>("/api/v1/screening/hits?status=open&limit=200&sort=opened&descending=true", Ct);
        var ruQueue = await ru.GetFromJsonAsync<JsonElement>("/api/v1/screening/hits?status=all&limit=200", Ct);
        var byRu = await ru.PostAsJsonAsync($"/api/v1/screening/hits/{hit.Id}/clear", new { reason = "not ours" }, Ct);
        var byAuditor = await auditor.PostAsJsonAsync($"/api/v1/screening/hits/{hit.Id}/clear", new { reason = "looks fine" }, Ct);
        var noReason = await gb.PostAsJsonAsync($"/api/v1/screening/hits/{hit.Id}/clear", new { reason = "" }, Ct);
        var cleared = await gb.PostAsJsonAsync($"/api/v1/screening/hits/{hit.Id}/clear", new { reason = "A Birmingham gunsmith's trading name; no link with the Tula plant." }, Ct);
        var twice = await gb.PostAsJsonAsync($"/api/v1/screening/hits/{hit.Id}/confirm", new { reason = "second thoughts" }, Ct);

        Assert.Contains(queue.GetProperty("items").EnumerateArray(), h => h.GetProperty("id").GetGuid() == hit.Id && h.GetProperty("status").GetString() == "Open");
        Assert.DoesNotContain(ruQueue.GetProperty("items").EnumerateArray(), h => h.GetProperty("id").GetGuid() == hit.Id);
        Assert.Equal(HttpStatusCode.NotFound, byRu.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAuditor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal("Cleared", (await cleared.ReadAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(1, await LogEntriesAboutAsync(factory, hit.Id));
        Assert.Equal(HitStatus.Cleared, (await HitAsync(factory, organisationId, listName)).Status);
        Assert.True(before.GetProperty("openScreeningHit").GetBoolean());
        Assert.False(ownView.GetProperty("openScreeningHit").GetBoolean());
        Assert.False((await gb.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{organisationId}", Ct)).GetProperty("openScreeningHit").GetBoolean());
        var clearedQueue = await gb.GetFromJsonAsync<JsonElement>("/api/v1/screening/hits?status=cleared&limit=200", Ct);
        Assert.Contains(clearedQueue.GetProperty("items").EnumerateArray(), h => h.GetProperty("id").GetGuid() == hit.Id);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Hits_SortAndPage_AndRejectAnUnknownSortOrStatus(Provider provider)
    {
        var factory = hosts.For(provider);
        var listName = await ImportAsync(factory, "SUKHOI COMPANY JSC", "АО Компания Сухой;Sukhoi Aviation");
        await RegisterAsync(factory, "Sukhoi Company UK Ltd", "Компания Сухой");
        await RegisterAsync(factory, "Sukhoi Aviation Services Ltd", "Сухой Авиация");
        var auditor = await factory.ClientForAsync("auditor@ecju.example");

        var byScore = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/screening/hits?status=all&sort=score&descending=true&limit=200", Ct);
        var firstPage = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/screening/hits?status=all&sort=score&descending=true&limit=1", Ct);
        var badSort = await auditor.GetAsync("/api/v1/screening/hits?sort=colour", Ct);
        var badStatus = await auditor.GetAsync("/api/v1/screening/hits?status=maybe", Ct);

        var scores = byScore.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.Contains(byScore.GetProperty("items").EnumerateArray(), h => h.GetProperty("list").GetString() == listName);
        Assert.Equal(1, firstPage.GetProperty("items").GetArrayLength());

        // Following the cursors one hit at a time reads the same hits in the same order as one long slice.
        var seen = new List<Guid>();
        var slice = firstPage;
        while (true)
        {
            seen.AddRange(slice.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("id").GetGuid()));
            if (slice.GetProperty("next").GetString() is not { } next)
            {
                break;
            }

            slice = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/screening/hits?status=all&limit=1&cursor=" + Uri.EscapeDataString(next), Ct);
        }

        Assert.Equal(byScore.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("id").GetGuid()), seen);
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Confirm_SuspendsTheApprovedOrganisation_WithOneLogEntry(Provider provider)
    {
        var factory = hosts.For(provider);
        var listName = await ImportAsync(factory, "ROSTEKHNOLOGII STATE CORPORATION", "Ростехнологии;Rostec");
        var organisationId = await RegisterAsync(factory, "Rostekhnologii Ltd", "Ростехнологии");
        var gb = await factory.ClientForAsync("officer@ecju.example");
        Assert.Equal(HttpStatusCode.OK, (await gb.PostAsJsonAsync($"/api/v1/organisations/{organisationId}/decisions", new { decision = "Approve" }, Ct)).StatusCode);
        var hit = await HitAsync(factory, organisationId, listName);

        var confirmed = await gb.PostAsJsonAsync($"/api/v1/screening/hits/{hit.Id}/confirm", new { reason = "Same directors as the listed corporation." }, Ct);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var organisation = await gb.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{organisationId}", Ct);
        Assert.Equal("Suspended", organisation.GetProperty("status").GetString());
        Assert.Contains("ROSTEKHNOLOGII STATE CORPORATION", organisation.GetProperty("statusReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await LogEntriesAboutAsync(factory, hit.Id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Upload_ImportsAVersionForTheAdministrator_AndRefusesAMalformedFileAndOthers(Provider provider)
    {
        var factory = hosts.For(provider);
        var listName = "upload-" + Guid.NewGuid().ToString("N")[..8];
        var admin = await factory.ClientForAsync("admin@entente.example");
        var officer = await factory.ClientForAsync("officer@ecju.example");
        using var good = new StringContent("id,type,name,aliases,country\nU1,organisation,Almaz-Antey Air Defence Concern,Концерн ВКО «Алмаз-Антей»,RU\n", System.Text.Encoding.UTF8, "text/csv");
        using var bad = new StringContent("id,type,name,aliases,country\nU1,organisation,Almaz-Antey,,RU\nU2,organisation\n", System.Text.Encoding.UTF8, "text/csv");
        using var refusedBody = new StringContent("id,type,name,aliases,country\n", System.Text.Encoding.UTF8, "text/csv");

        var created = await admin.PostAsync($"/api/v1/screening/lists/{listName}/versions?format=entente-csv&fileName=internal-2026-11.csv", good, Ct);
        var malformed = await admin.PostAsync($"/api/v1/screening/lists/{listName}/versions?format=entente-csv&fileName=broken.csv", bad, Ct);
        var refused = await officer.PostAsync($"/api/v1/screening/lists/{listName}/versions?format=entente-csv", refusedBody, Ct);
        var lists = await admin.GetFromJsonAsync<JsonElement>("/api/v1/screening/lists", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1, (await created.ReadAsync<JsonElement>()).GetProperty("added").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("line 3", await malformed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var versions = lists.EnumerateArray().Single(l => l.GetProperty("name").GetString() == listName).GetProperty("versions");
        Assert.Equal(1, versions.GetArrayLength());
        Assert.Equal("internal-2026-11.csv", versions[0].GetProperty("sourceFileName").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HitQueueForms_ClearWithAReasonOnly_WhenTheGbOfficerPosts(Provider provider)
    {
        var factory = hosts.For(provider);
        var listName = await ImportAsync(factory, "ALMAZ-ANTEY CONCERN", "Концерн Алмаз-Антей");
        var organisationId = await RegisterAsync(factory, "Almaz-Antey Concern Ltd", "Концерн Алмаз-Антей");
        var hit = await HitAsync(factory, organisationId, listName);
        var session = new BrowserlessSession(factory);
        await session.SignInAsync("officer@ecju.example", DemoCommunity.Password, "JBSWY3DPEHPK3PXPGBOFFICR");

        var queue = await session.Client.GetStringAsync("/screening/hits?sort=opened&desc=true&page=1", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(queue, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.True(token.Success);
        Assert.Contains($"action=\"/screening/hits/{hit.Id}/clear\"", queue, StringComparison.Ordinal);
        Dictionary<string, string> Form(string reason) => new(StringComparer.Ordinal) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value), ["reason"] = reason };
        using var blank = new FormUrlEncodedContent(Form(""));
        using var reasoned = new FormUrlEncodedContent(Form("Trading name of a Leeds surveying firm."));
        var refused = await session.Client.PostAsync($"/screening/hits/{hit.Id}/clear", blank, Ct);
        var stillOpen = (await HitAsync(factory, organisationId, listName)).Status;
        var cleared = await session.Client.PostAsync($"/screening/hits/{hit.Id}/clear", reasoned, Ct);

        Assert.StartsWith("/screening/hits?error=", refused.LocationPath(), StringComparison.Ordinal);
        Assert.Equal(HitStatus.Open, stillOpen);
        Assert.Equal("/screening/hits?done=cleared", cleared.LocationPath());
        Assert.Equal(HitStatus.Cleared, (await HitAsync(factory, organisationId, listName)).Status);
        Assert.Equal(1, await LogEntriesAboutAsync(factory, hit.Id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Pages_ShowMatchesHitsAndLists_ToTheirRoles(Provider provider)
    {
        var factory = hosts.For(provider);
        var listName = await ImportAsync(factory, "TUPOLEV PJSC", "ПАО Туполев");
        await RegisterAsync(factory, "Tupolev Heritage Ltd", "Туполев");
        var compliance = new BrowserlessSession(factory);
        await compliance.SignInAsync("officer@albion.example", DemoCommunity.Password, null);
        var auditor = new BrowserlessSession(factory);
        await auditor.SignInAsync("auditor@ecju.example", DemoCommunity.Password, null);

        var screen = WebUtility.HtmlDecode(await compliance.Client.GetStringAsync("/screening?q=" + Uri.EscapeDataString("Туполев ПАО"), Ct));
        var lists = WebUtility.HtmlDecode(await compliance.Client.GetStringAsync("/screening/lists", Ct));
        var queue = WebUtility.HtmlDecode(await auditor.Client.GetStringAsync("/screening/hits?sort=opened&desc=true", Ct));
        var forbidden = await compliance.GetAsync("/screening/hits");

        Assert.Contains("id=\"matches\"", screen, StringComparison.Ordinal);
        Assert.Contains("TUPOLEV PJSC", screen, StringComparison.Ordinal);
        Assert.Contains(listName, lists, StringComparison.Ordinal);
        Assert.Contains("Tupolev Heritage Ltd", queue, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HitQueue_SummarisesTheReadersHitsByStatus_AsItsFiltersCountThem(Provider provider)
    {
        var factory = hosts.For(provider);
        var listName = await ImportAsync(factory, "ZLATOUST MACHINE PLANT JSC", "Златоустовский машиностроительный завод");
        await RegisterAsync(factory, "Zlatoust Machine Plant Ltd", "Златоустовский машиностроительный завод");
        var cleared = await HitAsync(factory, await RegisterAsync(factory, "Zlatoust Machine Plant Trading Ltd", "Златоустовский машиностроительный завод"), listName);
        var gb = await factory.ClientForAsync("officer@ecju.example");
        Assert.Equal(HttpStatusCode.OK, (await gb.PostAsJsonAsync($"/api/v1/screening/hits/{cleared.Id}/clear", new { reason = "A trading name only." }, Ct)).StatusCode);
        var auditor = new BrowserlessSession(factory);
        await auditor.SignInAsync("auditor@ecju.example", DemoCommunity.Password, null);
        async Task<string> PageAsync(string query) => WebUtility.HtmlDecode(await auditor.Client.GetStringAsync("/screening/hits" + query, Ct));
        static int Total(string html) => Regex.Match(html, "<p class=\"count\">(\\d+) in all</p>", RegexOptions.None, TimeSpan.FromSeconds(5)) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

        var queue = await PageAsync("");
        var byStatus = new[] { "open", "cleared", "confirmed" }.Select(async s => Total(await PageAsync("?status=" + s)));
        var listed = await Task.WhenAll(byStatus);

        var summary = Regex.Match(queue, "<figure class=\"chart-figure\" id=\"hits-by-status\">.*?</figure>", RegexOptions.Singleline, TimeSpan.FromSeconds(5)).Value;
        var legend = Regex.Matches(summary, "<span class=\"series\">([^<]*)</span>\\s*<span class=\"total\">([^<]*)</span>", RegexOptions.None, TimeSpan.FromSeconds(5))
            .Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("en-GB")))).ToList();
        Assert.Equal([("Open", listed[0]), ("Cleared", listed[1]), ("Confirmed", listed[2])], legend);
        Assert.True(listed[0] >= 1 && listed[1] >= 1, $"open {listed[0]}, cleared {listed[1]}");
        Assert.Contains("role=\"img\"", summary, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"hits-by-status-desc\">Every hit of your party, whatever the filter below. In all: Open " + listed[0], summary, StringComparison.Ordinal);

        // The summary is the reader's party's: the RU officer's counts leave out the GB hits above.
        var ru = new BrowserlessSession(factory);
        await ru.SignInAsync("officer@fsvts.example", DemoCommunity.Password, "JBSWY3DPEHPK3PXPRUOFFICR");
        var ruQueue = WebUtility.HtmlDecode(await ru.Client.GetStringAsync("/screening/hits?status=all", Ct));
        var ruSummary = Regex.Match(ruQueue, "<figure class=\"chart-figure\" id=\"hits-by-status\">.*?</figure>", RegexOptions.Singleline, TimeSpan.FromSeconds(5)).Value;
        var ruTotals = Regex.Matches(ruSummary, "<span class=\"total\">([^<]*)</span>", RegexOptions.None, TimeSpan.FromSeconds(5)).Sum(m => int.Parse(m.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal(Total(ruQueue), ruTotals);
        Assert.DoesNotContain("Zlatoust", ruQueue, StringComparison.Ordinal);
    }

    /// <summary>Counts a queue's hits of one status by reading every slice of the list endpoint, cursor after cursor.</summary>
    private static async Task<int> ListedAsync(HttpClient client, string status)
    {
        var count = 0;
        var url = "/api/v1/screening/hits?status=" + status + "&limit=200";
        while (true)
        {
            var slice = await client.GetFromJsonAsync<JsonElement>(url, Ct);
            count += slice.GetProperty("items").GetArrayLength();
            if (slice.GetProperty("next").GetString() is not { } next)
            {
                return count;
            }

            url = "/api/v1/screening/hits?status=" + status + "&limit=200&cursor=" + Uri.EscapeDataString(next);
        }
    }

    private static async Task<(int Open, int Cleared, int Confirmed, int Total)> SummaryAsync(HttpClient client)
    {
        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/screening/hits/summary", Ct);
        return (body.GetProperty("open").GetInt32(), body.GetProperty("cleared").GetInt32(), body.GetProperty("confirmed").GetInt32(), body.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HitSummary_CountsTheReadersOwnPartysHitsByStatus_AndRefusesOthers(Provider provider)
    {
        var factory = hosts.For(provider);
        var gb = await factory.ClientForAsync("officer@ecju.example");
        var auditor = await factory.ClientForAsync("auditor@ecju.example");
        var ru = await factory.ClientForAsync("officer@fsvts.example");
        var gbBefore = await SummaryAsync(gb);
        var ruBefore = await SummaryAsync(ru);

        // Two GB organisations hit a list of their own; the GB officer clears one of the hits.
        var listName = await ImportAsync(factory, "VOTKINSK MACHINE BUILDING PLANT JSC", "Воткинский завод");
        var kept = await RegisterAsync(factory, "Votkinsk Machine Building Ltd", "Воткинский завод");
        var cleared = await HitAsync(factory, await RegisterAsync(factory, "Votkinsk Plant Trading Ltd", "Воткинский завод"), listName);
        Assert.Equal(HttpStatusCode.OK, (await gb.PostAsJsonAsync($"/api/v1/screening/hits/{cleared.Id}/clear", new { reason = "A trading name only." }, Ct)).StatusCode);
        // Registering screens against every list: count what the two organisations opened, whichever lists they hit.
        var opened = await factory.WithScopeAsync(sp => sp.GetRequiredService<EntenteDbContext>().ScreeningHits
            .CountAsync(h => h.OrganisationId == kept || h.OrganisationId == cleared.OrganisationId, Ct));

        var response = await gb.GetAsync("/api/v1/screening/hits/summary", Ct);
        var gbAfter = await SummaryAsync(gb);
        var byAuditor = await SummaryAsync(auditor);
        var ruAfter = await SummaryAsync(ru);
        var anonymous = await factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync("/api/v1/screening/hits/summary", Ct);
        var companyOfficer = await (await factory.ClientForAsync("officer@albion.example")).GetAsync("/api/v1/screening/hits/summary", Ct);
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(opened >= 2, $"opened {opened}");
        Assert.Equal((gbBefore.Open + opened - 1, gbBefore.Cleared + 1, gbBefore.Confirmed), (gbAfter.Open, gbAfter.Cleared, gbAfter.Confirmed));
        Assert.Equal(gbAfter.Open + gbAfter.Cleared + gbAfter.Confirmed, gbAfter.Total);
        // The summary counts what the queue lists, status by status.
        Assert.Equal((await ListedAsync(gb, "open"), await ListedAsync(gb, "cleared"), await ListedAsync(gb, "confirmed")), (gbAfter.Open, gbAfter.Cleared, gbAfter.Confirmed));
        Assert.Equal(gbAfter, byAuditor);
        // Only the reader's own party: the GB hits above leave the RU authority's counts as they were.
        Assert.Equal(ruBefore, ruAfter);
        Assert.Equal(await ListedAsync(ru, "all"), ruAfter.Total);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, companyOfficer.StatusCode);
        Assert.Equal("application/problem+json", companyOfficer.Content.Headers.ContentType?.MediaType);
        var operation = document.GetProperty("paths").GetProperty("/api/v1/screening/hits/summary").GetProperty("get");
        Assert.Equal("SummariseScreeningHits", operation.GetProperty("operationId").GetString());
        Assert.Contains("open, cleared and confirmed", operation.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }
}
