using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Entente.Application.Identity;
using Entente.Web.Components.Layout;
using Entente.Web.Tests.Infrastructure;

namespace Entente.Web.Tests.Components.Layout;

[Collection(WebCollection.Name)]
public sealed partial class NavMenuTests(Hosts hosts)
{
    private const string Password = "Entente-Demo-2014";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> LinksByRole => new()
    {
        { EntenteRoles.Member, "/directory /organisations/mine /counterparties" },
        { EntenteRoles.ComplianceOfficer, "/directory /organisations/mine /counterparties /screening /screening/lists" },
        { EntenteRoles.AuthorityOfficer, "/directory /organisations /counterparties /treaty /treaty/check /screening/hits /screening /screening/lists /log" },
        { EntenteRoles.Auditor, "/directory /organisations /counterparties /treaty /treaty/check /screening/hits /screening /screening/lists /log" },
        { EntenteRoles.Administrator, "/directory /organisations /treaty /screening /screening/lists" },
    };

    [Theory]
    [MemberData(nameof(LinksByRole))]
    public void For_ListsOnlyThePagesTheRoleOpens(string role, string expected)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));

        var hrefs = NavMenu.For(user).SelectMany(g => g.Items).Select(i => i.Href);

        Assert.Equal(expected.Split(' '), hrefs);
    }

    [Theory]
    [MemberData(nameof(LinksByRole))]
    public void Offers_AgreesWithTheMenus_ForEveryLinkAndRole(string role, string expected)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));
        var offered = expected.Split(' ');

        foreach (var href in new[] { "/directory", "/organisations/mine", "/organisations", "/counterparties", "/treaty", "/treaty/check", "/screening/hits", "/screening", "/screening/lists", "/log", "/nowhere" })
        {
            Assert.Equal(offered.Contains(href), NavMenu.Offers(user, href));
        }
    }

    [Fact]
    public void For_ListsNothing_WhenTheUserHasNoRole()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone")], "test"));

        Assert.Empty(NavMenu.For(user));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Header_GroupsLinksInMenus_AndMarksTheCurrentPage(Provider provider)
    {
        var session = new BrowserlessSession(hosts.For(provider));
        await session.SignInAsync("officer@ecju.example", Password, "JBSWY3DPEHPK3PXPGBOFFICR");

        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/treaty/check", Ct));
        var header = Header().Match(html).Value;

        Assert.Contains("<details class=\"menu\" name=\"main-menu\" data-menu=\"treaty\"><summary class=\"current\">Treaty</summary>", header, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/treaty/check\" class=\"current\" aria-current=\"page\">Check a transfer</a>", header, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/log\">Transparency log</a>", header, StringComparison.Ordinal);
        Assert.Contains("action=\"/account/sign-out\"", header, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", header, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Header_HidesAuthorityPages_FromAMember(Provider provider)
    {
        var session = new BrowserlessSession(hosts.For(provider));
        await session.SignInAsync("member@albion.example", Password, null);

        var header = Header().Match(WebUtility.HtmlDecode(await session.Client.GetStringAsync("/directory", Ct))).Value;

        Assert.Contains("<a href=\"/directory\" class=\"current\" aria-current=\"page\">Directory</a>", header, StringComparison.Ordinal);
        foreach (var hidden in new[] { "/organisations\"", "/treaty", "/log", "/screening" })
        {
            Assert.DoesNotContain("href=\"" + hidden, header, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("<header class=\"top\">.*?</header>", RegexOptions.Singleline)]
    private static partial Regex Header();
}
