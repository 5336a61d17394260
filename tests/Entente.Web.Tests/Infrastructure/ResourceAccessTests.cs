using System.Net;
using System.Net.Http.Json;
using Entente.Application.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Web.Tests.Infrastructure;

/// <summary>
/// Past the role policies, each use case checks the record itself: another organisation's or another party's
/// records are refused (most as "not found", so their existence is not confirmed) and nothing is changed or recorded.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ResourceAccessTests(Hosts hosts)
{
    [Fact]
    public async Task OtherOrganisationsAndPartiesRecords_AreRefusedWithProblemDetails_AndNothingChanges()
    {
        var factory = hosts.For(Provider.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        var albion = await factory.OrganisationIdAsync("04417823");
        var albionMember = await factory.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<EntenteDbContext>().Users.Single(u => u.Email == "member@albion.example").Id));
        var kalashnikovMember = await factory.ClientForAsync("member@kalashnikov.example");
        var kalashnikovOfficer = await factory.ClientForAsync("officer@kalashnikov.example");
        var ruOfficer = await factory.ClientForAsync("officer@fsvts.example");
        var ruAuditor = await factory.ClientForAsync("auditor@fsvts.example");
        var before = await factory.CountLogEntriesAsync();

        var attempts = new (string What, Task<HttpResponseMessage> Response)[]
        {
            ("a Russian member reads Albion", kalashnikovMember.GetAsync($"/api/v1/organisations/{albion}", ct)),
            ("a Russian member lists Albion's people", kalashnikovMember.GetAsync($"/api/v1/organisations/{albion}/members", ct)),
            ("a Russian compliance officer adds to Albion", kalashnikovOfficer.PostAsJsonAsync($"/api/v1/organisations/{albion}/members", new { email = "mole@kalashnikov.example", displayName = "Mole", role = "ComplianceOfficer", password = "Correct-Horse-2014" }, ct)),
            ("a Russian compliance officer promotes Albion's member", kalashnikovOfficer.PutAsJsonAsync($"/api/v1/organisations/{albion}/members/{albionMember}/role", new { role = "ComplianceOfficer" }, ct)),
            ("the Russian authority suspends Albion", ruOfficer.PostAsJsonAsync($"/api/v1/organisations/{albion}/decisions", new { decision = "Suspend", reason = "forged" }, ct)),
            ("the Russian auditor reads Albion's people", ruAuditor.GetAsync($"/api/v1/organisations/{albion}/members", ct)),
            ("the Russian authority lists Albion's counterparties", ruOfficer.GetAsync($"/api/v1/counterparties/?search=Almaz", ct)),
        };

        foreach (var (what, pending) in attempts)
        {
            var response = await pending;
            var body = await response.Content.ReadAsStringAsync(ct);
            if (what.Contains("lists Albion's counterparties", StringComparison.Ordinal))
            {
                // A list is filtered, not refused: the reader's own party only.
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.DoesNotContain("Almaz", body, StringComparison.Ordinal);
                continue;
            }

            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{what}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("Albion Precision", body, StringComparison.Ordinal);
        }

        Assert.Equal(before, await factory.CountLogEntriesAsync());
        var status = await factory.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<EntenteDbContext>().Organisations.Single(o => o.Id == albion).Status.ToString()));
        Assert.Equal("Approved", status);
    }
}
