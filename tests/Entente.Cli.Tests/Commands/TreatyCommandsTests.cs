using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Entente.Cli.Commands;
using Entente.Testing;

namespace Entente.Cli.Tests.Commands;

public sealed class TreatyCommandsTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("entente-treaty-").FullName;

    private static string Suite => Path.Combine(SharedData.RepositoryRoot, "tests", "scenarios", "gb-ru-2014.jsonl");

    private static string InvalidLines => Path.Combine(SharedData.RepositoryRoot, "tests", "scenarios", "invalid-lines.jsonl");

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var root = new RootCommand("test");
        foreach (var command in CommandCatalogue.All())
        {
            root.Subcommands.Add(command);
        }

        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(temp, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Test_PassesWithExitZero_OnShippedSuite()
    {
        var (exit, output, error) = Run("treaty", "test", Suite);

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, exit);
        var summary = Assert.Single(Lines(output));
        Assert.Matches(@"^(\d+) scenarios against gb-ru-2014/1: \1 passed, 0 failed, 0 invalid, 0 without expect$", summary);
        Assert.True(File.ReadAllLines(Suite).Length >= 150);
    }

    [Fact]
    public void Assess_PrintsOneDecisionPerLine_WithExpectedOutcomes()
    {
        var input = File.ReadAllLines(Suite);
        var (exit, output, _) = Run("treaty", "assess", Suite);

        Assert.Equal(0, exit);
        var decisions = Lines(output);
        Assert.Equal(input.Length, decisions.Length);
        for (var i = 0; i < input.Length; i++)
        {
            var scenario = JsonNode.Parse(input[i])!;
            var decision = JsonNode.Parse(decisions[i])!;
            Assert.Equal(scenario["id"]!.GetValue<string>(), decision["id"]!.GetValue<string>());
            Assert.Equal(scenario["expect"]!.GetValue<string>(), decision["outcome"]!.GetValue<string>());
            Assert.Equal("gb-ru-2014/1", decision["treatyVersion"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Assess_AnswersEveryBadLine_AndExitsTwo()
    {
        var input = File.ReadAllLines(InvalidLines);
        var (exit, output, _) = Run("treaty", "assess", InvalidLines);

        Assert.Equal(2, exit);
        var lines = Lines(output);
        Assert.Equal(input.Length, lines.Length);
        Assert.All(lines, l =>
        {
            using var doc = JsonDocument.Parse(l);
            Assert.Equal(["id", "error"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        });
        Assert.Contains(lines, l => l.Contains("\"id\":\"ml21-without-forRating\"", StringComparison.Ordinal) && l.Contains("forRating is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_MixesDecisionsAndErrors_InInputOrder()
    {
        var suite = File.ReadAllLines(Suite);
        var path = Write("mixed.jsonl", suite[0], "{oops", suite[1], string.Empty);

        var (exit, output, _) = Run("treaty", "assess", path);

        Assert.Equal(2, exit);
        var lines = Lines(output);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"outcome\"", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("{\"id\":null,\"error\":\"not valid JSON", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"outcome\"", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Test_ReportsMismatch_AndExitsOne()
    {
        var line = File.ReadAllLines(Suite).First(l => l.Contains("\"id\": \"art3-Draft\"", StringComparison.Ordinal));
        var path = Write("wrong.jsonl", line.Replace("\"expect\": \"Prohibited\"", "\"expect\": \"Authorised\"", StringComparison.Ordinal));

        var (exit, output, _) = Run("treaty", "test", path);

        Assert.Equal(1, exit);
        Assert.Contains("MISMATCH art3-Draft: expected Authorised", output, StringComparison.Ordinal);
        Assert.Contains("0 passed, 1 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_ExitsTwo_OnInvalidLines()
    {
        var (exit, output, _) = Run("treaty", "test", InvalidLines);

        Assert.Equal(2, exit);
        Assert.Contains("0 passed, 0 failed, 14 invalid", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_WritesOneLineToStderr_WhenFileUnreadable()
    {
        var (exit, output, error) = Run("treaty", "assess", Path.Combine(temp, "absent.jsonl"));

        Assert.NotEqual(0, exit);
        Assert.Equal(string.Empty, output);
        Assert.Single(Lines(error));
        Assert.StartsWith("entente: cannot read", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_UsesTreatyFile_WhenGiven()
    {
        // An amendment that lifts ML4 components changes the decision: the engine reads the file, not constants.
        var shipped = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "treaties", "gb-ru-2014.json")))!;
        shipped["version"] = "gb-ru-2014/2-draft";
        var ml4 = shipped["annexA"]!["entries"]!.AsArray().Single(e => e!["entry"]!.GetValue<string>() == "ML4")!;
        ml4["component"] = "LicenceRequired";
        var treaty = Write("amended.json", shipped.ToJsonString());
        var scenario = File.ReadAllLines(Suite).First(l => l.Contains("\"id\": \"annex-ML4-component\"", StringComparison.Ordinal));
        var input = Write("one.jsonl", scenario);

        var (exit, output, _) = Run("treaty", "assess", input, "--treaty", treaty);

        Assert.Equal(0, exit);
        var decision = JsonNode.Parse(output)!;
        Assert.Equal("LicenceRequired", decision["outcome"]!.GetValue<string>());
        Assert.Equal("gb-ru-2014/2-draft", decision["treatyVersion"]!.GetValue<string>());
    }

    [Fact]
    public void Assess_WritesOneLineToStderr_WhenTreatyFileInvalid()
    {
        var shipped = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "treaties", "gb-ru-2014.json")))!;
        shipped["annexA"]!["entries"]![0]!["complete"] = "Sometimes";
        var treaty = Write("bad.json", shipped.ToJsonString());

        var (exit, output, error) = Run("treaty", "assess", Suite, "--treaty", treaty);

        Assert.NotEqual(0, exit);
        Assert.Equal(string.Empty, output);
        Assert.Single(Lines(error));
        Assert.Contains("$.annexA.entries[0].complete", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_WritesOneLineToStderr_WhenTreatyFileMissing()
    {
        var (exit, _, error) = Run("treaty", "test", Suite, "--treaty", Path.Combine(temp, "none.json"));

        Assert.NotEqual(0, exit);
        Assert.StartsWith("entente: treaty not loaded: cannot read treaty file", error, StringComparison.Ordinal);
    }
}
