using System.Globalization;
using System.Net;
using Entente.Application.TransparencyLog;
using Entente.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Entente.Web.Tests.Features.TransparencyLog;

[Collection(WebCollection.Name)]
public sealed class WitnessesTableTests(Hosts hosts)
{
    private const string Password = "Entente-Demo-2014";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Witnesses_SortByTheChosenColumn_WithoutReorderingTheEntries(Provider provider)
    {
        // A node of the same installation with the RU authority's witness registered beside the GB one.
        var ruWitness = Ed25519Keys.Generate("witness.ru.entente.example", cosigner: true);
        await using var node = hosts.For(provider).WithWebHostBuilder(b => b.UseSetting("TransparencyLog:Witnesses:RU", ruWitness.VerifierKey()));
        var session = new BrowserlessSession(node);
        await session.SignInAsync("auditor@ecju.example", Password, null);
        async Task<string> PageAsync(string query) => WebUtility.HtmlDecode(await session.Client.GetStringAsync("/log" + query, Ct));

        var byAuthority = await PageAsync("");
        var byAuthorityDescending = await PageAsync("?witnesses-sort=authority&witnesses-desc=true");
        var bySize = await PageAsync("?witnesses-sort=size");
        var bySizeDescending = await PageAsync("?witnesses-sort=size&witnesses-desc=true");

        static List<string> Authorities(string html) => [.. HtmlTables.Rows(html, "witnesses").Select(r => r[0])];
        static List<long> Sizes(string html) => [.. HtmlTables.Rows(html, "witnesses").Select(r => r[1] == "Never" ? -1 : long.Parse(r[1], CultureInfo.InvariantCulture))];
        static List<long> Entries(string html) => [.. HtmlTables.Rows(html, "entries").Select(r => long.Parse(r[0], CultureInfo.InvariantCulture))];

        Assert.Equal(["GB", "RU"], Authorities(byAuthority));
        Assert.Equal(["RU", "GB"], Authorities(byAuthorityDescending));
        Assert.Equal(Sizes(bySize).Order(), Sizes(bySize));
        Assert.Equal(Sizes(bySize).OrderDescending(), Sizes(bySizeDescending));
        Assert.Contains("aria-sort=\"descending\"", HtmlTables.Header(byAuthorityDescending, "witnesses"), StringComparison.Ordinal);
        Assert.Contains("?witnesses-sort=authority&witnesses-desc=False\"", HtmlTables.Header(byAuthorityDescending, "witnesses"), StringComparison.Ordinal);

        // The entries keep their own order (newest first by default) whichever way the witnesses run.
        var entries = Entries(byAuthorityDescending);
        Assert.NotEmpty(entries);
        Assert.Equal(entries.OrderDescending(), entries);
        Assert.Contains("2 in all", byAuthority, StringComparison.Ordinal);
    }
}
