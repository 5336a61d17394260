using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Web.Tests.Infrastructure;

/// <summary>
/// Every HTML form post — the pages' own forms and the small form endpoints beside them — is refused without the
/// antiforgery token, read off the running host so a new form endpoint without it fails here.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AntiforgeryTests(Hosts hosts)
{
    private const string Password = "Entente-Demo-2014";

    [Fact]
    public void EveryFormPostOutsideTheApi_RequiresTheAntiforgeryToken()
    {
        var factory = hosts.For(Provider.Sqlite);
        var unguarded = FormPosts(factory)
            .Where(e => e.Metadata.GetMetadata<IAntiforgeryMetadata>()?.RequiresValidation != true)
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.True(FormPosts(factory).Count() > 15, "expected the pages and form endpoints");
        Assert.True(unguarded.Count == 0, "form posts without antiforgery: " + string.Join("; ", unguarded));
    }

    [Fact]
    public async Task EveryFormPost_IsRefusedAndChangesNothing_WithoutTheToken()
    {
        var factory = hosts.For(Provider.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        var anonymous = new BrowserlessSession(factory);
        var company = new BrowserlessSession(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await company.SignInAsync("officer@albion.example", Password, null)).StatusCode);
        var authority = new BrowserlessSession(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await authority.SignInAsync("officer@ecju.example", Password, "JBSWY3DPEHPK3PXPGBOFFICR")).StatusCode);
        var companyRoles = new[] { "ComplianceOfficer" };
        var authorityRoles = new[] { "AuthorityOfficer" };
        var before = await factory.CountLogEntriesAsync();

        var tested = 0;
        foreach (var endpoint in FormPosts(factory))
        {
            var roles = await RequiredRolesAsync(factory, endpoint);
            var session = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null ? anonymous
                : roles.All(r => r.Overlaps(companyRoles)) ? company
                : roles.All(r => r.Overlaps(authorityRoles)) ? authority
                : null;
            Assert.True(session is not null, "no session may use " + endpoint.RoutePattern.RawText);
            var path = endpoint.RoutePattern.RawText!
                .Replace("{id:guid}", Guid.NewGuid().ToString("D"), StringComparison.OrdinalIgnoreCase)
                .Replace("{userId:guid}", Guid.NewGuid().ToString("D"), StringComparison.Ordinal);

            // Everything a real form sends but the token: the handler name and plausible fields.
            var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["_handler"] = "sign-in",
                ["Input.Email"] = "member@albion.example",
                ["Input.Password"] = Password,
                ["reason"] = "forged",
                ["role"] = "ComplianceOfficer",
            });
            var response = await session.Client.PostAsync(path, form, ct);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {path} without a token answered {(int)response.StatusCode}");
            tested++;
        }

        Assert.True(tested > 15, "expected the pages and form endpoints, posted " + tested);
        Assert.Equal(before, await factory.CountLogEntriesAsync());
        Assert.Equal(HttpStatusCode.OK, (await company.GetAsync("/organisations/mine")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/organisations/mine")).StatusCode);
    }

    [Fact]
    public async Task Forms_AreRefused_WithTheTokenOfAnotherSession()
    {
        var factory = hosts.For(Provider.Sqlite);
        var victim = new BrowserlessSession(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await victim.SignInAsync("member@thames.example", Password, null)).StatusCode);
        var attacker = new BrowserlessSession(factory);
        var page = await attacker.Client.GetStringAsync("/account/sign-in", TestContext.Current.CancellationToken);
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);

        var forged = await victim.Client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal) { ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/directory")).StatusCode);
    }

    /// <summary>Endpoints outside /api that take a POST: the pages (each may carry a form) and the form endpoints.</summary>
    private static IEnumerable<RouteEndpoint> FormPosts(EntenteWebFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Post) == true)
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == false);

    private static async Task<List<HashSet<string>>> RequiredRolesAsync(EntenteWebFactory factory, Endpoint endpoint)
    {
        var policy = await AuthorizationPolicy.CombineAsync(factory.Services.GetRequiredService<IAuthorizationPolicyProvider>(), endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        return policy?.Requirements.OfType<RolesAuthorizationRequirement>().Select(r => r.AllowedRoles.ToHashSet(StringComparer.Ordinal)).ToList() ?? [];
    }
}
