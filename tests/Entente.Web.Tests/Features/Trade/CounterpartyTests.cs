using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Entente.Application.Persistence;
using Entente.Application.Trade;
using Entente.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Web.Tests.Features.Trade;

[Collection(WebCollection.Name)]
public sealed class CounterpartyTests(Hosts hosts)
{
    private const string Password = "Entente-Demo-2014";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Body(string name, string country = "GB") => new
    {
        name,
        nativeName = (string?)null,
        country,
        address = "1 Test Street, Leeds",
        registrationNumber = (string?)null,
        isConsignee = true,
        isEndUser = false,
    };

    private static string Unique(string prefix) => prefix + " " + Guid.NewGuid().ToString("N")[..8];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Api_RegistersForTheComplianceOfficerAndAnswersProblems_ForEveryoneElse(Provider provider)
    {
        var factory = hosts.For(provider);
        var officer = await factory.ClientForAsync("officer@albion.example");
        var member = await factory.ClientForAsync("member@albion.example");
        var otherCompany = await factory.ClientForAsync("officer@kalashnikov.example");
        var gbAuthority = await factory.ClientForAsync("officer@ecju.example");
        var ruAuthority = await factory.ClientForAsync("officer@fsvts.example");
        var name = Unique("Yorkshire Range Services Ltd");

        var created = await officer.PostAsJsonAsync("/api/v1/counterparties", Body(name), Ct);
        var byMember = await member.PostAsJsonAsync("/api/v1/counterparties", Body(Unique("Other")), Ct);
        var invalid = await officer.PostAsJsonAsync("/api/v1/counterparties", Body(" ", "QQ"), Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = view.GetProperty("id").GetGuid();
        Assert.Equal(("Clear", name), (view.GetProperty("status").GetString(), view.GetProperty("name").GetString()));
        Assert.Equal("/api/v1/counterparties/" + id, created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal("application/problem+json", byMember.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("country", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/v1/counterparties/" + id, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gbAuthority.GetAsync("/api/v1/counterparties/" + id, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCompany.GetAsync("/api/v1/counterparties/" + id, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ruAuthority.GetAsync("/api/v1/counterparties/" + id, Ct)).StatusCode);
        var ruList = await ruAuthority.GetFromJsonAsync<JsonElement>("/api/v1/counterparties?search=" + Uri.EscapeDataString(name), Ct);
        Assert.Equal(0, ruList.GetProperty("items").GetArrayLength());
        var gbList = await gbAuthority.GetFromJsonAsync<JsonElement>("/api/v1/counterparties?search=" + Uri.EscapeDataString(name), Ct);
        Assert.Equal(1, gbList.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await gbAuthority.GetAsync("/api/v1/counterparties?status=lost", Ct)).StatusCode);

        var withdrawn = await officer.PostAsJsonAsync($"/api/v1/counterparties/{id}/withdrawal", new { reason = "Contract ended." }, Ct);
        var again = await officer.PostAsJsonAsync($"/api/v1/counterparties/{id}/withdrawal", new { reason = "Twice." }, Ct);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("Withdrawn", (await withdrawn.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Api_AmendsForTheComplianceOfficerAndAnswersProblems_ForEveryoneElse(Provider provider)
    {
        var factory = hosts.For(provider);
        var officer = await factory.ClientForAsync("officer@albion.example");
        var member = await factory.ClientForAsync("member@albion.example");
        var otherCompany = await factory.ClientForAsync("officer@kalashnikov.example");
        var gbAuthority = await factory.ClientForAsync("officer@ecju.example");
        var name = Unique("Pennine Ballistics Ltd");
        var taken = Unique("Dales Test Range Ltd");
        var id = (await (await officer.PostAsJsonAsync("/api/v1/counterparties", Body(name), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/v1/counterparties", Body(taken), Ct)).StatusCode);
        var moved = new
        {
            name,
            nativeName = (string?)null,
            country = "GB",
            address = "2 Mill Lane, Halifax",
            registrationNumber = (string?)null,
            isConsignee = true,
            isEndUser = false,
        };

        var byMember = await member.PutAsJsonAsync("/api/v1/counterparties/" + id, moved, Ct);
        var byOtherCompany = await otherCompany.PutAsJsonAsync("/api/v1/counterparties/" + id, moved, Ct);
        var byAuthority = await gbAuthority.PutAsJsonAsync("/api/v1/counterparties/" + id, moved, Ct);
        var missing = await officer.PutAsJsonAsync("/api/v1/counterparties/" + Guid.NewGuid(), moved, Ct);
        var invalid = await officer.PutAsJsonAsync("/api/v1/counterparties/" + id, Body(" ", "QQ"), Ct);
        var duplicate = await officer.PutAsJsonAsync("/api/v1/counterparties/" + id, Body(taken.ToUpperInvariant()), Ct);
        var amended = await officer.PutAsJsonAsync("/api/v1/counterparties/" + id, moved, Ct);

        foreach (var (response, status) in new[] { (byMember, HttpStatusCode.Forbidden), (byOtherCompany, HttpStatusCode.NotFound), (byAuthority, HttpStatusCode.Forbidden), (missing, HttpStatusCode.NotFound), (duplicate, HttpStatusCode.Conflict) })
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal("duplicate-counterparty", (await duplicate.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("country", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        var view = await amended.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("2 Mill Lane, Halifax", "Clear", name), (view.GetProperty("address").GetString(), view.GetProperty("status").GetString(), view.GetProperty("name").GetString()));
        Assert.Equal("2 Mill Lane, Halifax", (await member.GetFromJsonAsync<JsonElement>("/api/v1/counterparties/" + id, Ct)).GetProperty("address").GetString());

        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/counterparties/{id}/withdrawal", new { reason = "Contract ended." }, Ct)).StatusCode);
        var ofWithdrawn = await officer.PutAsJsonAsync("/api/v1/counterparties/" + id, Body(name), Ct);
        Assert.Equal(HttpStatusCode.Conflict, ofWithdrawn.StatusCode);
        Assert.Equal("counterparty-not-active", (await ofWithdrawn.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Api_PagesByCursor_EachCounterpartyOnceInTheSameOrderAsOneLongSlice(Provider provider)
    {
        var factory = hosts.For(provider);
        var officer = await factory.ClientForAsync("officer@severn.example");
        var authority = await factory.ClientForAsync("officer@ecju.example");
        foreach (var name in new[] { "Bravo Range Ltd", "Alpha Range Ltd", "Charlie Range Ltd" })
        {
            Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/v1/counterparties", Body(Unique(name)), Ct)).StatusCode);
        }

        var whole = await authority.GetFromJsonAsync<JsonElement>("/api/v1/counterparties?sort=organisation&descending=true&limit=200", Ct);
        var expected = whole.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(JsonValueKind.Null, whole.GetProperty("next").ValueKind);

        var seen = new List<Guid>();
        var url = "/api/v1/counterparties?sort=organisation&descending=true&limit=2";
        while (true)
        {
            var slice = await authority.GetFromJsonAsync<JsonElement>(url, Ct);
            seen.AddRange(slice.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            if (slice.GetProperty("next").GetString() is not { } next)
            {
                break;
            }

            url = "/api/v1/counterparties?limit=2&cursor=" + Uri.EscapeDataString(next);
        }

        Assert.True(expected.Count >= 5, "the demo's and this test's counterparties of GB organisations");
        Assert.Equal(expected, seen);
        var bad = await authority.GetAsync("/api/v1/counterparties?cursor=not-a-cursor", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Pages_RegisterThroughTheFormAndWithdrawWithItsToken(Provider provider)
    {
        var factory = hosts.For(provider);
        var session = new BrowserlessSession(factory);
        await session.SignInAsync("officer@albion.example", Password, null);
        var name = Unique("Cumbria Proof House Ltd");

        var register = await session.Client.GetStringAsync("/counterparties", Ct);
        Assert.Contains("Almaz-Antey Air and Space Defence Corporation JSC", register, StringComparison.Ordinal);
        Assert.Contains("name=\"_handler\" value=\"register-counterparty\"", register, StringComparison.Ordinal);

        var refused = await session.SubmitAsync("/counterparties", "register-counterparty", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Input.Name"] = name,
            ["Input.Country"] = "ZZ",
            ["Input.Address"] = "Carlisle",
            ["Input.IsEndUser"] = "true",
        });
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("data-field=\"country\"", refusedHtml, StringComparison.Ordinal);

        var response = await session.SubmitAsync("/counterparties", "register-counterparty", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Input.Name"] = name,
            ["Input.Country"] = "gb",
            ["Input.Address"] = "Carlisle",
            ["Input.IsEndUser"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = BrowserlessSession.LocationPath(response)!;
        Assert.StartsWith("/counterparties/", location, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await session.Client.GetStringAsync(location, Ct));
        Assert.Contains("<h1>" + name + "</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Registered and screened.", page, StringComparison.Ordinal);

        var id = Guid.Parse(location["/counterparties/".Length..].Split('?')[0]);
        var forged = await session.Client.PostAsync($"/counterparties/{id}/withdraw", new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal) { ["reason"] = "x" }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(CounterpartyStatus.Clear, await StatusAsync(factory, id));

        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var withdrawn = await session.Client.PostAsync($"/counterparties/{id}/withdraw", new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["reason"] = "No longer a customer.",
            ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal($"/counterparties/{id}?withdrawn=true", BrowserlessSession.LocationPath(withdrawn));
        Assert.Equal(CounterpartyStatus.Withdrawn, await StatusAsync(factory, id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Pages_AmendThroughTheFormWithItsToken_AndShowTheNewValue(Provider provider)
    {
        var factory = hosts.For(provider);
        var officer = await factory.ClientForAsync("officer@albion.example");
        var name = Unique("Lakeland Optics Ltd");
        var id = (await (await officer.PostAsJsonAsync("/api/v1/counterparties", Body(name), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var session = new BrowserlessSession(factory);
        await session.SignInAsync("officer@albion.example", Password, null);
        var member = new BrowserlessSession(factory);
        await member.SignInAsync("member@albion.example", Password, null);

        var page = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/counterparties/{id}", Ct));
        Assert.Contains("name=\"_handler\" value=\"amend-counterparty\"", page, StringComparison.Ordinal);
        Assert.Contains($"action=\"/counterparties/{id}/amend\"", page, StringComparison.Ordinal);
        Assert.Contains("1 Test Street, Leeds</textarea>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("amend-counterparty", await member.Client.GetStringAsync($"/counterparties/{id}", Ct), StringComparison.Ordinal);

        var forged = await session.Client.PostAsync($"/counterparties/{id}/amend", new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["_handler"] = "amend-counterparty",
            ["Input.Name"] = name,
            ["Input.Country"] = "GB",
            ["Input.Address"] = "Forged Road",
            ["Input.IsConsignee"] = "true",
        }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("1 Test Street, Leeds", await AddressAsync(factory, id));

        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Input.Name"] = name,
            ["Input.Country"] = "ZZ",
            ["Input.Address"] = "3 Lake Road, Kendal",
            ["Input.IsConsignee"] = "true",
        };
        var refused = await session.SubmitAsync($"/counterparties/{id}/amend", "amend-counterparty", fields);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("data-field=\"country\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("3 Lake Road, Kendal</textarea>", refusedHtml, StringComparison.Ordinal);
        Assert.Equal("1 Test Street, Leeds", await AddressAsync(factory, id));

        fields["Input.Country"] = "gb";
        var response = await session.SubmitAsync($"/counterparties/{id}/amend", "amend-counterparty", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/counterparties/{id}?amended=true", BrowserlessSession.LocationPath(response));
        var amended = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/counterparties/{id}?amended=true", Ct));
        Assert.Contains("id=\"amended\"", amended, StringComparison.Ordinal);
        Assert.Contains("<dd>3 Lake Road, Kendal</dd>", amended, StringComparison.Ordinal);
        Assert.Equal("3 Lake Road, Kendal", await AddressAsync(factory, id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Pages_NameTheCountryInTheReadersLanguage_WhileTheApiKeepsTheCode(Provider provider)
    {
        var factory = hosts.For(provider);
        var officer = await factory.ClientForAsync("officer@albion.example");
        var name = Unique("Steppe Survey Instruments LLP");
        var registered = await (await officer.PostAsJsonAsync("/api/v1/counterparties", Body(name, "kz"), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = registered.GetProperty("id").GetGuid();
        Assert.Equal("KZ", registered.GetProperty("country").GetString());
        var session = new BrowserlessSession(factory);
        await session.SignInAsync("officer@albion.example", Password, null);
        var list = "/counterparties?q=" + Uri.EscapeDataString(name);

        var english = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/counterparties/{id}", Ct));
        Assert.Contains("<dd>KZ (Kazakhstan)</dd>", english, StringComparison.Ordinal);
        Assert.Contains("<abbr title=\"Kazakhstan\">KZ</abbr>", WebUtility.HtmlDecode(await session.Client.GetStringAsync(list, Ct)), StringComparison.Ordinal);

        await session.GetAsync($"/culture/ru?returnUrl=%2Fcounterparties%2F{id}");
        var russian = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/counterparties/{id}", Ct));
        Assert.Contains("<dd>KZ (Казахстан)</dd>", russian, StringComparison.Ordinal);
        Assert.DoesNotContain("Kazakhstan", russian, StringComparison.Ordinal);
        Assert.Contains("<abbr title=\"Казахстан\">KZ</abbr>", WebUtility.HtmlDecode(await session.Client.GetStringAsync(list, Ct)), StringComparison.Ordinal);

        var api = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/counterparties/{id}", Ct);
        Assert.Equal("KZ", api.GetProperty("country").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HitQueue_ShowsTheEndUserHitWithItsOwnDecision_ToTheGbOfficer(Provider provider)
    {
        var factory = hosts.For(provider);
        var session = new BrowserlessSession(factory);
        await session.SignInAsync("officer@ecju.example", Password, "JBSWY3DPEHPK3PXPGBOFFICR");

        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/screening/hits?status=all", Ct));

        Assert.Contains("Almaz-Antey Air and Space Defence Corporation JSC</a>", html, StringComparison.Ordinal);
        Assert.Contains("Consignee or end user named by <a href=\"/organisations/", html, StringComparison.Ordinal);
        var counterparties = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/counterparties", Ct));
        Assert.Contains("Albion Precision Engineering Ltd", counterparties, StringComparison.Ordinal);
        Assert.DoesNotContain("Highland Sporting Arms Ltd", counterparties, StringComparison.Ordinal);
    }

    private static Task<string> AddressAsync(EntenteWebFactory factory, Guid id) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<EntenteDbContext>().Counterparties.Where(c => c.Id == id).Select(c => c.Address).SingleAsync(Ct));

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Page_AnswersNotFoundWithTheSamePage_WhenTheCounterpartyIsMissingOrNotTheReaders(Provider provider)
    {
        var factory = hosts.For(provider);
        // Named by Kalashnikov (RU): neither Albion's officer nor the GB authority may see it; the RU authority may.
        var hidden = await factory.WithScopeAsync(sp => sp.GetRequiredService<EntenteDbContext>().Counterparties
            .Where(c => c.Name == "Highland Sporting Arms Ltd").Select(c => c.Id).SingleAsync(Ct));
        var officer = new BrowserlessSession(factory);
        await officer.SignInAsync("officer@albion.example", Password, null);
        var ruAuthority = new BrowserlessSession(factory);
        await ruAuthority.SignInAsync("officer@fsvts.example", Password, "JBSWY3DPEHPK3PXPRUOFFICR");

        var absent = Guid.NewGuid();
        var missing = await officer.GetAsync("/counterparties/" + absent);
        var notTheirs = await officer.GetAsync("/counterparties/" + hidden);
        var visible = await ruAuthority.GetAsync("/counterparties/" + hidden);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        var missingHtml = WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync(Ct));
        var notTheirsHtml = WebUtility.HtmlDecode(await notTheirs.Content.ReadAsStringAsync(Ct));
        Assert.Contains("<h1>Not found</h1>", missingHtml, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">Back to the start</a>", missingHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Highland Sporting Arms", notTheirsHtml, StringComparison.Ordinal);

        // Nothing tells the two apart but the address itself (the language links return to it) and the form tokens, which differ on every response.
        Assert.Equal(WithoutTokens(missingHtml.Replace(absent.ToString(), "{id}", StringComparison.Ordinal)), WithoutTokens(notTheirsHtml.Replace(hidden.ToString(), "{id}", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.OK, visible.StatusCode);
        Assert.Contains("<h1>Highland Sporting Arms Ltd</h1>", WebUtility.HtmlDecode(await visible.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    private static string WithoutTokens(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" value=\"[^\"]*\"", "name=\"__RequestVerificationToken\"", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(5));

    private static Task<CounterpartyStatus> StatusAsync(EntenteWebFactory factory, Guid id) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<EntenteDbContext>().Counterparties.Where(c => c.Id == id).Select(c => c.Status).SingleAsync(Ct));
}
