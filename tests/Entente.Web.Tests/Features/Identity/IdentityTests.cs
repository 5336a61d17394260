using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Entente.Application.Common;
using Entente.Application.Identity;
using Entente.Testing;
using Entente.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Web.Tests.Features.Identity;

[Collection(WebCollection.Name)]
public sealed class IdentityTests(Hosts hosts)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Token_IsShownOnceWorksAndStopsWorking_WhenRevoked(Provider provider)
    {
        var factory = hosts.For(provider);
        var owner = await factory.ClientForAsync("member@volga.example");
        var ct = TestContext.Current.CancellationToken;
        var before = await factory.CountLogEntriesAsync();

        var issued = await owner.PostAsJsonAsync("/api/v1/tokens", new { name = "ERP", expiresInDays = 30 }, ct);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var body = await issued.ReadAsync<JsonElement>();
        var secret = body.GetProperty("token").GetString()!;
        var id = body.GetProperty("id").GetGuid();
        Assert.StartsWith("ent_", secret, StringComparison.Ordinal);
        Assert.Equal(before + 1, await factory.CountLogEntriesAsync());

        var listed = await owner.GetStringAsync("/api/v1/tokens", ct);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        var stored = await factory.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<Entente.Application.Persistence.EntenteDbContext>().ApiTokens.Single(t => t.Id == id).SecretHash));
        Assert.Equal(32, stored.Length);

        var erp = factory.CreateClient();
        erp.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        var me = await erp.GetFromJsonAsync<JsonElement>("/api/v1/me", ct);
        Assert.Equal("member@volga.example", me.GetProperty("userName").GetString());

        Assert.Equal(HttpStatusCode.OK, (await owner.DeleteAsync($"/api/v1/tokens/{id}", ct)).StatusCode);
        Assert.Equal(before + 2, await factory.CountLogEntriesAsync());
        var refused = await erp.GetAsync("/api/v1/me", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, (await owner.DeleteAsync($"/api/v1/tokens/{id}", ct)).StatusCode);
    }

    [Fact]
    public async Task Token_OfAnotherUser_CannotBeRevoked()
    {
        var factory = hosts.For(Provider.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        var alice = await factory.ClientForAsync("member@roe.example");
        var bob = await factory.ClientForAsync("member@kalashnikov.example");
        var issued = await (await alice.PostAsJsonAsync("/api/v1/tokens", new { name = "mine" }, ct)).ReadAsync<JsonElement>();

        var response = await bob.DeleteAsync($"/api/v1/tokens/{issued.GetProperty("id").GetGuid()}", ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AuthorityOfficer_IsHeldUntilTwoFactorIsSetUp(Provider provider)
    {
        var factory = hosts.For(provider);
        var email = $"new.officer.{Guid.NewGuid():N}@ecju.example";
        await factory.WithScopeAsync(async sp => (await sp.GetRequiredService<CreateUserHandler>().HandleAsync(Actor.System, new CreateUser(email, "New Officer", "Correct-Horse-2014", EntenteRoles.AuthorityOfficer, "GB", null), CancellationToken.None)).Value);

        var api = await factory.ClientForAsync(email);
        var refused = await api.GetAsync("/api/v1/organisations", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("two-factor-required", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var session = new BrowserlessSession(factory);
        var signedIn = await session.SignInAsync(email, "Correct-Horse-2014", null);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var next = await session.GetAsync("/organisations");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal("/account/two-factor", next.LocationPath());

        var setupPage = await session.Client.GetStringAsync("/account/two-factor", TestContext.Current.CancellationToken);
        var key = System.Text.RegularExpressions.Regex.Match(setupPage, "secret=([A-Z2-7]+)").Groups[1].Value;
        var before = await factory.CountLogEntriesAsync();
        var enabled = await session.SubmitAsync("/account/two-factor", "two-factor-setup", new Dictionary<string, string>(StringComparer.Ordinal) { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Equal(before + 1, await factory.CountLogEntriesAsync());
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/organisations")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OfficerSignIn_NeedsTheTotpCode_AndIsRecorded(Provider provider)
    {
        var factory = hosts.For(provider);
        var session = new BrowserlessSession(factory);
        var first = await session.SubmitAsync("/account/sign-in", "sign-in", new Dictionary<string, string>(StringComparer.Ordinal) { ["Input.Email"] = "officer@fsvts.example", ["Input.Password"] = "Entente-Demo-2014" });
        Assert.StartsWith("/account/sign-in/two-factor", first.LocationPath(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/organisations")).StatusCode);

        var before = await factory.CountLogEntriesAsync();
        var second = await session.SubmitAsync(first.LocationPath()!, "two-factor", new Dictionary<string, string>(StringComparer.Ordinal) { ["Input.Code"] = Totp.Code("JBSWY3DPEHPK3PXPRUOFFICR", DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(before + 1, await factory.CountLogEntriesAsync());
        var queue = await session.GetAsync("/organisations");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        var html = await queue.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Ural Forge LLC", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Albion Precision", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_LocksTheAccount_AfterRepeatedFailures()
    {
        var factory = hosts.For(Provider.Sqlite);
        var session = new BrowserlessSession(factory);
        HttpResponseMessage last = null!;
        for (var i = 0; i < 6; i++)
        {
            last = await session.SubmitAsync("/account/sign-in", "sign-in", new Dictionary<string, string>(StringComparer.Ordinal) { ["Input.Email"] = "member@pennine.example", ["Input.Password"] = "wrong-password-" + i });
        }

        var html = await last.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("locked", html, StringComparison.Ordinal);
        var correct = await session.SubmitAsync("/account/sign-in", "sign-in", new Dictionary<string, string>(StringComparer.Ordinal) { ["Input.Email"] = "member@pennine.example", ["Input.Password"] = "Entente-Demo-2014" });
        Assert.Equal(HttpStatusCode.OK, correct.StatusCode); // still the page with the lockout message, not a redirect
    }

    [Fact]
    public async Task Pages_RedirectToSignIn_AndAreServedInRussian_WhenChosen()
    {
        var factory = hosts.For(Provider.Sqlite);
        var session = new BrowserlessSession(factory);
        var directory = await session.GetAsync("/directory");
        Assert.Equal(HttpStatusCode.Redirect, directory.StatusCode);
        Assert.Contains("/account/sign-in", directory.LocationPath(), StringComparison.Ordinal);

        await session.SignInAsync("member@albion.example", "Entente-Demo-2014", null);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/culture/ru?returnUrl=%2Fdirectory")).StatusCode);
        var html = await session.Client.GetStringAsync("/directory?q=" + Uri.EscapeDataString("калашников"), TestContext.Current.CancellationToken);
        Assert.Contains("Справочник сообщества", html, StringComparison.Ordinal);
        Assert.Contains("Kalashnikov Concern JSC", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await session.GetAsync("/culture/fr")).StatusCode);
        var offsite = await session.GetAsync("/culture/en?returnUrl=%2F%2Fevil.example");
        Assert.Equal("/", offsite.LocationPath());
    }

    [Fact]
    public async Task SignOut_RefusesAPostWithoutTheAntiforgeryToken()
    {
        var factory = hosts.For(Provider.Sqlite);
        var session = new BrowserlessSession(factory);
        await session.SignInAsync("member@albion.example", "Entente-Demo-2014", null);

        var forged = await session.Client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/organisations/mine")).StatusCode);
    }
}
