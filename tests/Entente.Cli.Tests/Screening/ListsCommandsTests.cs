using System.Text.Json;
using Entente.Cli.Tests.Commands;

namespace Entente.Cli.Tests.Screening;

/// <summary><c>entente lists import</c> and <c>entente screen</c> against the database (an SQLite file per test).</summary>
public sealed partial class ListsCommandsTests : IDisposable
{
    private const string Header = "id,type,name,aliases,country\n";
    private readonly string _folder = Directory.CreateTempSubdirectory("entente-lists-cli-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
    }

    private string[] Database => ["--database", "Sqlite", "--connection", "Data Source=" + Path.Combine(_folder, "entente.db") + ";Pooling=False"];

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => CliRunner.RunAsync([.. args, .. Database]);

    [Fact]
    public async Task Import_ReportsTheVersionAndCounts_WhenImportedTwice()
    {
        var first = Write("v1.csv", Header + "E1,organisation,ROSOBORONEKSPORT OAO,ROSOBORONEXPORT;Рособоронэкспорт,RU\nE2,person,\"KALASHNIKOV, Mikhail\",Калашников Михаил,RU\n");
        var second = Write("v2.csv", Header + "E1,organisation,ROSOBORONEKSPORT OAO,ROSOBORONEXPORT;Рособоронэкспорт;Rosoboronexport JSC,RU\nE3,organisation,Tupolev PJSC,ПАО Туполев,RU\n");

        var one = await RunAsync("lists", "import", first, "--format", "entente-csv", "--list-name", "custom");
        var two = await RunAsync("lists", "import", second, "--format", "entente-csv", "--list-name", "custom");

        Assert.Equal((0, ""), (one.Exit, one.Error));
        Assert.Contains("Imported custom version 1: 2 entities (2 added, 0 changed, 0 removed)", one.Output, StringComparison.Ordinal);
        Assert.Equal((0, ""), (two.Exit, two.Error));
        Assert.Contains("Imported custom version 2: 2 entities (1 added, 1 changed, 1 removed)", two.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_FailsWithTheLineAndStoresNothing_WhenTheFileIsMalformed()
    {
        var bad = Write("bad.csv", Header + "E1,person,Ivan Petrov,,RU\nE2,person\n");

        var (exit, _, error) = await RunAsync("lists", "import", bad, "--format", "entente-csv");
        var screen = await RunAsync("screen", "Ivan Petrov");

        Assert.Equal(1, exit);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("line 3", error, StringComparison.Ordinal);
        Assert.Equal(1, screen.Exit);
        Assert.Contains("no list has been imported", screen.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_CountsTheDifference_WhenTheOfac2025SetFollowsThe2021One()
    {
        var sdn2021 = Entente.Testing.SharedData.RequireFile("sanctions/ofac-2021/sdn.csv");
        var alt2025 = Entente.Testing.SharedData.RequireFile("sanctions/ofac-2025/alt.csv");

        var first = await RunAsync("lists", "import", sdn2021, "--format", "ofac-csv");
        var second = await RunAsync("lists", "import", alt2025, "--format", "ofac-csv");
        var screen = await RunAsync("screen", "Рособоронэкспорт", "--json", "--top", "1");

        Assert.Equal((0, ""), (first.Exit, first.Error));
        Assert.Equal((0, ""), (second.Exit, second.Error));
        var one = Counts().Match(first.Output);
        var two = Counts().Match(second.Output);
        Assert.True(one.Success && two.Success, first.Output + second.Output);
        int Group(System.Text.RegularExpressions.Match m, string name) => int.Parse(m.Groups[name].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, Group(one, "version"));
        Assert.Equal(Group(one, "entities"), Group(one, "added"));
        Assert.Equal(2, Group(two, "version"));
        Assert.True(Group(two, "added") > 0 && Group(two, "changed") > 0 && Group(two, "removed") > 0, second.Output);
        Assert.Equal(Group(one, "entities") + Group(two, "added") - Group(two, "removed"), Group(two, "entities"));
        Assert.Contains("sha256 " + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(sdn2021))), first.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(screen.Output);
        Assert.Contains("ROSOBORONEXPORT", json.RootElement.GetProperty("matches")[0].GetProperty("matchedName").GetString(), StringComparison.Ordinal);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"version (?<version>\d+): (?<entities>\d+) entities \((?<added>\d+) added, (?<changed>\d+) changed, (?<removed>\d+) removed\)")]
    private static partial System.Text.RegularExpressions.Regex Counts();

    [Fact]
    public async Task Import_Fails_WhenTheFormatIsUnknown()
    {
        var (exit, _, error) = await RunAsync("lists", "import", Write("x.csv", Header), "--format", "xlsx");
        Assert.Equal(2, exit);
        Assert.Contains("--format", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screen_WritesContractJson_AgainstEveryImportedList()
    {
        await RunAsync("lists", "import", Write("a.csv", Header + "E1,organisation,ROSOBORONEKSPORT OAO,ROSOBORONEXPORT;Рособоронэкспорт,RU\n"), "--format", "entente-csv", "--list-name", "alpha");
        await RunAsync("lists", "import", Write("b.csv", Header + "B7,organisation,Rosoboronexport,,RU\nB8,person,\"KALASHNIKOV, Mikhail\",,RU\n"), "--format", "entente-csv", "--list-name", "beta");

        var (exit, output, error) = await RunAsync("screen", "Рособоронэкспорт", "--json");

        Assert.Equal((0, ""), (exit, error));
        using var json = JsonDocument.Parse(output);
        Assert.Equal("Рособоронэкспорт", json.RootElement.GetProperty("query").GetString());
        var matches = json.RootElement.GetProperty("matches").EnumerateArray().ToList();
        Assert.Equal(["alpha/E1", "beta/B7"], matches.Select(m => m.GetProperty("list").GetString() + "/" + m.GetProperty("entityId").GetString()).Order(StringComparer.Ordinal));
        Assert.All(matches, m => Assert.InRange(m.GetProperty("score").GetDouble(), 0.9, 1.0));
    }

    [Fact]
    public async Task Screen_WritesOneJsonLinePerName_WhenBatchAgainstTheDatabase()
    {
        await RunAsync("lists", "import", Write("a.csv", Header + "E1,organisation,ROSOBORONEKSPORT OAO,ROSOBORONEXPORT;Рособоронэкспорт,RU\nE2,person,\"KALASHNIKOV, Mikhail\",Калашников Михаил,RU\n"), "--format", "entente-csv");
        var names = Write("names.txt", "Kalashnikoff Mikhail\n\nHarwell Precision Optics\n");

        var (exit, output, _) = await RunAsync("screen", "--batch", names, "--json", "--top", "1");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal("E2", lines[0].GetProperty("matches")[0].GetProperty("entityId").GetString());
        Assert.Equal("empty name", lines[1].GetProperty("error").GetString());
        Assert.Equal(0, lines[2].GetProperty("matches").GetArrayLength());
    }
}
