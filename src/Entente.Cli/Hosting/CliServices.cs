using System.CommandLine;
using Entente.Application;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Entente.Cli.Hosting;

/// <summary>
/// Builds the same Application services the web host uses, configured from environment variables
/// (<c>Database__Provider</c>, <c>ConnectionStrings__Entente</c>) or the <c>--database</c>/<c>--connection</c> options.
/// </summary>
internal static class CliServices
{
    public static readonly Option<string?> ProviderOption = new("--database")
    {
        Description = "Sqlite (default) or Postgres. Overrides the Database__Provider environment variable.",
        Recursive = true,
    };

    public static readonly Option<string?> ConnectionOption = new("--connection")
    {
        Description = "The connection string. Defaults to the SQLite file data/entente.db under the working directory.",
        Recursive = true,
    };

    public static ServiceProvider Build(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (parse.GetValue(ProviderOption) is { } provider)
        {
            overrides["Database:Provider"] = provider;
        }

        if (parse.GetValue(ConnectionOption) is { } connection)
        {
            overrides["ConnectionStrings:Entente"] = connection;
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddEntenteApplication(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = false });
    }
}
