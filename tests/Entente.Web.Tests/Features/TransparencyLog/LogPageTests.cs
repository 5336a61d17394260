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
