using System.Net;
using System.Text.RegularExpressions;
using Entente.Application.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Web.Tests.Infrastructure;

/// <summary>Only the site itself can put words in a page's error notice: ?error= carries a sealed message.</summary>
[Collection(WebCollection.Name)]
public sealed class FormErrorsTests(Hosts hosts)
{
    private const string Spoof = "Your account is suspended. Call +44 20 7946 0000 at once.";

    [Fact]
    public async Task ErrorNotice_ShowsTheRefusal_WhenTheSiteSentIt_AndNothing_WhenALinkMadeItUp()
    {
        var factory = hosts.For(Provider.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        var albion = await factory.OrganisationIdAsync("04417823");
        var member = await factory.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<EntenteDbContext>().Users.Single(u => u.Email == "member@albion.example").Id));
        var officer = new BrowserlessSession(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SignInAsync("officer@albion.example", "Entente-Demo-2014", null)).StatusCode);

        var crafted = await officer.Client.GetStringAsync("/organisations/mine?error=" + Uri.EscapeDataString(Spoof), ct);
        Assert.DoesNotContain("suspended. Call", crafted, StringComparison.Ordinal);
        Assert.DoesNotContain("notice error", crafted, StringComparison.Ordinal);

        var page = await officer.Client.GetStringAsync("/organisations/mine", ct);
        var token = WebUtility.HtmlDecode(Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);
        var refused = await officer.Client.PostAsync($"/organisations/{albion}/members/{member}/role", new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal) { ["__RequestVerificationToken"] = token, ["role"] = "Emperor" }), ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var location = refused.LocationPath()!;
        Assert.StartsWith("/organisations/mine?error=", location, StringComparison.Ordinal);

        var shown = await officer.Client.GetStringAsync(location, ct);
        Assert.Contains("notice error", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Emperor", Uri.UnescapeDataString(location), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/screening/hits")]
    [InlineData("/counterparties/{id}")]
    public async Task ErrorNotice_ShowsNothing_WhenALinkMadeItUp(string path)
    {
        var factory = hosts.For(Provider.Sqlite);
        var counterparty = await factory.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<EntenteDbContext>().Counterparties.First().Id));
        var authority = new BrowserlessSession(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await authority.SignInAsync("officer@ecju.example", "Entente-Demo-2014", "JBSWY3DPEHPK3PXPGBOFFICR")).StatusCode);

        var response = await authority.GetAsync(path.Replace("{id}", counterparty.ToString("D"), StringComparison.Ordinal) + "?error=" + Uri.EscapeDataString(Spoof));
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, path + " answered " + response.StatusCode);
        Assert.DoesNotContain("suspended. Call", html, StringComparison.Ordinal);
    }
}
