using System.Net;
using System.Text.RegularExpressions;
using Entente.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Entente.Web.Tests.Infrastructure;

/// <summary>A cookie-keeping client that fills in the pages' forms the way a browser would, antiforgery token included.</summary>
public sealed partial class BrowserlessSession(WebApplicationFactory<Program> factory, Uri? baseAddress = null)
{
    private readonly HttpClient _client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = baseAddress ?? new Uri("http://localhost") });

    public HttpClient Client => _client;

    public async Task<HttpResponseMessage> GetAsync(string path) => await _client.GetAsync(path);

    /// <summary>Loads the page, takes its antiforgery token and posts the named form with the given fields.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, string formName, IDictionary<string, string> fields)
    {
        var page = await _client.GetStringAsync(path);
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "no antiforgery token on " + path);
        var content = new Dictionary<string, string>(fields, StringComparer.Ordinal)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = formName,
        };
        return await _client.PostAsync(path, new FormUrlEncodedContent(content));
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string? totpKey)
    {
        var response = await SubmitAsync("/account/sign-in", "sign-in", new Dictionary<string, string>(StringComparer.Ordinal) { ["Input.Email"] = email, ["Input.Password"] = password });
        var location = response.LocationPath();
        if (totpKey is null || location?.StartsWith("/account/sign-in/two-factor", StringComparison.Ordinal) != true)
        {
            return response;
        }

        return await SubmitAsync(location, "two-factor", new Dictionary<string, string>(StringComparer.Ordinal) { ["Input.Code"] = Totp.Code(totpKey, DateTimeOffset.UtcNow) });
    }

    /// <summary>The path and query a redirect points to, whether the server wrote it absolute or relative.</summary>
    public static string? LocationPath(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
