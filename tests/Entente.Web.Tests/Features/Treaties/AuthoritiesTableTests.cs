using System.Net;
using Entente.Web.Infrastructure;
using Entente.Web.Tests.Infrastructure;

namespace Entente.Web.Tests.Features.Treaties;

[Collection(WebCollection.Name)]
public sealed class AuthoritiesTableTests(Hosts hosts)
{
    private const string Password = "Entente-Demo-2014";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> PageAsync(BrowserlessSession session, string query) =>
        WebUtility.HtmlDecode(await session.Client.GetStringAsync("/treaty" + query, Ct));

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Authorities_SortByTheChosenColumn_WithoutReorderingTheHistory(Provider provider)
    {
        var session = new BrowserlessSession(hosts.For(provider));
        await session.SignInAsync("auditor@ecju.example", Password, null);

        var byParty = await PageAsync(session, "");
        var byPartyDescending = await PageAsync(session, "?authorities-sort=party&authorities-desc=true");
        var byName = await PageAsync(session, "?authorities-sort=authority");
        var byNameDescending = await PageAsync(session, "?authorities-sort=authority&authorities-desc=true");
        var historyDescending = await PageAsync(session, "?desc=true");

        static List<string> Parties(string html) => [.. HtmlTables.Rows(html, "authorities").Select(r => r[0])];
        static List<string> Names(string html) => [.. HtmlTables.Rows(html, "authorities").Select(r => r[1])];
        static List<int> History(string html) => [.. HtmlTables.Rows(html, "history").Select(r => int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture))];

        Assert.Equal(["GB", "RU"], Parties(byParty));
        Assert.Equal(["RU", "GB"], Parties(byPartyDescending));
        Assert.Equal(Names(byName).Order(ListPages.Names), Names(byName));
        Assert.Equal(Names(byName).AsEnumerable().Reverse(), Names(byNameDescending));
        Assert.Contains("aria-sort=\"descending\"", HtmlTables.Header(byPartyDescending, "authorities"), StringComparison.Ordinal);
        Assert.Contains("?authorities-sort=party&authorities-desc=False\"", HtmlTables.Header(byPartyDescending, "authorities"), StringComparison.Ordinal);

        // The history keeps its own order: the authorities' direction does not reverse it, its own desc does.
        var history = History(byPartyDescending);
        Assert.True(history.Count >= 2, "the demo treaty has a history");
        Assert.Equal(history.Order(), history);
        Assert.Equal(history.OrderDescending(), History(historyDescending));
        Assert.Equal(["GB", "RU"], Parties(historyDescending));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Authorities_ShowTheLastPage_WhenAskedForAPagePastTheEnd(Provider provider)
    {
        var session = new BrowserlessSession(hosts.For(provider));
        await session.SignInAsync("auditor@ecju.example", Password, null);

        var html = await PageAsync(session, "?authorities-page=7");

        Assert.Equal(["GB", "RU"], HtmlTables.Rows(html, "authorities").Select(r => r[0]));
        Assert.Contains("2 in all", html, StringComparison.Ordinal);
    }
}
