using System.CommandLine;

namespace Entente.Cli.Commands;

/// <summary>Every top-level noun of the command line; each capability adds its own group here.</summary>
internal static class CommandCatalogue
{
    public static IEnumerable<Command> All()
    {
        yield return VersionCommand.Create();
        yield return ScreenCommand.Create();
    }
}
