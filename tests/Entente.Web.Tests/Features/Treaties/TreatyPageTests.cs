using System.Net;
using Entente.Application.Treaties;
using Entente.Web.Tests.Infrastructure;

namespace Entente.Web.Tests.Features.Treaties;

[Collection(WebCollection.Name)]
public sealed class TreatyPageTests(Hosts hosts)
{
    private const string Password = "Entente-Demo-2014";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> CheckFields(string rating, string form) => new(StringComparer.Ordinal)
    {
        ["Input.ExporterParty"] = "GB",
        ["Input.ExporterMembership"] = "Approved",
        ["Input.ExporterScreening"] = "Clear",
        ["Input.ImporterParty"] = "RU",
        ["Input.ImporterMembership"] = "Approved",
        ["Input.ImporterScreening"] = "Clear",
        ["Input.Rating"] = rating,
        ["Input.Form"] = form,
        ["Input.Scheme"] = "GB",
        ["Input.Marking"] = "OFFICIAL",
        ["Input.ForRating"] = "",
        ["Input.EndUse"] = "JointProject",
        ["Input.ProjectApproved"] = "true",
        ["Input.BothMembers"] = "true",
        ["Input.Quantity"] = "10",
        ["Input.Value"] = "25000",
        ["Input.LicenceStatus"] = "Issued",
        ["Input.QuantityLeft"] = "0",
        ["Input.ValueLeft"] = "0",
        ["Input.OriginParty"] = "GB",
    };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CheckPage_ShowsProhibitedOutcomeWithItsClause_WhenTheItemIsMissileTechnology(Provider provider)
    {
        var factory = hosts.For(provider);
        var session = new BrowserlessSession(factory);
        await session.SignInAsync("auditor@ecju.example", Password, null);

        var form = await session.Client.GetStringAsync("/treaty/check", Ct);
        Assert.Contains("id=\"check-form\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"outcome\"", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"OpenHit\">", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Suspended\">", form, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/treaty/check\" class=\"current\" aria-current=\"page\">", form, StringComparison.Ordinal); // the section tab

        var response = await session.SubmitAsync("/treaty/check", "check", CheckFields("7A117", "Component"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("data-outcome=\"Prohibited\"", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"clause\" data-clause=\"Art. 7\">Art. 7</td>", html, StringComparison.Ordinal);
        Assert.Contains("7A117 (Navigation and avionics", html, StringComparison.Ordinal);

        var fine = WebUtility.HtmlDecode(await (await session.SubmitAsync("/treaty/check", "check", CheckFields("ML13a", "Complete"))).Content.ReadAsStringAsync(Ct));
        Assert.Contains("data-outcome=\"Authorised\"", fine, StringComparison.Ordinal);

        var bad = WebUtility.HtmlDecode(await (await session.SubmitAsync("/treaty/check", "check", CheckFields("XX12", "Complete"))).Content.ReadAsStringAsync(Ct));
        Assert.Contains("item.rating 'XX12' is not on the control list", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("data-outcome=", bad, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CheckPage_ShowsReasonsInRussian_WhenTheCultureIsRu(Provider provider)
    {
        var factory = hosts.For(provider);
        var session = new BrowserlessSession(factory);
        await session.SignInAsync("auditor@fsvts.example", Password, null);
        await session.GetAsync("/culture/ru?returnUrl=%2Ftreaty%2Fcheck");

        var html = WebUtility.HtmlDecode(await (await session.SubmitAsync("/treaty/check", "check", CheckFields("ML4", "Component"))).Content.ReadAsStringAsync(Ct));

        Assert.Contains("Запрещено", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"clause\" data-clause=\"Art. 7\">Ст. 7</td>", html, StringComparison.Ordinal);
        Assert.Contains("Проверить передачу", html, StringComparison.Ordinal);

        // Every choice reads as words in the reader's language while the value stays the contract's code.
        Assert.Contains("<option value=\"OpenHit\">Возможное совпадение на проверке</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Revoked\">Отозвана уполномоченным органом</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"GB-pre2014\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">OpenHit<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">ConfirmedHit<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">GB-pre2014<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Exhausted<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">InForce<", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CheckPage_IsRefused_ToMembers(Provider provider)
    {
        var factory = hosts.For(provider);
        var session = new BrowserlessSession(factory);
        await session.SignInAsync("member@albion.example", Password, null);

        var response = await session.GetAsync("/treaty/check");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.LocationPath(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TreatyPage_ShowsStatusHistoryAndArticles_RussianFirst_WhenTheCultureIsRu(Provider provider)
    {
        var factory = hosts.For(provider);
        var session = new BrowserlessSession(factory);
        await session.SignInAsync("auditor@fsvts.example", Password, null);
        var article = TreatyCatalogue.DefaultTreaty.Article("Art. 3")!;

        var english = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/treaty", Ct));
        Assert.Contains("data-status=\"InForce\"", english, StringComparison.Ordinal);
        Assert.Contains("id=\"history\"", english, StringComparison.Ordinal);
        Assert.True(english.IndexOf(article.Text.En, StringComparison.Ordinal) < english.IndexOf(article.Text.Ru, StringComparison.Ordinal), "English first for an English reader");
        Assert.DoesNotContain("id=\"suspend\"", english, StringComparison.Ordinal);

        await session.GetAsync("/culture/ru?returnUrl=%2Ftreaty");
        var russian = WebUtility.HtmlDecode(await session.Client.GetStringAsync("/treaty", Ct));
        Assert.Contains(TreatyCatalogue.DefaultTreaty.Title.Ru, russian, StringComparison.Ordinal);
        Assert.Contains("Действующая редакция", russian, StringComparison.Ordinal);
        Assert.Contains("Ратификация", russian, StringComparison.Ordinal);
        var ruAt = russian.IndexOf(article.Text.Ru, StringComparison.Ordinal);
        Assert.True(ruAt >= 0 && ruAt < russian.IndexOf(article.Text.En, StringComparison.Ordinal), "Russian first for a Russian reader");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TreatyPage_OfficerSuspendsWithReason_AndBothResume(Provider provider)
    {
        var factory = hosts.For(provider);
        var gb = new BrowserlessSession(factory);
        await gb.SignInAsync("officer@ecju.example", Password, "JBSWY3DPEHPK3PXPGBOFFICR");
        var ru = new BrowserlessSession(factory);
        await ru.SignInAsync("officer@fsvts.example", Password, "JBSWY3DPEHPK3PXPRUOFFICR");

        var page = await gb.Client.GetStringAsync("/treaty", Ct);
        Assert.Contains("id=\"suspend\"", page, StringComparison.Ordinal);

        var before = await factory.CountLogEntriesAsync();
        var noReason = WebUtility.HtmlDecode(await (await gb.SubmitAsync("/treaty", "treaty-step", new Dictionary<string, string>(StringComparer.Ordinal) { ["Input.Step"] = "suspend", ["Input.Reason"] = "" })).Content.ReadAsStringAsync(Ct));
        Assert.Contains("data-field=\"reason\"", noReason, StringComparison.Ordinal);
        Assert.Equal(before, await factory.CountLogEntriesAsync());

        var suspended = WebUtility.HtmlDecode(await (await gb.SubmitAsync("/treaty", "treaty-step", new Dictionary<string, string>(StringComparer.Ordinal) { ["Input.Step"] = "suspend", ["Input.Reason"] = "Page test suspension." })).Content.ReadAsStringAsync(Ct));
        Assert.Contains("data-status=\"Suspended\"", suspended, StringComparison.Ordinal);
        Assert.Contains("Page test suspension.", suspended, StringComparison.Ordinal);
        Assert.Equal(before + 1, await factory.CountLogEntriesAsync());

        await ru.SubmitAsync("/treaty", "treaty-step", new Dictionary<string, string>(StringComparer.Ordinal) { ["Input.Step"] = "resume" });
        var resumed = WebUtility.HtmlDecode(await (await gb.SubmitAsync("/treaty", "treaty-step", new Dictionary<string, string>(StringComparer.Ordinal) { ["Input.Step"] = "resume" })).Content.ReadAsStringAsync(Ct));
        Assert.Contains("data-status=\"InForce\"", resumed, StringComparison.Ordinal);
        Assert.Equal(before + 3, await factory.CountLogEntriesAsync());
    }
}
