using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Entente.Application.TransparencyLog;
using Entente.Core.TransparencyLog;
using Entente.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Web.Tests.Features.TransparencyLog;

[Collection(WebCollection.Name)]
public sealed class LogPageTests(Hosts hosts)
{
    private const string Password = "Entente-Demo-2014";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task LogPage_ListsDecodedEntries_FiltersByAction_AndProvesAnEntry(Provider provider)
    {
        var factory = hosts.For(provider);
        await factory.WithScopeAsync(async sp => await sp.GetRequiredService<CheckpointSigner>().SignAsync(Ct));
        var session = new BrowserlessSession(factory);
        await session.SignInAsync("auditor@ecju.example", Password, null);

        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/log", Ct));
        Assert.Contains("<a href=\"/log\" class=\"current\" aria-current=\"page\">", html, StringComparison.Ordinal);
        Assert.Contains("id=\"entries\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"witnesses\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"organisation.registered\">Organisation registered</option>", html, StringComparison.Ordinal);

        // Every action the platform records reads as words, not as its code (other tests of this host append "test." entries).
        var actions = await factory.WithScopeAsync(sp => sp.GetRequiredService<LogQueries>().ActionsAsync(Ct));
        Assert.All(actions.Where(a => !a.StartsWith("test.", StringComparison.Ordinal)), action => Assert.True(Entente.Web.Infrastructure.CodeLabels.LogAction.ContainsKey(action), action));

        // Oldest first, the seeding's first entries come first.
        var oldest = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/log?desc=false", Ct));
        Assert.Contains("<td>0</td>", oldest, StringComparison.Ordinal);

        var filtered = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/log?action=organisation.registered", Ct));
        Assert.Contains("data-action=\"organisation.registered\"", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"treaty.", filtered, StringComparison.Ordinal);

        var none = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/log?action=no.such.action", Ct));
        Assert.Contains("Nothing matches this filter", none, StringComparison.Ordinal);

        // The downloaded tlog-proof verifies offline against the platform key.
        var proofText = await session.Client.GetStringAsync("/api/v1/log/proofs/tlog/1", Ct);
        var proof = TlogProof.Parse(proofText);
        var entry = await factory.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<Entente.Application.Persistence.EntenteDbContext>().LogEntries.Single(e => e.Sequence == 1).Bytes));
        var platform = await factory.Services.GetRequiredService<PlatformLogKey>().GetVerifierAsync(Ct);
        var check = proof.Verify(MerkleHashing.HashLeaf(entry), "entente.example/gb-ru-2014", [platform], [], 0);
        Assert.True(check.IsValid, check.Reason);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task LogPage_LinksTheReadersOwnPartysOrganisation_AndShowsTheOtherPartysAsText(Provider provider)
    {
        var factory = hosts.For(provider);
        var albion = await factory.OrganisationIdAsync("04417823"); // GB
        var kalashnikov = await factory.OrganisationIdAsync("1111832003018"); // RU
        var gb = new BrowserlessSession(factory);
        await gb.SignInAsync("auditor@ecju.example", Password, null);
        var ru = new BrowserlessSession(factory);
        await ru.SignInAsync("auditor@fsvts.example", Password, null);

        // Each organisation's own entries, by the filter, so that entries other tests append cannot push them off the page.
        async Task<string> EntriesTableAsync(BrowserlessSession session, Guid organisation)
        {
            var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/log?organisation=" + organisation, Ct));
            var table = Regex.Match(html, "<table class=\"grid\" id=\"entries\">.*?</table>", RegexOptions.Singleline, TimeSpan.FromSeconds(5)).Value;
            Assert.NotEmpty(table);
            return table;
        }

        var gbOwn = await EntriesTableAsync(gb, albion);
        var gbOther = await EntriesTableAsync(gb, kalashnikov);
        var ruOwn = await EntriesTableAsync(ru, kalashnikov);
        var ruOther = await EntriesTableAsync(ru, albion);

        Assert.Contains("<a href=\"/organisations/" + albion + "\">Albion Precision Engineering Ltd</a>", gbOwn, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/organisations/" + kalashnikov + "\">Kalashnikov Concern JSC</a>", ruOwn, StringComparison.Ordinal);

        // The name stays (the log is public to both governments); only the link to a page that would answer 404 goes.
        Assert.DoesNotContain("/organisations/" + kalashnikov, gbOther, StringComparison.Ordinal);
        Assert.Matches("<td>\\s*Kalashnikov Concern JSC\\s*</td>", gbOther);
        Assert.DoesNotContain("/organisations/" + albion, ruOther, StringComparison.Ordinal);
        Assert.Matches("<td>\\s*Albion Precision Engineering Ltd\\s*</td>", ruOther);

        // What the page links, the organisation page opens; what it does not, it answers 404 to.
        Assert.Equal(HttpStatusCode.OK, (await gb.GetAsync("/organisations/" + albion)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gb.GetAsync("/organisations/" + kalashnikov)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task LogPage_ReadsTheSubmittedIsoDate_WhenTheCultureIsRu(Provider provider)
    {
        var session = new BrowserlessSession(hosts.For(provider));
        await session.SignInAsync("auditor@fsvts.example", Password, null); // recorded in the log: today has an entry
        await session.GetAsync("/culture/ru?returnUrl=%2Flog");
        async Task<string> PageAsync(string query) => WebUtility.HtmlDecode(await session.Client.GetStringAsync("/log" + query, Ct));
        var today = DateTime.UtcNow.Date;
        string Iso(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // A day long before the platform existed: the ISO value is read as that day, so nothing matches, and the field keeps it.
        var before = await PageAsync("?from=2000-01-01&to=2000-01-01");
        Assert.Contains("Ничего не найдено. Сбросьте фильтр, чтобы увидеть все записи.", before, StringComparison.Ordinal);
        Assert.Contains("<input id=\"from\" name=\"from\" type=\"date\" value=\"2000-01-01\" lang=\"ru-RU\" placeholder=\"гггг-мм-дд\"", before, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"date-format\"", before, StringComparison.Ordinal);

        // Around today: the sign-in above is there.
        var around = await PageAsync($"?from={Iso(today.AddDays(-1))}&to={Iso(today.AddDays(1))}");
        Assert.Contains("data-action=\"user.signed-in\"", around, StringComparison.Ordinal);

        // Typed the Russian way where a browser offers a text box: not guessed at, said so, and the rest of the page still shown.
        var typed = await PageAsync("?from=01.01.2000&to=01.01.2000");
        Assert.Contains("<p class=\"notice error\" id=\"date-format\" role=\"alert\">Укажите дату в виде ГГГГ-ММ-ДД", typed, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"date-format\"", typed, StringComparison.Ordinal);
        Assert.Contains("data-action=\"user.signed-in\"", typed, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task LogPage_AsksForDatesInBritishEnglish_WhenTheCultureIsEn(Provider provider)
    {
        var session = new BrowserlessSession(hosts.For(provider));
        await session.SignInAsync("auditor@ecju.example", Password, null);
        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/log?to=2000-01-01", Ct));

        Assert.Contains("<input id=\"to\" name=\"to\" type=\"date\" value=\"2000-01-01\" lang=\"en-GB\" placeholder=\"yyyy-mm-dd\"", html, StringComparison.Ordinal);
        Assert.Contains("Nothing matches this filter. Clear it to see every entry.", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task LogPage_IsInRussian_WhenTheCultureIsRu(Provider provider)
    {
        var factory = hosts.For(provider);
        var session = new BrowserlessSession(factory);
        await session.SignInAsync("auditor@fsvts.example", Password, null);

        await session.GetAsync("/culture/ru?returnUrl=%2Flog");
        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/log", Ct));

        Assert.Contains("Журнал прозрачности", html, StringComparison.Ordinal);
    }
}
