using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Entente.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Web.Tests.Features.Organisations;

[Collection(WebCollection.Name)]
public sealed class OrganisationApiTests(Hosts hosts)
{
    private static object GbRegistration(string number, string name) => new
    {
        legalNameEn = name,
        legalNameRu = "Тестовая компания " + number,
        party = "GB",
        registrationNumber = number,
        address = "1 Test Street, Bristol",
        contactName = "Compliance desk",
        contactEmail = $"desk{number}@test.example",
        officerEmail = $"officer{number}@test.example",
        officerDisplayName = "Test Officer",
        officerPassword = "Correct-Horse-2014",
    };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Register_ThenApprove_AppearsInDirectoryInBothScripts(Provider provider)
    {
        var factory = hosts.For(provider);
        var anonymous = factory.CreateClient();
        var number = Numbers.CompaniesHouse();
        var name = "Wessex Gauges " + number + " Ltd";

        var before = await factory.CountLogEntriesAsync();
        var registered = await anonymous.PostAsJsonAsync("/api/v1/organisations", GbRegistration(number, name), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(before + 1, await factory.CountLogEntriesAsync());
        var id = (await registered.ReadAsync<JsonElement>()).GetProperty("organisationId").GetGuid();

        var member = await factory.ClientForAsync("member@albion.example");
        var directory = await member.GetFromJsonAsync<JsonElement>("/api/v1/directory?search=" + number, TestContext.Current.CancellationToken);
        Assert.Equal(0, directory.GetProperty("items").GetArrayLength());

        var officer = await factory.ClientForAsync("officer@ecju.example");
        var beforeDecision = await factory.CountLogEntriesAsync();
        var decided = await officer.PostAsJsonAsync($"/api/v1/organisations/{id}/decisions", new { decision = "Approve" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("Approved", (await decided.ReadAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(beforeDecision + 1, await factory.CountLogEntriesAsync());

        var byLatin = await member.GetFromJsonAsync<JsonElement>("/api/v1/directory?search=wessex%20gauges%20" + number, TestContext.Current.CancellationToken);
        Assert.Equal(1, byLatin.GetProperty("items").GetArrayLength());
        var byCyrillic = await member.GetFromJsonAsync<JsonElement>("/api/v1/directory?search=" + Uri.EscapeDataString("тестовая компания " + number), TestContext.Current.CancellationToken);
        Assert.Equal(id, byCyrillic.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Register_ReturnsValidationProblemNamingEveryField_WhenNumbersAndNamesAreWrong(Provider provider)
    {
        var factory = hosts.For(provider);
        var client = factory.CreateClient();
        var before = await factory.CountLogEntriesAsync();
        var response = await client.PostAsJsonAsync("/api/v1/organisations", new
        {
            legalNameEn = new string('x', 201),
            legalNameRu = "",
            party = "RU",
            registrationNumber = "1117746260478", // Rosoboronexport's OGRN with the check digit changed
            taxNumber = "7718852164",
            address = "Moscow",
            contactName = "Desk",
            contactEmail = "not-an-address",
            officerEmail = "o@test.example",
            officerDisplayName = "Officer",
            officerPassword = "Correct-Horse-2014",
        }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "legalNameEn", "legalNameRu", "registrationNumber", "taxNumber", "contactEmail" })
        {
            Assert.True(errors.TryGetProperty(field, out _), "no error for " + field);
        }

        Assert.Equal(before, await factory.CountLogEntriesAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Register_ReturnsConflictAndWritesNothing_WhenTheNumberIsTaken(Provider provider)
    {
        var factory = hosts.For(provider);
        var client = factory.CreateClient();
        var number = Numbers.CompaniesHouse();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/organisations", GbRegistration(number, "First " + number), TestContext.Current.CancellationToken)).StatusCode);
        var before = await factory.CountLogEntriesAsync();

        var again = GbRegistration(number, "Second " + number);
        var response = await client.PostAsJsonAsync("/api/v1/organisations", again, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(before, await factory.CountLogEntriesAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Register_RollsBackTheOrganisation_WhenTheOfficerCannotBeCreated(Provider provider)
    {
        var factory = hosts.For(provider);
        var client = factory.CreateClient();
        var number = Numbers.CompaniesHouse();
        var registration = new
        {
            legalNameEn = "Weak Password Ltd",
            legalNameRu = "Слабый пароль",
            party = "GB",
            registrationNumber = number,
            address = "Leeds",
            contactName = "Desk",
            contactEmail = "desk@weak.example",
            officerEmail = "officer@weak.example",
            officerDisplayName = "Officer",
            officerPassword = "short",
        };

        var response = await client.PostAsJsonAsync("/api/v1/organisations", registration, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadAsync<JsonElement>()).GetProperty("errors").TryGetProperty("officerPassword", out _));
        var stored = await factory.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<Entente.Application.Persistence.EntenteDbContext>().Organisations.Any(o => o.RegistrationNumber == number)));
        Assert.False(stored);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Vet_IsForbiddenAndChangesNothing_WhenTheOfficerIsOfTheOtherParty(Provider provider)
    {
        var factory = hosts.For(provider);
        var gbOfficer = await factory.ClientForAsync("officer@ecju.example");
        var uralForge = await factory.OrganisationIdAsync("1166604056783");
        var before = await factory.CountLogEntriesAsync();

        var response = await gbOfficer.PostAsJsonAsync($"/api/v1/organisations/{uralForge}/decisions", new { decision = "Reinstate" }, TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, response.StatusCode.ToString());
        Assert.Equal(before, await factory.CountLogEntriesAsync());
        var ruOfficer = await factory.ClientForAsync("officer@fsvts.example");
        var record = await ruOfficer.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{uralForge}", TestContext.Current.CancellationToken);
        Assert.Equal("Suspended", record.GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Vet_RequiresAReason_WhenSuspending(Provider provider)
    {
        var factory = hosts.For(provider);
        var officer = await factory.ClientForAsync("officer@ecju.example");
        var severn = await factory.OrganisationIdAsync("02893011");

        var response = await officer.PostAsJsonAsync($"/api/v1/organisations/{severn}/decisions", new { decision = "Suspend", reason = " " }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Member_GetsNotFound_ForAnotherOrganisationsPrivateResources(Provider provider)
    {
        var factory = hosts.For(provider);
        var albionMember = await factory.ClientForAsync("member@albion.example");
        var albionOfficer = await factory.ClientForAsync("officer@albion.example");
        var albion = await factory.OrganisationIdAsync("04417823");
        var kalashnikov = await factory.OrganisationIdAsync("1111832003018");
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(HttpStatusCode.OK, (await albionMember.GetAsync($"/api/v1/organisations/{albion}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await albionMember.GetAsync($"/api/v1/organisations/{kalashnikov}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await albionMember.GetAsync($"/api/v1/organisations/{kalashnikov}/members", ct)).StatusCode);
        var before = await factory.CountLogEntriesAsync();
        var add = await albionOfficer.PostAsJsonAsync($"/api/v1/organisations/{kalashnikov}/members", new { email = "intruder@test.example", displayName = "Intruder", password = "Correct-Horse-2014" }, ct);
        Assert.Equal(HttpStatusCode.NotFound, add.StatusCode);
        Assert.Equal(before, await factory.CountLogEntriesAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await albionMember.GetAsync("/api/v1/organisations", ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ComplianceOfficer_AddsMember_AndAMemberCannot(Provider provider)
    {
        var factory = hosts.For(provider);
        var officer = await factory.ClientForAsync("officer@severn.example");
        var member = await factory.ClientForAsync("member@severn.example");
        var severn = await factory.OrganisationIdAsync("02893011");
        var ct = TestContext.Current.CancellationToken;
        var email = $"new{Guid.NewGuid():N}@severn.example";

        var before = await factory.CountLogEntriesAsync();
        var added = await officer.PostAsJsonAsync($"/api/v1/organisations/{severn}/members", new { email, displayName = "New Engineer", password = "Correct-Horse-2014", role = "Member" }, ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(before + 1, await factory.CountLogEntriesAsync());

        var refused = await member.PostAsJsonAsync($"/api/v1/organisations/{severn}/members", new { email = "x" + email, displayName = "X", password = "Correct-Horse-2014" }, ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var userId = (await added.ReadAsync<JsonElement>()).GetProperty("userId").GetGuid();
        var promoted = await officer.PutAsJsonAsync($"/api/v1/organisations/{severn}/members/{userId}/role", new { role = "ComplianceOfficer" }, ct);
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal(before + 2, await factory.CountLogEntriesAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Directory_IsClosed_ToPeopleOfAnOrganisationThatIsNotApproved(Provider provider)
    {
        var factory = hosts.For(provider);
        var ct = TestContext.Current.CancellationToken;
        var suspended = await factory.ClientForAsync("officer@pennine.example"); // not member@: the lockout test locks that account
        var pending = await factory.ClientForAsync("officer@thames.example");
        var approved = await factory.ClientForAsync("member@kalashnikov.example");
        var auditor = await factory.ClientForAsync("auditor@fsvts.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await suspended.GetAsync("/api/v1/directory", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pending.GetAsync("/api/v1/directory", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await approved.GetAsync("/api/v1/directory", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/v1/directory", ct)).StatusCode);
    }

    [Fact]
    public async Task Api_AnswersProblemDetails_ForUnauthenticatedAndUnknownRoutes()
    {
        var factory = hosts.For(Provider.Sqlite);
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var ct = TestContext.Current.CancellationToken;

        var unauthenticated = await client.GetAsync("/api/v1/organisations", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);

        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "ent_not-a-real-token");
        var badToken = await client.GetAsync("/api/v1/me", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, badToken.StatusCode);
        Assert.Equal("application/problem+json", badToken.Content.Headers.ContentType?.MediaType);

        var officer = await factory.ClientForAsync("officer@ecju.example");
        var missing = await officer.GetAsync("/api/v1/organisations/" + Guid.NewGuid(), ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        var badJson = await officer.PostAsync("/api/v1/tokens", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
    }

    [Fact]
    public async Task Host_ServesHealthAndTheOpenApiDocument()
    {
        var client = hosts.For(Provider.Sqlite).CreateClient();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", ct)).StatusCode);
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", ct);
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/organisations/{id}/decisions", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/reference", ct)).StatusCode);
    }
}
