using System.CommandLine;
using Entente.Application.Common;
using Entente.Application.Persistence;
using Entente.Application.Screening;
using Entente.Application.Screening.Lists;
using Entente.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Entente.Cli.Commands;

/// <summary><c>entente lists import FILE --format FORMAT [--list-name NAME]</c> (contract: screening.md).</summary>
internal static class ListsCommands
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The list file (for ofac-csv: the sdn.csv, with alt.csv and add.csv beside it)." };
        var format = new Option<string?>("--format") { Description = "One of " + string.Join(", ", ListFormats.All) + "." };
        var listName = new Option<string?>("--list-name") { Description = "The stored list's name (default from the format: ofac, un, uk, internal)." };

        var import = new Command("import", "Import a list file into the database as the list's next version.");
        import.Arguments.Add(file);
        import.Options.Add(format);
        import.Options.Add(listName);
        import.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var listFormat = parse.GetValue(format);
            if (listFormat is null || !ListFormats.All.Contains(listFormat, StringComparer.Ordinal))
            {
                error.WriteLine($"entente lists import: --format must be one of {string.Join(", ", ListFormats.All)}");
                return 2;
            }

            await using var services = CliServices.Build(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            var handler = scope.ServiceProvider.GetRequiredService<ImportListHandler>();
            var request = new ImportList(parse.GetValue(file)!.FullName, listFormat, parse.GetValue(listName));
            var result = await RunWithProgressAsync(progress => handler.HandleAsync(Actor.System, request, progress, cancellationToken));
            if (!result.IsSuccess)
            {
                error.WriteLine("entente lists import: " + result.Error!.Detail);
                return 1;
            }

            var imported = result.Value!;
            output.WriteLine($"Imported {imported.ListName} version {imported.Version}: {imported.EntityCount} entities ({imported.Added} added, {imported.Changed} changed, {imported.Removed} removed); sha256 {imported.Sha256}; log entry {imported.LogSequence}");
            return 0;
        });

        var lists = new Command("lists", "Sanctions lists kept in the database.");
        lists.Subcommands.Add(import);
        return lists;
    }

    /// <summary>A progress bar on stderr when it is a terminal; nothing when it is redirected (CI, tests, pipes).</summary>
    private static async Task<Result<ImportedList>> RunWithProgressAsync(Func<IProgress<ImportProgress>?, Task<Result<ImportedList>>> work)
    {
        if (Console.IsErrorRedirected)
        {
            return await work(null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress().AutoClear(true).StartAsync(async context =>
        {
            var reading = context.AddTask("reading").IsIndeterminate();
            ProgressTask? writing = null;
            var progress = new Progress<ImportProgress>(p =>
            {
                if (string.Equals(p.Stage, "reading", StringComparison.Ordinal))
                {
                    reading.IsIndeterminate(p.Done < p.Total);
                    reading.Value = p.Done == p.Total ? reading.MaxValue : 0;
                    return;
                }

                writing ??= context.AddTask("writing entries", maxValue: Math.Max(1, p.Total));
                writing.Value = Math.Max(p.Done, p.Total == 0 ? 1 : 0);
            });
            return await work(progress);
        });
    }
}
