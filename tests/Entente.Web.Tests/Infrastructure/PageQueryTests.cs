using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Web.Tests.Infrastructure;

/// <summary>
/// A malformed query value never breaks a page: the framework's typed binding throws on one (?page=abc was a 500,
/// found by the injection scan), so pages take their query values as text and read them leniently.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PageQueryTests(Hosts hosts)
{
    private static IEnumerable<(Type Component, PropertyInfo Property, string Name)> QueryParameters() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Select(p => (Component: t, Property: p, Attribute: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
                .Where(x => x.Attribute is not null)
                .Select(x => (x.Component, x.Property, x.Attribute!.Name ?? x.Property.Name)));

    [Fact]
    public void EveryQueryParameterOfAPage_IsTakenAsText()
    {
        var parameters = QueryParameters().ToList();
        Assert.True(parameters.Count > 20, "expected the pages' query parameters, found " + parameters.Count);
        var typed = parameters.Where(p => p.Property.PropertyType != typeof(string)).Select(p => p.Component.Name + "." + p.Property.Name).ToList();
        Assert.True(typed.Count == 0, "typed query parameters (a malformed value is a 500): " + string.Join(", ", typed));
    }

    [Fact]
    public async Task EveryPage_AnswersWithoutAServerError_WhenEveryQueryValueIsMalformed()
    {
        var factory = hosts.For(Provider.Sqlite);
        var albion = await factory.OrganisationIdAsync("04417823");
        var query = "?" + string.Join("&", QueryParameters().Select(p => p.Name).Distinct(StringComparer.Ordinal).Select(n => n + "=" + Uri.EscapeDataString("1') AND 1=1--\"<x>")));
        var company = new BrowserlessSession(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await company.SignInAsync("officer@albion.example", "Entente-Demo-2014", null)).StatusCode);
        var authority = new BrowserlessSession(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await authority.SignInAsync("officer@ecju.example", "Entente-Demo-2014", "JBSWY3DPEHPK3PXPGBOFFICR")).StatusCode);
        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => e.RoutePattern.RawText!.Replace("{Id:guid}", albion.ToString("D"), StringComparison.Ordinal))
            .ToList();

        var failures = new List<string>();
        foreach (var page in pages)
        {
            foreach (var session in new[] { company, authority })
            {
                var response = await session.GetAsync(page + query);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{page} answered {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(pages.Count > 15, "expected the pages, found " + pages.Count);
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }
}
