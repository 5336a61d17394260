using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Entente.Application.Persistence;
using Entente.Application.Screening;
using Entente.Application.Screening.Lists;
using Entente.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Entente.Core.Screening;
using Spectre.Console;

namespace Entente.Cli.Commands;

/// <summary><c>entente screen</c>: screens one name or a file of names against sanctions lists (contract: screening.md).</summary>
internal static class ScreenCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // Names are shown as written (Cyrillic stays Cyrillic), still valid JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var name = new Argument<string?>("NAME") { Description = "The name to screen.", Arity = ArgumentArity.ZeroOrOne };
        var batch = new Option<FileInfo?>("--batch") { Description = "A file of names, one a line; one JSON line out per name." };
        var top = new Option<int>("--top") { Description = "At most this many matches per name.", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "JSON output: one object per name." };
        var list = new Option<FileInfo?>("--list") { Description = "Screen against this list file directly, without the database." };
        var format = new Option<string?>("--format") { Description = "Format of --list: " + string.Join(", ", ListFormats.All) + "." };
        var listName = new Option<string?>("--list-name") { Description = "Name reported for the --list file (default from the format)." };

        var command = new Command("screen", "Screen names against sanctions lists.");
        command.Arguments.Add(name);
        command.Options.Add(batch);
        command.Options.Add(top);
        command.Options.Add(json);
        command.Options.Add(list);
        command.Options.Add(format);
        command.Options.Add(listName);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var query = parse.GetValue(name);
            var batchFile = parse.GetValue(batch);
            var listFile = parse.GetValue(list);
            var listFormat = parse.GetValue(format);
            var topN = parse.GetValue(top);

            if ((query is null) == (batchFile is null))
            {
                error.WriteLine("entente screen: give either a NAME or --batch FILE");
                return 2;
            }

            if (topN < 1)
            {
                error.WriteLine("entente screen: --top must be at least 1");
                return 2;
            }

            ScreeningIndex index;
            if (listFile is null)
            {
                var stored = await LoadStoredIndexAsync(parse, cancellationToken);
                if (stored is null)
                {
                    error.WriteLine("entente screen: no list has been imported into the database; run `entente lists import FILE --format FORMAT`, or screen a file with --list FILE --format FORMAT");
                    return 1;
                }

                index = stored;
            }
            else
            {
                if (listFormat is null || !ListFormats.All.Contains(listFormat))
                {
                    error.WriteLine($"entente screen: --format must be one of {string.Join(", ", ListFormats.All)}");
                    return 2;
                }

                try
                {
                    index = LoadIndex(listFile, listFormat, parse.GetValue(listName));
                }
                catch (Exception e) when (e is ListFormatException or IOException or UnauthorizedAccessException)
                {
                    error.WriteLine("entente screen: " + e.Message);
                    return 1;
                }
            }

            var options = new ScreeningOptions(topN);
            var asJson = parse.GetValue(json);
            if (query is not null)
            {
                Write(output, Screen(index, query, options), asJson);
                return 0;
            }

            string[] lines;
            try
            {
                lines = ReadBatch(batchFile!);
            }
            catch (IOException e)
            {
                error.WriteLine("entente screen: " + e.Message);
                return 1;
            }

            // Screened in parallel, written in input order.
            var results = lines.AsParallel().AsOrdered().Select(line => Screen(index, line, options));
            foreach (var result in results)
            {
                Write(output, result, asJson);
            }

            return 0;
        });
        return command;
    }

    /// <summary>The index of every list's current version in the database, or null when no list was imported.</summary>
    private static async Task<ScreeningIndex?> LoadStoredIndexAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var services = CliServices.Build(parse);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var snapshot = await scope.ServiceProvider.GetRequiredService<ScreeningIndexCache>().GetAsync(scope.ServiceProvider.GetRequiredService<EntenteDbContext>(), cancellationToken);
        return snapshot.IsEmpty ? null : snapshot.Index;
    }

    internal static ScreeningIndex LoadIndex(FileInfo file, string format, string? listName)
    {
        if (Console.IsErrorRedirected)
        {
            return ScreeningIndex.Build([ListFormats.Load(file.FullName, format, listName)]);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        ScreeningIndex? index = null;
        console.Progress().AutoClear(true).Start(context =>
        {
            var reading = context.AddTask("reading " + file.Name).IsIndeterminate();
            var list = ListFormats.Load(file.FullName, format, listName);
            reading.IsIndeterminate(false).Value(reading.MaxValue);
            var names = list.Entries.Sum(e => e.AllNames().Count());
            var indexing = context.AddTask($"indexing {names:N0} names", maxValue: Math.Max(1, names));
            index = ScreeningIndex.Build([list], new Progress<int>(done => indexing.Value = done));
            indexing.Value = indexing.MaxValue;
        });
        return index!;
    }

    private static string[] ReadBatch(FileInfo file)
    {
        // Invalid UTF-8 becomes U+FFFD, which marks the line as unreadable rather than failing the batch.
        using var reader = new StreamReader(file.FullName, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return [.. lines];
    }

    internal static Result Screen(ScreeningIndex index, string query, ScreeningOptions options)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return new Result(query, null, "empty name");
        }

        if (query.Contains('\uFFFD', StringComparison.Ordinal) || query.Any(c => char.IsControl(c) && c != '\t'))
        {
            return new Result(query, null, "unreadable name (not valid UTF-8 text)");
        }

        var name = query.Trim();
        return new Result(name, index.Search(name, options), null);
    }

    private static void Write(TextWriter output, Result result, bool asJson)
    {
        if (asJson)
        {
            output.WriteLine(result.Error is not null
                ? JsonSerializer.Serialize(new JsonError(result.Query, result.Error), Json)
                : JsonSerializer.Serialize(new JsonResult(result.Query, result.Matches!.Select(m => new JsonMatch(m.List, m.EntityId, m.Name, m.MatchedName, m.Score)).ToList()), Json));
            return;
        }

        if (result.Error is not null)
        {
            output.WriteLine($"{result.Query}: error: {result.Error}");
            return;
        }

        var matches = result.Matches!;
        output.WriteLine($"{result.Query}: {(matches.Count == 0 ? "no match" : matches.Count == 1 ? "1 match" : matches.Count + " matches")}");
        if (matches.Count == 0)
        {
            return;
        }

        string[] header = ["score", "list", "entity", "name", "matched name", "why"];
        var rows = matches.Select(m => new[]
        {
            m.Score.ToString("0.00", CultureInfo.InvariantCulture), m.List, m.EntityId, m.Name, m.MatchedName, m.Explanation.ToString(),
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine("  " + string.Join("  ", header.Select((h, i) => i == header.Length - 1 ? h : h.PadRight(widths[i]))));
        foreach (var row in rows)
        {
            output.WriteLine("  " + string.Join("  ", row.Select((c, i) => i == 0 ? c.PadLeft(widths[i]) : i == row.Length - 1 ? c : c.PadRight(widths[i]))));
        }
    }

    internal sealed record Result(string Query, IReadOnlyList<ScreeningMatch>? Matches, string? Error);

    private sealed record JsonResult(
        [property: System.Text.Json.Serialization.JsonPropertyName("query")] string Query,
        [property: System.Text.Json.Serialization.JsonPropertyName("matches")] IReadOnlyList<JsonMatch> Matches);

    private sealed record JsonError(
        [property: System.Text.Json.Serialization.JsonPropertyName("query")] string Query,
        [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error);

    private sealed record JsonMatch(
        [property: System.Text.Json.Serialization.JsonPropertyName("list")] string List,
        [property: System.Text.Json.Serialization.JsonPropertyName("entityId")] string EntityId,
        [property: System.Text.Json.Serialization.JsonPropertyName("name")] string Name,
        [property: System.Text.Json.Serialization.JsonPropertyName("matchedName")] string MatchedName,
        [property: System.Text.Json.Serialization.JsonPropertyName("score")] double Score);
}
