using System.CommandLine;

namespace Entente.Cli.Commands;

/// <summary>Every top-level noun of the command line; each capability adds its own group here.</summary>
internal static class CommandCatalogue
{
    public static IEnumerable<Command> All()
    {
        yield return VersionCommand.Create();
        yield return DatabaseCommands.CreateDb();
        yield return DatabaseCommands.CreateSeed();
        yield return UsersCommands.Create();
        yield return TreatyCommands.Create();
        yield return KeysCommands.Create();
        yield return LogCommands.Create();
        yield return WitnessCommands.Create();
        yield return ScreenCommand.Create();
        yield return ListsCommands.Create();
    }
}
