using System.Net;
using Entente.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Web.Tests.Infrastructure;

/// <summary>
/// Deny by default, read off the running host: every endpoint it maps either demands a signed-in user or is on the
/// short list below, so a newly mapped endpoint without a policy fails here. State-changing API endpoints must name a
/// policy, not merely ask for a signed-in user.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class EndpointAuthorizationTests(Hosts hosts)
{
    /// <summary>
    /// What anyone may reach without signing in, as method and route pattern. Static files are recognised by the
    /// framework's own static-asset metadata and are not listed.
    /// </summary>
    private static readonly string[] Anonymous =
    [
        "GET /",
        "GET /not-found",
        "GET /account/sign-in",
        "POST /account/sign-in",
        "GET /account/sign-in/two-factor",
        "POST /account/sign-in/two-factor",
        "GET /account/access-denied",
        "POST /account/access-denied",
        "GET /organisations/register",
        "POST /organisations/register",
        "POST /api/v1/organisations/",
        "GET /culture/{culture}",
        "ANY /health/live",
        "ANY /health/ready",
        "GET /openapi/{documentName}.json",
        "GET /api/reference/{documentName?}",
        "GET /api/reference/scalar.js",
        "GET /api/reference/scalar.aspnetcore.js",
        "GET /api/reference/favicon.svg",
        // The home and not-found pages are components: like every page they also accept a form post, which
        // antiforgery guards and which changes nothing on them.
        "POST /",
        "POST /not-found",
    ];

    private static readonly string[] StateChanging = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch];

    [Fact]
    public async Task EveryEndpoint_RequiresASignedInUser_UnlessAllowListed()
    {
        var factory = hosts.For(Provider.Sqlite);
        var policies = factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var fallback = await policies.GetFallbackPolicyAsync();
        Assert.NotNull(fallback);
        Assert.True(DemandsSignIn(fallback), "the fallback policy must demand a signed-in user");

        var open = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in Endpoints(factory))
        {
            if (endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)
            {
                continue;
            }

            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policy = await EffectivePolicyAsync(policies, endpoint) ?? fallback;
            foreach (var key in Keys(endpoint))
            {
                if (anonymous || !DemandsSignIn(policy))
                {
                    seen.Add(key);
                    if (!Anonymous.Contains(key, StringComparer.Ordinal))
                    {
                        open.Add(key);
                    }
                }
            }
        }

        Assert.True(open.Count == 0, "open to anyone, and not on the allow-list: " + string.Join("; ", open));
        // The list must not rot: each line still names an endpoint that really is open.
        Assert.Empty(Anonymous.Except(seen, StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryStateChangingApiEndpoint_NamesAPolicy()
    {
        var factory = hosts.For(Provider.Sqlite);
        var policies = factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var unnamed = new List<string>();
        var checkedCount = 0;
        foreach (var endpoint in Endpoints(factory).Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true))
        {
            foreach (var key in Keys(endpoint).Where(k => StateChanging.Any(m => k.StartsWith(m + " ", StringComparison.Ordinal))))
            {
                if (Anonymous.Contains(key, StringComparer.Ordinal))
                {
                    continue;
                }

                checkedCount++;
                var named = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(d => !string.IsNullOrEmpty(d.Policy) || !string.IsNullOrEmpty(d.Roles));
                var policy = await EffectivePolicyAsync(policies, endpoint);
                if (!named || policy is null || !policy.Requirements.OfType<RolesAuthorizationRequirement>().Any())
                {
                    unnamed.Add(key);
                }
            }
        }

        Assert.True(checkedCount > 20, "expected the API's state-changing endpoints, found " + checkedCount);
        Assert.True(unnamed.Count == 0, "state-changing API endpoints that only ask for a signed-in user: " + string.Join("; ", unnamed));
    }

    [Fact]
    public async Task EveryPageOutsideTheAllowList_SendsAnAnonymousVisitorToSignIn()
    {
        var factory = hosts.For(Provider.Sqlite);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var pages = Endpoints(factory)
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .SelectMany(Keys)
            .Where(k => k.StartsWith("GET ", StringComparison.Ordinal) && !Anonymous.Contains(k, StringComparer.Ordinal))
            .Select(k => k["GET ".Length..])
            .ToList();
        Assert.True(pages.Count > 10, "expected the signed-in pages, found " + pages.Count);

        foreach (var pattern in pages)
        {
            var path = pattern.Replace("{Id:guid}", Guid.NewGuid().ToString("D"), StringComparison.Ordinal);
            var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, path + " answered " + response.StatusCode);
            Assert.StartsWith("/account/sign-in", response.LocationPath(), StringComparison.Ordinal);
        }
    }

    private static IEnumerable<RouteEndpoint> Endpoints(EntenteWebFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    /// <summary>"METHOD pattern" for each method the endpoint answers; "ANY pattern" when it takes every method.</summary>
    private static IEnumerable<string> Keys(RouteEndpoint endpoint)
    {
        var pattern = endpoint.RoutePattern.RawText ?? "";
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        return methods is { Count: > 0 } ? methods.Select(m => m + " " + pattern) : ["ANY " + pattern];
    }

    private static Task<AuthorizationPolicy?> EffectivePolicyAsync(IAuthorizationPolicyProvider policies, Endpoint endpoint) =>
        AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());

    private static bool DemandsSignIn(AuthorizationPolicy policy) =>
        policy.Requirements.Any(r => r is DenyAnonymousAuthorizationRequirement or RolesAuthorizationRequirement);
}
