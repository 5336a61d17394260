using System.CommandLine;
using Entente.Cli.Commands;

namespace Entente.Cli.Tests.Commands;

/// <summary>Runs the real command tree with captured output, as the entente executable would.</summary>
internal static class CliRunner
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => await RunAsync(null, args);

    public static async Task<(int Exit, string Output, string Error)> RunAsync(Func<HttpClient>? http, params string[] args)
    {
        var root = new RootCommand("entente");
        root.Options.Add(Entente.Cli.Hosting.CliServices.ProviderOption);
        root.Options.Add(Entente.Cli.Hosting.CliServices.ConnectionOption);
        foreach (var command in CommandCatalogue.All())
        {
            root.Subcommands.Add(command.Name == "log" && http is not null ? LogCommands.Create(http) : command);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
