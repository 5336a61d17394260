using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Entente.Web.Tests.Infrastructure;

namespace Entente.Web.Tests.Features.Screening;

[Collection(WebCollection.Name)]
public sealed class ListsPageTests(Hosts hosts)
{
    private const string Password = "Entente-Demo-2014";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Versions_SortAndPage_WithinTheirOwnList(Provider provider)
    {
        var factory = hosts.For(provider);
        var admin = await factory.ClientForAsync("admin@entente.example");
        var listName = "paging-" + Guid.NewGuid().ToString("N")[..8];

        // 27 versions, more than a page of 25; version n holds the entities 1..(n % 5 + 1), so entity counts rise and fall.
        for (var n = 1; n <= 27; n++)
        {
            var csv = new StringBuilder("id,type,name,aliases,country\n");
            for (var e = 1; e <= n % 5 + 1; e++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"P{e},organisation,Qwxz Paging Fixture {e},,RU\n");
            }

            using var body = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
            var created = await admin.PostAsync($"/api/v1/screening/lists/{listName}/versions?format=entente-csv&fileName=v{n:D2}.csv", body, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var session = new BrowserlessSession(factory);
        await session.SignInAsync("auditor@ecju.example", Password, null);
        async Task<string> PageAsync(string query) => WebUtility.HtmlDecode(await session.Client.GetStringAsync("/screening/lists" + query, Ct));
        var first = await PageAsync("");
        var prefix = Regex.Match(first, Regex.Escape(listName) + " <small>[^<]*</small></h2>\\s*<table class=\"grid\" id=\"(list\\d+-)versions\">", RegexOptions.None, TimeSpan.FromSeconds(5)).Groups[1].Value;
        Assert.NotEmpty(prefix);
        List<int> Numbers(string html) => [.. HtmlTables.Rows(html, prefix + "versions").Select(r => int.Parse(r[0], CultureInfo.InvariantCulture))];
        List<int> Entities(string html) => [.. HtmlTables.Rows(html, prefix + "versions").Select(r => int.Parse(r[4], CultureInfo.InvariantCulture))];

        var second = await PageAsync($"?{prefix}page=2");
        var oldestFirst = await PageAsync($"?{prefix}sort=number&{prefix}desc=false");
        var byEntities = await PageAsync($"?{prefix}sort=entities");
        var byEntitiesSecond = await PageAsync($"?{prefix}sort=entities&{prefix}page=2");
        var byFileDescending = await PageAsync($"?{prefix}sort=file&{prefix}desc=true");

        // Newest first until a column is chosen, 25 to a page, the pager linking to this list's second page.
        Assert.Equal(Enumerable.Range(3, 25).Reverse(), Numbers(first));
        Assert.Contains($"{prefix}page=2\" rel=\"next\"", first, StringComparison.Ordinal);
        Assert.Equal([2, 1], Numbers(second));
        Assert.Equal(Enumerable.Range(1, 25), Numbers(oldestFirst));
        Assert.Equal(Entities(byEntities).Order(), Entities(byEntities));
        Assert.Equal(27, Entities(byEntities).Concat(Entities(byEntitiesSecond)).Count());
        Assert.True(Entities(byEntities)[^1] <= Entities(byEntitiesSecond)[0]);
        Assert.Equal(Enumerable.Range(3, 25).Reverse(), Numbers(byFileDescending));
        Assert.Contains("aria-sort=\"ascending\"", HtmlTables.Header(byEntities, prefix + "versions"), StringComparison.Ordinal);
        Assert.Contains("27 in all", first, StringComparison.Ordinal);

        // Another list's table is not sorted or paged by this one's parameters.
        var other = Regex.Matches(first, "id=\"(list\\d+-)versions\"", RegexOptions.None, TimeSpan.FromSeconds(5)).Select(m => m.Groups[1].Value).FirstOrDefault(p => p != prefix);
        if (other is not null)
        {
            Assert.Equal(HtmlTables.Rows(first, other + "versions").Select(r => r[0]), HtmlTables.Rows(byEntities, other + "versions").Select(r => r[0]));
        }
    }
}
