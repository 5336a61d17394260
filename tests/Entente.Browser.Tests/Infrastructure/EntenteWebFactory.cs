using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Entente.Browser.Tests.Infrastructure;

/// <summary>
/// The real Entente.Web host, served by Kestrel on a dynamic loopback port so that a real browser can reach it
/// (the in-memory TestServer has no socket). It runs on its own SQLite file, created fresh for the run.
/// </summary>
public sealed class EntenteWebFactory(string databasePath) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // The same keys an operator sets as Database__Provider / ConnectionStrings__Entente.
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Entente", $"Data Source={databasePath}");
    }
}
