using System.Net;
using System.Net.Http.Json;

namespace Entente.Web.Tests.Infrastructure;

/// <summary>The sign-in cookie reads the API but cannot change anything through it: changes take a personal token.</summary>
[Collection(WebCollection.Name)]
public sealed class ApiChangesNeedTokenTests(Hosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TreatyStep_IsRefusedAndNotRecorded_WhenPostedWithTheOfficersCookieAsAFormFromAnotherPage()
    {
        var factory = hosts.For(Provider.Sqlite);
        var officer = new BrowserlessSession(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SignInAsync("officer@ecju.example", "Entente-Demo-2014", "JBSWY3DPEHPK3PXPGBOFFICR")).StatusCode);
        var before = await factory.CountLogEntriesAsync();

        // What a page elsewhere could make the officer's browser send: a plain form post, cookie attached.
        var forged = await officer.Client.PostAsync("/api/v1/treaties/current/suspend", new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal) { ["reason"] = "forged" }), Ct);
        var bodiless = await officer.Client.PostAsync("/api/v1/treaties/current/sign", null, Ct);

        foreach (var response in new[] { forged, bodiless })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("token-required", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.Equal(before, await factory.CountLogEntriesAsync());
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/api/v1/treaties/current", Ct)).StatusCode);
    }

    [Fact]
    public async Task Token_IsIssuedThroughTheApiWithAToken_ButNotWithTheCookie()
    {
        var factory = hosts.For(Provider.Sqlite);
        var member = new BrowserlessSession(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await member.SignInAsync("member@severn.example", "Entente-Demo-2014", null)).StatusCode);
        var before = await factory.CountLogEntriesAsync();

        var byCookie = await member.Client.PostAsJsonAsync("/api/v1/tokens", new { name = "by cookie", expiresInDays = 1 }, Ct);
        var revokeByCookie = await member.Client.DeleteAsync("/api/v1/tokens/" + Guid.NewGuid(), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byCookie.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revokeByCookie.StatusCode);
        Assert.Equal(before, await factory.CountLogEntriesAsync());
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync("/api/v1/tokens", Ct)).StatusCode);
        var byToken = await (await factory.ClientForAsync("member@severn.example")).PostAsJsonAsync("/api/v1/tokens", new { name = "by token", expiresInDays = 1 }, Ct);
        Assert.Equal(HttpStatusCode.Created, byToken.StatusCode);
    }
}
