using System.Net;
using System.Text.RegularExpressions;
using Entente.Application.Persistence;
using Entente.Web.Tests.Infrastructure;

namespace Entente.Web.Tests.Features.Organisations;

[Collection(WebCollection.Name)]
public sealed partial class OrganisationPagesTests(Hosts hosts)
{
    private const string Password = "Entente-Demo-2014";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MyOrganisation_SortsPeopleByTheChosenColumn(Provider provider)
    {
        var session = new BrowserlessSession(hosts.For(provider));
        await session.SignInAsync("officer@albion.example", Password, null);

        var byName = Emails(await session.Client.GetStringAsync("/organisations/mine", Ct));
        var byEmail = Emails(await session.Client.GetStringAsync("/organisations/mine?sort=email", Ct));
        var byEmailDescending = Emails(await session.Client.GetStringAsync("/organisations/mine?sort=email&desc=true", Ct));

        // By name Alice Morgan (officer@) comes before Tom Fletcher (member@); by e-mail it is the other way round.
        Assert.Equal(["officer@albion.example", "member@albion.example"], byName);
        Assert.Equal(["member@albion.example", "officer@albion.example"], byEmail);
        Assert.Equal(byName.OrderByDescending(e => e, StringComparer.OrdinalIgnoreCase), byEmailDescending);
        Assert.Contains("aria-sort=\"descending\"", await session.Client.GetStringAsync("/organisations/mine?sort=email&desc=true", Ct), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Register_ShowsBothPartiesWithTheirParty_ToTheAdministrator(Provider provider)
    {
        var session = new BrowserlessSession(hosts.For(provider));
        await session.SignInAsync("admin@entente.example", Password, "JBSWY3DPEHPK3PXPADMINAAA");

        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/organisations", Ct));

        Assert.Contains("Organisations of both parties", html, StringComparison.Ordinal);
        Assert.Contains("<td>GB</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>RU</td>", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Register_KeepsToItsParty_ForAnAuditor(Provider provider)
    {
        var session = new BrowserlessSession(hosts.For(provider));
        await session.SignInAsync("auditor@ecju.example", Password, null);

        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/organisations?q=zzzz-no-such-name", Ct));

        Assert.Contains("Organisations of your party", html, StringComparison.Ordinal);
        Assert.Contains("Nothing matches this filter. <a href=\"/organisations\">Clear the filter</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OrganisationPage_LeadsBackToTheQueue_AndLabelsTheInnInRussian(Provider provider)
    {
        var session = new BrowserlessSession(hosts.For(provider));
        await session.SignInAsync("officer@fsvts.example", Password, "JBSWY3DPEHPK3PXPRUOFFICR");
        var id = OrganisationLink().Match(await session.Client.GetStringAsync("/organisations?q=Rosoboronexport", Ct)).Groups[1].Value;
        Assert.NotEmpty(id);

        await session.GetAsync("/culture/ru?returnUrl=%2F");
        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/organisations/" + id, Ct));

        Assert.Matches("<p class=\"breadcrumb\">\\s*<a href=\"/organisations\">Очередь проверки</a>", html);
        Assert.Contains("<dt>ИНН</dt>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<dt>INN", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OrganisationPage_LeadsBackToTheDirectory_ForACompanyOfficer(Provider provider)
    {
        var session = new BrowserlessSession(hosts.For(provider));
        await session.SignInAsync("officer@albion.example", Password, null);
        // Its own organisation's id, from the role-change forms of its people on "My organisation".
        var id = OwnOrganisation().Match(await session.Client.GetStringAsync("/organisations/mine", Ct)).Groups[1].Value;
        Assert.NotEmpty(id);

        var html = await session.Client.GetStringAsync("/organisations/" + id, Ct);

        Assert.Matches("<p class=\"breadcrumb\">\\s*<a href=\"/directory\">Directory</a>", html);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OrganisationPage_AnswersNotFoundWithThePage_WhenTheOrganisationIsNotTheReaders(Provider provider)
    {
        // The transparency log links every organisation, including those of the other party its reader cannot open.
        var session = new BrowserlessSession(hosts.For(provider));
        await session.SignInAsync("officer@fsvts.example", Password, "JBSWY3DPEHPK3PXPRUOFFICR");
        await session.GetAsync("/culture/ru?returnUrl=%2F");

        var response = await session.GetAsync("/organisations/" + Guid.NewGuid());
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Не найдено</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">На главную</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Directory_SortsByRussianNameAndRegistrationNumber_FromTheirHeaders(Provider provider)
    {
        var session = new BrowserlessSession(hosts.For(provider));
        await session.SignInAsync("auditor@ecju.example", Password, null);

        var plain = await session.Client.GetStringAsync("/directory", Ct);
        var byRussian = await session.Client.GetStringAsync("/directory?sort=name-ru", Ct);
        var byNumberDescending = await session.Client.GetStringAsync("/directory?sort=number&desc=true", Ct);

        // The headers link to the sorts; a sorted column says so to assistive technology.
        var header = WebUtility.HtmlDecode(HtmlTables.Header(plain, "directory"));
        Assert.Contains("/directory?sort=name-ru&desc=False\"", header, StringComparison.Ordinal);
        Assert.Contains("/directory?sort=number&desc=False\"", header, StringComparison.Ordinal);
        Assert.Contains("aria-sort=\"descending\"", HtmlTables.Header(byNumberDescending, "directory"), StringComparison.Ordinal);

        // Russian names alphabetically by the Russian collation, numbers character by character, whatever the server's default collation.
        var russian = HtmlTables.Rows(byRussian, "directory").Select(r => r[1]).ToList();
        var numbers = HtmlTables.Rows(byNumberDescending, "directory").Select(r => r[3]).ToList();
        Assert.Contains("АО «Рособоронэкспорт»", russian);
        Assert.Equal(russian.Order(Comparer<string>.Create((x, y) => Collated.Compare(TextOrder.Russian, x, y))), russian);
        Assert.Contains("04417823", numbers);
        Assert.Equal(numbers.Order(StringComparer.Ordinal).Reverse(), numbers);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Register_SortsByPartyAndRegistrationNumber_FromTheirHeaders(Provider provider)
    {
        var admin = new BrowserlessSession(hosts.For(provider));
        await admin.SignInAsync("admin@entente.example", Password, "JBSWY3DPEHPK3PXPADMINAAA");
        var auditor = new BrowserlessSession(hosts.For(provider));
        await auditor.SignInAsync("auditor@fsvts.example", Password, null);

        var byPartyDescending = await admin.Client.GetStringAsync("/organisations?sort=party&desc=true", Ct);
        var byNumber = await auditor.Client.GetStringAsync("/organisations?sort=number", Ct);

        // The administrator's register: cells are name, party, number, …; an authority's has no party column.
        var parties = HtmlTables.Rows(byPartyDescending, "organisations").Select(r => r[1]).ToList();
        Assert.Equal(["RU", "GB"], parties.Distinct());
        Assert.Equal(parties.Order(StringComparer.Ordinal).Reverse(), parties);
        Assert.Contains("aria-sort=\"descending\"", HtmlTables.Header(byPartyDescending, "organisations"), StringComparison.Ordinal);

        var numbers = HtmlTables.Rows(byNumber, "organisations").Select(r => r[1]).ToList();
        Assert.Contains("1117746260477", numbers);
        Assert.Equal(numbers.Order(StringComparer.Ordinal), numbers);
        Assert.Contains("aria-sort=\"ascending\"", HtmlTables.Header(byNumber, "organisations"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MyOrganisation_SortsPeopleByTwoFactor_FromItsHeader(Provider provider)
    {
        var session = new BrowserlessSession(hosts.For(provider));
        await session.SignInAsync("officer@albion.example", Password, null);

        var html = await session.Client.GetStringAsync("/organisations/mine?sort=two-factor&desc=true", Ct);

        // On before Off when descending; the people themselves are the same two.
        var flags = HtmlTables.Rows(html, "members").Select(r => r[3]).ToList();
        Assert.Equal(2, flags.Count);
        Assert.Equal(flags.OrderByDescending(f => f == "On"), flags);
        Assert.Contains("aria-sort=\"descending\"", HtmlTables.Header(html, "members"), StringComparison.Ordinal);
        Assert.Equal(["member@albion.example", "officer@albion.example"], Emails(html).Order(StringComparer.Ordinal));
    }

    private static List<string> Emails(string html) =>
        [.. MemberEmail().Matches(WebUtility.HtmlDecode(MembersTable().Match(html).Value)).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<table class=\"grid\" id=\"members\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex MembersTable();

    [GeneratedRegex("href=\"/organisations/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"")]
    private static partial Regex OrganisationLink();

    [GeneratedRegex("action=\"/organisations/([0-9a-f-]{36})/members/")]
    private static partial Regex OwnOrganisation();

    [GeneratedRegex("<td>([^<@]+@[^<]+)</td>")]
    private static partial Regex MemberEmail();
}
