using System.Net;
using Entente.Web.Infrastructure;

namespace Entente.Web.Tests.Infrastructure;

/// <summary>No open redirects: every returnUrl the host follows stays on this site, whatever it is given.</summary>
[Collection(WebCollection.Name)]
public sealed class LocalUrlTests(Hosts hosts)
{
    public static TheoryData<string> Offsite =>
    [
        "https://evil.example/",
        "http://evil.example",
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "/\t/evil.example",
        "\t//evil.example",
        "/\r\n/evil.example",
        "javascript:alert(1)",
        "evil.example",
        " https://evil.example",
    ];

    [Theory]
    [MemberData(nameof(Offsite))]
    public void OrHome_IsTheStartPage_WhenTheAddressLeavesTheSite(string url) => Assert.Equal("/", LocalUrl.OrHome(url));

    [Theory]
    [InlineData("/")]
    [InlineData("/directory?q=%D0%B0&sort=name")]
    [InlineData("/organisations/01a224e0-4bc4-79e2-80ef-c8696e4fa978")]
    public void OrHome_KeepsTheAddress_WhenItIsALocalPath(string url) => Assert.Equal(url, LocalUrl.OrHome(url));

    [Theory]
    [MemberData(nameof(Offsite))]
    public async Task CultureSwitch_ReturnsToTheStartPage_WhenReturnUrlLeavesTheSite(string url)
    {
        var client = hosts.For(Provider.Sqlite).CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/culture/ru?returnUrl=" + Uri.EscapeDataString(url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Offsite))]
    public async Task SignIn_StaysOnTheSite_WhenReturnUrlLeavesIt(string url)
    {
        var factory = hosts.For(Provider.Sqlite);
        var session = new BrowserlessSession(factory);

        var response = await session.SubmitAsync("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(url), "sign-in", new Dictionary<string, string>(StringComparer.Ordinal) { ["Input.Email"] = "member@severn.example", ["Input.Password"] = "Entente-Demo-2014" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.True(!location.IsAbsoluteUri || location.Host == "localhost", "redirected to " + location);
        Assert.Equal("/", BrowserlessSession.LocationPath(response));
    }

    [Fact]
    public async Task TwoFactorSignIn_StaysOnTheSite_WhenReturnUrlLeavesIt()
    {
        var factory = hosts.For(Provider.Sqlite);
        var session = new BrowserlessSession(factory);
        var first = await session.SubmitAsync("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString("//evil.example"), "sign-in", new Dictionary<string, string>(StringComparer.Ordinal) { ["Input.Email"] = "officer@fsvts.example", ["Input.Password"] = "Entente-Demo-2014" });
        Assert.StartsWith("/account/sign-in/two-factor", first.LocationPath(), StringComparison.Ordinal);

        // The second step is given an offsite address directly, as a crafted link would.
        var second = await session.SubmitAsync("/account/sign-in/two-factor?returnUrl=" + Uri.EscapeDataString("https://evil.example/"), "two-factor", new Dictionary<string, string>(StringComparer.Ordinal) { ["Input.Code"] = Entente.Testing.Totp.Code("JBSWY3DPEHPK3PXPRUOFFICR", DateTimeOffset.UtcNow) });

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("/", second.LocationPath());
        Assert.True(!second.Headers.Location!.IsAbsoluteUri || second.Headers.Location.Host == "localhost", "redirected to " + second.Headers.Location);
    }
}
