using System.CommandLine;
using System.Text.Json;
using Entente.Cli.Commands;

namespace Entente.Cli.Tests.Screening;

public sealed class ScreenCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("entente-screen-").FullName;

    public ScreenCommandTests()
    {
        File.WriteAllText(Path.Combine(_folder, "list.csv"),
            "id,type,name,aliases,country\n" +
            "E1,organisation,ROSOBORONEKSPORT OAO,ROSOBORONEXPORT;Рособоронэкспорт,Russia\n" +
            "E2,person,\"KALASHNIKOV, Mikhail\",Калашников Михаил,Russia\n");
    }

    public void Dispose() => Directory.Delete(_folder, true);

    private (int Code, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand();
        root.Options.Add(Entente.Cli.Hosting.CliServices.ProviderOption);
        root.Options.Add(Entente.Cli.Hosting.CliServices.ConnectionOption);
        foreach (var command in CommandCatalogue.All())
        {
            root.Subcommands.Add(command);
        }

        var output = new StringWriter();
        var error = new StringWriter();
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private string List => Path.Combine(_folder, "list.csv");

    [Fact]
    public void Screen_WritesContractJson_WhenOneName()
    {
        var (code, output, _) = Run("screen", "Rosoboronexport JSC", "--list", List, "--format", "entente-csv", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("Rosoboronexport JSC", json.RootElement.GetProperty("query").GetString());
        var match = json.RootElement.GetProperty("matches")[0];
        Assert.Equal("internal", match.GetProperty("list").GetString());
        Assert.Equal("E1", match.GetProperty("entityId").GetString());
        Assert.Equal("ROSOBORONEKSPORT OAO", match.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(match.GetProperty("matchedName").GetString()));
        Assert.InRange(match.GetProperty("score").GetDouble(), 0.9, 1.0);
        Assert.Equal(1, json.RootElement.GetProperty("matches").GetArrayLength());
    }

    [Fact]
    public void Screen_WritesOneLinePerName_AndErrorsForBadLines_WhenBatch()
    {
        var batch = Path.Combine(_folder, "names.txt");
        File.WriteAllBytes(batch, [.. "Калашников\n\n"u8, 0xFF, 0xFE, (byte)'\n', .. "Rosoboronexport\n"u8]);
        var (code, output, _) = Run("screen", "--batch", batch, "--list", List, "--format", "entente-csv", "--json", "--top", "1");
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("E2", JsonDocument.Parse(lines[0]).RootElement.GetProperty("matches")[0].GetProperty("entityId").GetString());
        Assert.Equal("empty name", JsonDocument.Parse(lines[1]).RootElement.GetProperty("error").GetString());
        Assert.True(JsonDocument.Parse(lines[2]).RootElement.TryGetProperty("error", out _));
        Assert.Equal("E1", JsonDocument.Parse(lines[3]).RootElement.GetProperty("matches")[0].GetProperty("entityId").GetString());
    }

    [Fact]
    public void Screen_PrintsAlignedTableWithExplanation_WithoutJson()
    {
        var (code, output, _) = Run("screen", "Kalashnikoff Mikhail", "--list", List, "--format", "entente-csv");
        Assert.Equal(0, code);
        Assert.Contains("score", output, StringComparison.Ordinal);
        Assert.Contains("KALASHNIKOV, Mikhail", output, StringComparison.Ordinal);
        Assert.Contains("transliteration", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_FailsWithOneLine_WhenNoListGivenAndNoneImported()
    {
        var (code, output, error) = Run("screen", "Ivanov", "--database", "Sqlite", "--connection", "Data Source=" + Path.Combine(_folder, "empty.db") + ";Pooling=False");
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Screen_NamesTheLine_WhenListMalformed()
    {
        var bad = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(bad, "id,type,name,aliases,country\nE1,person,Ivan,,RU\nE2,person\n");
        var (code, _, error) = Run("screen", "Ivan", "--list", bad, "--format", "entente-csv");
        Assert.Equal(1, code);
        Assert.Contains("line 3", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_Fails_WhenFormatUnknown()
    {
        var (code, _, error) = Run("screen", "Ivan", "--list", List, "--format", "xlsx");
        Assert.Equal(2, code);
        Assert.Contains("--format", error, StringComparison.Ordinal);
    }
}
