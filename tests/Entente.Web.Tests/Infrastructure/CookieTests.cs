using System.Net;

namespace Entente.Web.Tests.Infrastructure;

/// <summary>Every cookie the host sets is out of scripts' reach, sent only over HTTPS when served over HTTPS, and same-site.</summary>
[Collection(WebCollection.Name)]
public sealed class CookieTests(Hosts hosts)
{
    private static readonly Uri Https = new("https://localhost");

    [Fact]
    public async Task EveryCookie_IsHttpOnlySecureAndSameSite_WhenServedOverHttps()
    {
        var factory = hosts.For(Provider.Sqlite);
        var session = new BrowserlessSession(factory, Https);
        var cookies = new List<string>();

        cookies.AddRange(SetCookies(await session.GetAsync("/account/sign-in")));
        var first = await session.SubmitAsync("/account/sign-in", "sign-in", new Dictionary<string, string>(StringComparer.Ordinal) { ["Input.Email"] = "officer@ecju.example", ["Input.Password"] = "Entente-Demo-2014" });
        cookies.AddRange(SetCookies(first));
        Assert.StartsWith("/account/sign-in/two-factor", first.LocationPath(), StringComparison.Ordinal);
        var second = await session.SubmitAsync(first.LocationPath()!, "two-factor", new Dictionary<string, string>(StringComparer.Ordinal) { ["Input.Code"] = Entente.Testing.Totp.Code("JBSWY3DPEHPK3PXPGBOFFICR", DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        cookies.AddRange(SetCookies(second));
        cookies.AddRange(SetCookies(await session.GetAsync("/culture/ru?returnUrl=%2F")));

        var names = cookies.Select(c => c[..c.IndexOf('=', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("entente.auth", names);
        Assert.Contains("entente.antiforgery", names);
        Assert.Contains("entente.culture", names);
        Assert.Contains("Identity.TwoFactorUserId", names);
        foreach (var cookie in cookies)
        {
            var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim()).ToList();
            Assert.True(attributes.Contains("httponly", StringComparer.OrdinalIgnoreCase), "not HttpOnly: " + cookie);
            Assert.True(attributes.Contains("secure", StringComparer.OrdinalIgnoreCase), "not Secure over HTTPS: " + cookie);
            Assert.True(attributes.Any(a => a.Equals("samesite=lax", StringComparison.OrdinalIgnoreCase) || a.Equals("samesite=strict", StringComparison.OrdinalIgnoreCase)), "not SameSite: " + cookie);
        }
    }

    [Fact]
    public async Task SignInCookie_IsSameSiteLax_SoOtherSitesCannotPostWithIt()
    {
        var factory = hosts.For(Provider.Sqlite);
        var session = new BrowserlessSession(factory);

        var signedIn = await session.SignInAsync("member@albion.example", "Entente-Demo-2014", null);

        var auth = SetCookies(signedIn).Single(c => c.StartsWith("entente.auth=", StringComparison.Ordinal));
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
