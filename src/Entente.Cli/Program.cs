using System.CommandLine;
using Entente.Cli.Commands;
using Entente.Cli.Hosting;

var root = new RootCommand("entente: the operator's tool for the Entente treaty platform.");
root.Options.Add(CliServices.ProviderOption);
root.Options.Add(CliServices.ConnectionOption);
foreach (var command in CommandCatalogue.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
