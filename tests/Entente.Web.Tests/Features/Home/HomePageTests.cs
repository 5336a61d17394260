using System.Net;
using System.Text.RegularExpressions;
using Entente.Web.Tests.Infrastructure;

namespace Entente.Web.Tests.Features.Home;

/// <summary>The home page's cards: each role is offered the pages of its daily work, and only pages it may open.</summary>
[Collection(WebCollection.Name)]
public sealed partial class HomePageTests(Hosts hosts)
{
    private const string Password = "Entente-Demo-2014";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string?, string> Roles => new()
    {
        { "officer@albion.example", null, "/directory,/organisations/mine,/counterparties,/screening,/account/tokens" },
        { "member@albion.example", null, "/directory,/organisations/mine,/counterparties,/account/tokens" },
        { "officer@ecju.example", "JBSWY3DPEHPK3PXPGBOFFICR", "/directory,/organisations?status=Pending,/screening/hits,/account/tokens" },
        { "auditor@ecju.example", null, "/directory,/organisations?status=Pending,/screening/hits,/account/tokens" },
        { "admin@entente.example", "JBSWY3DPEHPK3PXPADMINAAA", "/directory,/account/tokens" },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Cards_OfferTheRolesDailyPages_AndEachOpens(string email, string? totp, string expected)
    {
        var session = new BrowserlessSession(hosts.For(Provider.Sqlite));
        await session.SignInAsync(email, Password, totp);

        var cards = Cards().Matches(WebUtility.HtmlDecode(await session.Client.GetStringAsync("/", Ct))).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(expected.Split(','), cards);
        foreach (var card in cards)
        {
            var response = await session.GetAsync(card);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email}: {card} answers {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Cards_SpeakRussian_OnTheRussianPage()
    {
        var session = new BrowserlessSession(hosts.For(Provider.Sqlite));
        await session.SignInAsync("officer@albion.example", Password, null);
        await session.GetAsync("/culture/ru?returnUrl=%2F");

        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/", Ct));

        Assert.Contains("<h2>Грузополучатели и конечные пользователи</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Проверить имя</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Where your goods go", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<a class=\"card\" href=\"([^\"]+)\">")]
    private static partial Regex Cards();
}
