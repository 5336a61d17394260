using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Entente.Application.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Web.Tests.Infrastructure;

/// <summary>
/// Every route under /api, read off the running host, answers every refusal and every bad request with RFC 9457
/// problem details: never a sign-in page, an empty body or a 500.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ApiProblemDetailsTests(Hosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One demo user per role, from the least to the most privileged.</summary>
    private static readonly string[] People =
    [
        "member@albion.example",
        "officer@albion.example",
        "auditor@ecju.example",
        "officer@ecju.example",
        "admin@entente.example",
    ];

    [Fact]
    public async Task EveryApiRoute_Answers401ProblemDetails_WhenNotSignedIn()
    {
        var factory = hosts.For(Provider.Sqlite);
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var routes = ApiRoutes(factory).Where(r => r.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null).ToList();
        Assert.True(routes.Count > 30, "expected the API's routes, found " + routes.Count);

        foreach (var route in routes)
        {
            using var request = route.Request("{}", "application/json");
            await AssertProblemAsync(await anonymous.SendAsync(request, Ct), HttpStatusCode.Unauthorized, route.Key);

            // A browser following a link asks for HTML only; the API still answers in problem details.
            using var fromBrowser = route.Request("{}", "application/json");
            fromBrowser.Headers.Accept.ParseAdd("text/html");
            await AssertProblemAsync(await anonymous.SendAsync(fromBrowser, Ct), HttpStatusCode.Unauthorized, route.Key + " accepting HTML");
        }
    }

    [Fact]
    public async Task EveryApiRouteWithARole_Answers403ProblemDetails_ForTheWrongRole()
    {
        var factory = hosts.For(Provider.Sqlite);
        var people = await PeopleAsync(factory);
        var tested = 0;
        foreach (var route in ApiRoutes(factory))
        {
            var roles = route.RequiredRoles(factory);
            if (roles.Count == 0)
            {
                continue;
            }

            var outsider = people.FirstOrDefault(p => !roles.All(any => any.Overlaps(p.Roles)));
            Assert.True(outsider is not null, "no demo user lacks the roles of " + route.Key);
            using var request = route.Request("{}", "application/json");
            await AssertProblemAsync(await outsider.Client.SendAsync(request, Ct), HttpStatusCode.Forbidden, route.Key + " as " + outsider.Email);
            tested++;
        }

        Assert.True(tested > 20, "expected the API's role-guarded routes, found " + tested);
    }

    [Fact]
    public async Task EveryJsonApiRoute_Answers400ProblemDetails_ForMalformedJson_And415_ForAnotherContentType()
    {
        var factory = hosts.For(Provider.Sqlite);
        var people = await PeopleAsync(factory);
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var routes = ApiRoutes(factory).Where(r => r.AcceptsJson).ToList();
        Assert.True(routes.Count > 10, "expected the API's JSON routes, found " + routes.Count);

        foreach (var route in routes)
        {
            var client = route.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null ? anonymous : Insider(route, people, factory);
            using (var malformed = route.Request("{\"name\": ", "application/json"))
            {
                malformed.Headers.Accept.ParseAdd("text/html");
                await AssertProblemAsync(await client.SendAsync(malformed, Ct), HttpStatusCode.BadRequest, route.Key + " with malformed JSON");
            }

            // The framework answers a content type no endpoint accepts with a 415 endpoint of its own, which the
            // fallback policy guards like any other: an anonymous caller is told to sign in instead.
            var refused = client == anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.UnsupportedMediaType;
            using (var wrongType = route.Request("name=Acme", "application/x-www-form-urlencoded"))
            {
                await AssertProblemAsync(await client.SendAsync(wrongType, Ct), refused, route.Key + " with a form body");
            }

            using (var wrongShape = route.Request("[1, 2, 3]", "application/json"))
            {
                await AssertProblemAsync(await client.SendAsync(wrongShape, Ct), HttpStatusCode.BadRequest, route.Key + " with JSON of the wrong shape");
            }
        }
    }

    [Fact]
    public async Task EveryApiRouteWithAnId_Answers404ProblemDetails_ForAnUnknownId()
    {
        var factory = hosts.For(Provider.Sqlite);
        var people = await PeopleAsync(factory);
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["POST /api/v1/organisations/{id:guid}/decisions"] = """{"decision":"Approve","reason":"test"}""",
            ["POST /api/v1/organisations/{id:guid}/members"] = """{"email":"someone@albion.example","displayName":"Some One","role":"Member","password":"Entente-Demo-2014"}""",
            ["PUT /api/v1/organisations/{id:guid}/members/{userId:guid}/role"] = """{"role":"Member"}""",
            ["POST /api/v1/screening/hits/{id:guid}/clear"] = """{"reason":"not them"}""",
            ["POST /api/v1/screening/hits/{id:guid}/confirm"] = """{"reason":"them"}""",
            ["PUT /api/v1/counterparties/{id:guid}"] = """{"name":"Somebody Ltd","country":"GB","address":"1 Street, Leeds","isConsignee":true,"isEndUser":false}""",
            ["POST /api/v1/counterparties/{id:guid}/withdrawal"] = """{"reason":"no longer used"}""",
        };
        var routes = ApiRoutes(factory).Where(r => r.Pattern.Contains(":guid}", StringComparison.Ordinal)).ToList();
        Assert.True(routes.Count >= 10, "expected the API's routes by id, found " + routes.Count);

        foreach (var route in routes)
        {
            var client = Insider(route, people, factory);
            using var request = route.Request(bodies.GetValueOrDefault(route.Key, "{}"), "application/json");
            await AssertProblemAsync(await client.SendAsync(request, Ct), HttpStatusCode.NotFound, route.Key + " for an unknown id");
        }
    }

    [Fact]
    public async Task ApiRefusals_AreProblemDetailsNotPages_WhenTheCallerUsesTheSignInCookie()
    {
        var factory = hosts.For(Provider.Sqlite);
        var browser = new BrowserlessSession(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("member@albion.example", "Entente-Demo-2014", null)).StatusCode);
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        anonymous.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        await AssertProblemAsync(await browser.Client.GetAsync("/api/v1/organisations", Ct), HttpStatusCode.Forbidden, "a member's cookie on the authority's register");
        await AssertProblemAsync(await browser.Client.PostAsJsonAsync("/api/v1/treaties/current/sign", new { }, Ct), HttpStatusCode.Forbidden, "a member's cookie signing the treaty");
        await AssertProblemAsync(await anonymous.GetAsync("/api/v1/me", Ct), HttpStatusCode.Unauthorized, "a browser without a cookie");
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/v1/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/api/v1/directory", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/api/v1/directory?limit=many", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/v1/directory?cursor=%27%20OR%201%3D1--", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/v1/directory?descending=perhaps", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/v1/organisations/not-a-guid", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/log/entries?start=x&end=y", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/v1/log/entries?start=5&end=1", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/v1/log/proofs/tlog/-1", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/v1/log/proofs/tlog/999999999", HttpStatusCode.Conflict)]
    [InlineData("GET", "/api/v1/log/proofs/inclusion?index=abc", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/v1/screening/hits?status=%27%3B--", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/v1/organisations/?status=Everything", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/api/v1/assessments", HttpStatusCode.UnsupportedMediaType)]
    public async Task ApiRequest_IsAnsweredWithProblemDetails_WhenItCannotBeServed(string method, string path, HttpStatusCode expected)
    {
        var factory = hosts.For(Provider.Sqlite);
        var client = await factory.ClientForAsync("auditor@ecju.example");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("""{"transfer":{}}""", Encoding.UTF8, "text/plain");
        }

        await AssertProblemAsync(await client.SendAsync(request, Ct), expected, method + " " + path);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{what}: expected {(int)expected}, got {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what}: answered {response.Content.Headers.ContentType} {text[..Math.Min(300, text.Length)]}");
        var problem = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()), what + ": the problem has no title");
    }

    private sealed record Person(string Email, HashSet<string> Roles, HttpClient Client);

    private static async Task<List<Person>> PeopleAsync(EntenteWebFactory factory)
    {
        // Someone signed in who holds no role at all: the one outsider for routes any role may use.
        var roleless = "nobody-" + Guid.NewGuid().ToString("N")[..8] + "@entente.example";
        await factory.WithScopeAsync(async sp =>
        {
            var user = new EntenteUser { UserName = roleless, Email = roleless, DisplayName = "No Role", CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await sp.GetRequiredService<UserManager<EntenteUser>>().CreateAsync(user)).Succeeded);
            return user;
        });
        var people = new List<Person>();
        foreach (var email in People.Prepend(roleless))
        {
            var client = await factory.ClientForAsync(email);
            var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct);
            people.Add(new Person(email, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal), client));
        }

        return people;
    }

    /// <summary>Someone the route's policy lets in, so the request reaches the binding and the handler.</summary>
    private static HttpClient Insider(ApiRoute route, List<Person> people, EntenteWebFactory factory)
    {
        var roles = route.RequiredRoles(factory);
        var insider = people.FirstOrDefault(p => roles.All(any => any.Overlaps(p.Roles)));
        Assert.True(insider is not null, "no demo user holds the roles of " + route.Key);
        return insider.Client;
    }

    private static IEnumerable<ApiRoute> ApiRoutes(EntenteWebFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => new ApiRoute(m, e)));

    private sealed record ApiRoute(string Method, RouteEndpoint Endpoint)
    {
        public string Pattern => Endpoint.RoutePattern.RawText!;

        public string Key => Method + " " + Pattern;

        public bool AcceptsJson => Endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>().Any(a => a.ContentTypes.Contains("application/json", StringComparer.OrdinalIgnoreCase));

        /// <summary>The path with every route value filled in: unknown ids, the GB authority, entry 0, the demo list.</summary>
        public string Path => Pattern
            .Replace("{id:guid}", Guid.NewGuid().ToString("D"), StringComparison.Ordinal)
            .Replace("{userId:guid}", Guid.NewGuid().ToString("D"), StringComparison.Ordinal)
            .Replace("{index:long}", "0", StringComparison.Ordinal)
            .Replace("{authority}", "GB", StringComparison.Ordinal)
            .Replace("{name}", "demo-ofac-extract", StringComparison.Ordinal);

        public HttpRequestMessage Request(string body, string contentType)
        {
            var request = new HttpRequestMessage(new HttpMethod(Method), Path);
            if (Method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent(body, Encoding.UTF8, contentType);
            }

            return request;
        }

        /// <summary>Each inner set is one requirement: the user must hold at least one role of every set.</summary>
        public List<HashSet<string>> RequiredRoles(EntenteWebFactory factory)
        {
            var policies = factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
            var policy = AuthorizationPolicy.CombineAsync(policies, Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), Endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>()).GetAwaiter().GetResult();
            return policy?.Requirements.OfType<RolesAuthorizationRequirement>().Select(r => r.AllowedRoles.ToHashSet(StringComparer.Ordinal)).ToList() ?? [];
        }
    }
}
