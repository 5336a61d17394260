using System.Net;
using Entente.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Entente.Web.Tests.Features.Identity;

[Collection(WebCollection.Name)]
public sealed class SeveralNodesTests(Hosts hosts)
{
    /// <summary>Data Protection keys live in the database, so a cookie issued by one node signs in on another.</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SignInCookie_FromOneNode_IsAcceptedByAnother(Provider provider)
    {
        var first = hosts.For(provider);
        var session = new BrowserlessSession(first);
        var signedIn = await session.SignInAsync("member@severn.example", "Entente-Demo-2014", null);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookies = signedIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("entente.auth=", StringComparison.Ordinal)).Select(c => c.Split(';')[0]).ToList();
        Assert.Single(cookies);

        await using var second = new EntenteWebFactory(first);
        var client = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/organisations/mine");
        request.Headers.Add("Cookie", cookies[0]);
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The keys that protect the cookie are the database's, not a folder that two nodes on one machine happen to share.
        var keys = await first.WithScopeAsync(sp => Task.FromResult(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Entente.Application.Persistence.EntenteDbContext>(sp).DataProtectionKeys.Count()));
        Assert.True(keys > 0);
        Assert.Contains("Severn Armour Systems plc", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
