using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Entente.Application.Persistence;
using Entente.Web.Tests.Infrastructure;

namespace Entente.Web.Tests.Features.Organisations;

[Collection(WebCollection.Name)]
public sealed class CursorApiTests(Hosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Follows <c>next</c> from <paramref name="first"/> to the end, returning every item and the last response.</summary>
    private static async Task<(List<JsonElement> Items, JsonElement Last, int Requests)> FollowAsync(HttpClient client, string first)
    {
        var items = new List<JsonElement>();
        var url = first;
        for (var requests = 1; requests < 200; requests++)
        {
            var response = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.ReadAsync<JsonElement>();
            items.AddRange(body.GetProperty("items").EnumerateArray());
            var next = body.GetProperty("next");
            if (next.ValueKind == JsonValueKind.Null)
            {
                return (items, body, requests);
            }

            // The cursor carries the sort: the next request needs nothing else.
            url = first.Split('?')[0] + "?limit=2&cursor=" + Uri.EscapeDataString(next.GetString()!);
        }

        throw new InvalidOperationException("next never became null");
    }

    private static List<Guid> Ids(IEnumerable<JsonElement> items, string property = "id") => [.. items.Select(i => i.GetProperty(property).GetGuid())];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Directory_ReturnsEveryEntryOnceAndNextNullAtTheEnd_WhenFollowingCursors(Provider provider)
    {
        var auditor = await hosts.For(provider).ClientForAsync("auditor@ecju.example");
        var whole = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/directory?sort=party&descending=true&limit=200", Ct);

        var (items, last, requests) = await FollowAsync(auditor, "/api/v1/directory?sort=party&descending=true&limit=2");

        Assert.Equal(JsonValueKind.Null, whole.GetProperty("next").ValueKind);
        Assert.False(whole.TryGetProperty("total", out _));
        Assert.True(items.Count > 2, "the demo directory spans several slices of two");
        Assert.Equal(Ids(whole.GetProperty("items").EnumerateArray()), Ids(items));
        Assert.Equal((items.Count + 1) / 2, requests);
        Assert.InRange(last.GetProperty("items").GetArrayLength(), 1, 2);
        Assert.Equal(["RU", "GB"], items.Select(i => i.GetProperty("party").GetString()!).Distinct());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Register_ReturnsEveryOrganisationOnce_WhenFollowingCursorsByName(Provider provider)
    {
        var officer = await hosts.For(provider).ClientForAsync("officer@ecju.example");
        var whole = await officer.GetFromJsonAsync<JsonElement>("/api/v1/organisations?sort=name&limit=200", Ct);

        var (items, _, _) = await FollowAsync(officer, "/api/v1/organisations?sort=name&limit=2");

        Assert.Equal(Ids(whole.GetProperty("items").EnumerateArray()), Ids(items));
        Assert.All(items, i => Assert.Equal("GB", i.GetProperty("party").GetString()));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Members_ReturnEveryPersonOnceAndNextNullAtTheEnd_WhenFollowingCursors(Provider provider)
    {
        var factory = hosts.For(provider);
        var officer = await factory.ClientForAsync("officer@albion.example");
        var albion = await factory.OrganisationIdAsync("04417823");
        var whole = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{albion}/members?sort=email", Ct);

        var (items, last, _) = await FollowAsync(officer, $"/api/v1/organisations/{albion}/members?sort=email&limit=1");

        var emails = items.Select(i => i.GetProperty("email").GetString()!).ToList();
        Assert.Equal(Ids(whole.GetProperty("items").EnumerateArray(), "userId"), Ids(items, "userId"));
        Assert.Contains("officer@albion.example", emails);
        Assert.Equal(emails.Order(Comparer<string>.Create((x, y) => Collated.Compare(TextOrder.Alphabetical, x, y))), emails);
        Assert.Equal(JsonValueKind.Null, last.GetProperty("next").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Lists_ReturnProblemDetails_WhenTheCursorIsMalformed(Provider provider)
    {
        var factory = hosts.For(provider);
        var officer = await factory.ClientForAsync("officer@ecju.example");
        var albion = await factory.OrganisationIdAsync("04417823");

        foreach (var url in new[]
        {
            "/api/v1/organisations?cursor=not-a-cursor",
            "/api/v1/directory?cursor=eyJzb3J0IjoibmFtZSJ9", // {"sort":"name"}: no keys
            $"/api/v1/organisations/{albion}/members?cursor=%25%25%25",
        })
        {
            var response = await officer.GetAsync(url, Ct);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.ReadAsync<JsonElement>();
            Assert.Equal(400, problem.GetProperty("status").GetInt32());
            Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _), url);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Register_ReturnsProblemDetails_WhenTheCursorComesFromAnotherSort(Provider provider)
    {
        var officer = await hosts.For(provider).ClientForAsync("officer@ecju.example");
        var first = await officer.GetFromJsonAsync<JsonElement>("/api/v1/organisations?sort=name&limit=1", Ct);
        var cursor = Uri.EscapeDataString(first.GetProperty("next").GetString()!);

        var otherSort = await officer.GetAsync("/api/v1/organisations?sort=registered&cursor=" + cursor, Ct);
        var otherDirection = await officer.GetAsync("/api/v1/organisations?sort=name&descending=true&cursor=" + cursor, Ct);
        var sameSort = await officer.GetAsync("/api/v1/organisations?sort=name&cursor=" + cursor, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, otherSort.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherDirection.StatusCode);
        Assert.Equal("application/problem+json", otherSort.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, sameSort.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesCursorAndLimit_ForTheDirectory()
    {
        var document = await hosts.For(Provider.Sqlite).CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

        var get = document.GetProperty("paths").GetProperty("/api/v1/directory").GetProperty("get");
        var parameters = get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("cursor", parameters);
        Assert.Contains("limit", parameters);
        Assert.DoesNotContain("page", parameters);
        Assert.Contains("cursor", get.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(get.GetProperty("responses").TryGetProperty("400", out _));
    }
}
