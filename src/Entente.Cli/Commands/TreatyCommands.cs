using System.CommandLine;
using Entente.Application.Treaties;
using Entente.Core.Assessment;

namespace Entente.Cli.Commands;

/// <summary>`entente treaty assess|test SCENARIOS.jsonl [--treaty FILE]`: the assessment engine on a scenario suite (contracts/assessment.md).</summary>
internal static class TreatyCommands
{
    public static Command Create()
    {
        var group = new Command("treaty", "Assess transfers against the treaty, or test a treaty file against a scenario suite.");
        group.Subcommands.Add(Assess());
        group.Subcommands.Add(Test());
        return group;
    }

    private static (Argument<FileInfo> Scenarios, Option<FileInfo> Treaty) Inputs()
    {
        var scenarios = new Argument<FileInfo>("SCENARIOS.jsonl") { Description = "One scenario (JSON object) per line." };
        var treaty = new Option<FileInfo>("--treaty") { Description = "A treaty file to use instead of the shipped one." };
        return (scenarios, treaty);
    }

    private static Command Assess()
    {
        var (scenarios, treaty) = Inputs();
        var command = new Command("assess", "Print one decision per scenario line as JSON lines; exit 2 if any line is not valid input.");
        command.Arguments.Add(scenarios);
        command.Options.Add(treaty);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (Open(parse.GetValue(scenarios)!, parse.GetValue(treaty), error) is not { } run)
            {
                return 1;
            }

            var inputErrors = 0;
            foreach (var line in run.Lines)
            {
                var (_, result) = Evaluate(run.Engine, line);
                if (result.Error is { } e)
                {
                    inputErrors++;
                    output.WriteLine(ScenarioJson.ToJson(e));
                }
                else
                {
                    output.WriteLine(ScenarioJson.ToJson(result.Decision!));
                }
            }

            return inputErrors > 0 ? 2 : 0;
        });
        return command;
    }

    private static Command Test()
    {
        var (scenarios, treaty) = Inputs();
        var command = new Command("test", "Compare each scenario's decision with its \"expect\"; print mismatches and a summary. Exit 1 on a mismatch, 2 on invalid input.");
        command.Arguments.Add(scenarios);
        command.Options.Add(treaty);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (Open(parse.GetValue(scenarios)!, parse.GetValue(treaty), error) is not { } run)
            {
                return 1;
            }

            int passed = 0, failed = 0, invalid = 0, unchecked_ = 0;
            foreach (var line in run.Lines)
            {
                var (parsed, result) = Evaluate(run.Engine, line);
                if (result.Error is { } e)
                {
                    invalid++;
                    output.WriteLine(ScenarioJson.ToJson(e));
                    continue;
                }

                var decision = result.Decision!;
                if (parsed.Scenario!.Expect is not { } expected)
                {
                    unchecked_++;
                }
                else if (expected == decision.Outcome)
                {
                    passed++;
                }
                else
                {
                    failed++;
                    output.WriteLine($"MISMATCH {decision.Id}: expected {ScenarioJson.OutcomeName(expected)}, got {ScenarioJson.ToJson(decision)}");
                }
            }

            output.WriteLine($"{passed + failed + invalid + unchecked_} scenarios against {run.Engine.Treaty.Version}: {passed} passed, {failed} failed, {invalid} invalid, {unchecked_} without expect");
            return invalid > 0 ? 2 : failed > 0 ? 1 : 0;
        });
        return command;
    }

    private static (ScenarioParseResult Parsed, AssessmentResult Result) Evaluate(AssessmentEngine engine, string line)
    {
        var parsed = ScenarioJson.Parse(line);
        return (parsed, parsed.Scenario is { } s ? engine.Assess(s) : new AssessmentResult(null, parsed.Error));
    }

    private sealed record Run(AssessmentEngine Engine, IReadOnlyList<string> Lines);

    private static Run? Open(FileInfo scenarios, FileInfo? treatyFile, TextWriter error)
    {
        TreatyLoad load;
        if (treatyFile is null)
        {
            load = TreatyCatalogue.LoadShipped(TreatyCatalogue.DefaultTreatyId);
        }
        else
        {
            load = TreatyCatalogue.LoadFile(treatyFile.FullName);
        }

        if (load.Engine is null)
        {
            error.WriteLine("entente: treaty not loaded: " + string.Join("; ", load.Errors));
            return null;
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(scenarios.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"entente: cannot read {scenarios.FullName}: {ex.Message}");
            return null;
        }

        // Blank lines separate nothing and are not scenarios; every other line is answered.
        return new Run(load.Engine, lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToList());
    }
}
