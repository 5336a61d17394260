using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Entente.Application.Seeding;
using Entente.Web.Tests.Infrastructure;

namespace Entente.Web.Tests.Features.Screening;

[Collection(WebCollection.Name)]
public sealed partial class ListsPageTests(Hosts hosts)
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
        var heading = Regex.Match(first, Regex.Escape(listName) + " <small>[^<]*</small></h2>\\s*(<figure class=\"chart-figure\" id=\"(list\\d+-)chart\">.*?</figure>)\\s*<div class=\"table-scroll\">\\s*<table class=\"grid\" id=\"(list\\d+-)versions\">", RegexOptions.Singleline, TimeSpan.FromSeconds(5));
        var prefix = heading.Groups[3].Value;
        Assert.NotEmpty(prefix);
        Assert.Equal(prefix, heading.Groups[2].Value);
        var chart = heading.Groups[1].Value;
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

        // Above the table, a chart of the last 20 versions, oldest at left, whatever the table's sort and page: one
        // rectangle per non-zero count of the table, none for a zero.
        var all = HtmlTables.Rows(oldestFirst, prefix + "versions").Concat(HtmlTables.Rows(await PageAsync($"?{prefix}sort=number&{prefix}desc=false&{prefix}page=2"), prefix + "versions")).ToList();
        Assert.Equal(Enumerable.Range(1, 27).Select(n => n.ToString(CultureInfo.InvariantCulture)), all.Select(r => r[0]));
        var charted = all.Skip(7).ToList();
        Assert.Contains("role=\"img\"", chart, StringComparison.Ordinal);
        Assert.Contains($"aria-labelledby=\"{prefix}chart-title\"", chart, StringComparison.Ordinal);
        Assert.Contains($"<desc id=\"{prefix}chart-desc\">Changes of versions 8 to 27 of {listName}, oldest first.", chart, StringComparison.Ordinal);
        Assert.Equal(charted.Select(r => r[0]), ChartLabels().Matches(chart).Select(m => m.Groups[1].Value));
        var expected = charted.SelectMany(r => new[] { (0, r[5]), (1, r[6]), (2, r[7]) }).Where(c => c.Item2 != "0").Select(c => $"{c.Item1}:{c.Item2}");
        Assert.Equal(expected, ChartSegments().Matches(chart).Select(m => m.Groups[1].Value + ":" + m.Groups[2].Value));
        Assert.Equal(["Added", "Changed", "Removed"], ChartLegend().Matches(chart).Select(m => m.Groups[1].Value));
        Assert.Contains(chart, byEntitiesSecond, StringComparison.Ordinal);

        // Another list's table is not sorted or paged by this one's parameters.
        var other = Regex.Matches(first, "id=\"(list\\d+-)versions\"", RegexOptions.None, TimeSpan.FromSeconds(5)).Select(m => m.Groups[1].Value).FirstOrDefault(p => p != prefix);
        if (other is not null)
        {
            Assert.Equal(HtmlTables.Rows(first, other + "versions").Select(r => r[0]), HtmlTables.Rows(byEntities, other + "versions").Select(r => r[0]));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Chart_SpeaksRussian_OnTheRussianPage(Provider provider)
    {
        var factory = hosts.For(provider);
        var session = new BrowserlessSession(factory);
        await session.SignInAsync("auditor@ecju.example", Password, null);
        await session.GetAsync("/culture/ru?returnUrl=%2Fscreening%2Flists");

        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/screening/lists", Ct));

        // The demo list: its first version added every entity, and its second added and removed none.
        var chart = Regex.Match(html, Regex.Escape(DemoCommunity.SanctionsListName) + " <small>[^<]*</small></h2>\\s*<figure class=\"chart-figure\" id=\"list\\d+-chart\">.*?</figure>", RegexOptions.Singleline, TimeSpan.FromSeconds(5)).Value;
        Assert.Contains("<figcaption>Добавлено, изменено и удалено по версиям</figcaption>", chart, StringComparison.Ordinal);
        Assert.Equal(["Добавлено", "Изменено", "Удалено"], ChartLegend().Matches(chart).Select(m => m.Groups[1].Value));
        Assert.Matches("<desc id=\"list\\d+-chart-desc\">Изменения версий с 1 по 2 списка " + Regex.Escape(DemoCommunity.SanctionsListName), chart);
        Assert.Contains("Всего: Добавлено ", chart, StringComparison.Ordinal);
        Assert.Contains("0", ChartSegments().Matches(chart).Select(m => m.Groups[1].Value));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Demo_ChartsTheTwoOfacReleases_AsTheListsTwoVersions(Provider provider)
    {
        var factory = hosts.For(provider);
        var session = new BrowserlessSession(factory);
        await session.SignInAsync("auditor@ecju.example", Password, null);

        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/screening/lists", Ct));

        var heading = Regex.Match(html, Regex.Escape(DemoCommunity.SanctionsListName) + " <small>[^<]*</small></h2>\\s*(<figure class=\"chart-figure\" id=\"(list\\d+-)chart\">.*?</figure>)", RegexOptions.Singleline, TimeSpan.FromSeconds(5));
        Assert.True(heading.Success);
        var chart = heading.Groups[1].Value;
        var rows = HtmlTables.Rows(html, heading.Groups[2].Value + "versions");
        // Newest first: the 2025 release changed seven of the nine entities the 2021 release added. The file cell
        // also shows the start of the file's hash.
        Assert.Equal(
            [("2", "demo-ofac-extract-2025.csv", "9", "0", "7", "0"), ("1", "demo-ofac-extract-2021.csv", "9", "9", "0", "0")],
            rows.Select(r => (r[0], r[3].Split(' ')[0], r[4], r[5], r[6], r[7])));
        Assert.Equal(["1", "2"], ChartLabels().Matches(chart).Select(m => m.Groups[1].Value));
        Assert.Equal(["0:9", "1:7"], ChartSegments().Matches(chart).Select(m => m.Groups[1].Value + ":" + m.Groups[2].Value));
    }

    [GeneratedRegex("<g class=\"label\"><text[^>]*>([^<]*)</text></g>")]
    private static partial Regex ChartLabels();

    [GeneratedRegex("<rect class=\"segment[^\"]*\"(?: fill=\"[^\"]*\")? data-series=\"(\\d)\" data-value=\"(\\d+)\"")]
    private static partial Regex ChartSegments();

    [GeneratedRegex("<span class=\"series\">([^<]*)</span>")]
    private static partial Regex ChartLegend();
}
