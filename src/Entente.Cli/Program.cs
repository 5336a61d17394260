using System.CommandLine;
using Entente.Cli.Commands;

var root = new RootCommand("entente: the operator's tool for the Entente treaty platform.");
foreach (var command in CommandCatalogue.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
