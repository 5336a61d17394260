namespace Entente.Cli.Tests.Commands;

public sealed class DatabaseCommandsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("entente-cli-db-").FullName;

    private string Connection => "Data Source=" + Path.Combine(_directory, "entente.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task DbMigrate_AppliesOnceThenReportsUpToDate()
    {
        var first = await CliRunner.RunAsync("db", "migrate", "--connection", Connection);
        var second = await CliRunner.RunAsync("db", "migrate", "--connection", Connection);

        Assert.Equal(0, first.Exit);
        Assert.Contains("Applied", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.Exit);
        Assert.Contains("up to date", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedDemo_SeedsAnEmptyDatabase_AndRefusesASecondTime()
    {
        var seeded = await CliRunner.RunAsync("seed", "demo", "--connection", Connection);
        var again = await CliRunner.RunAsync("seed", "demo", "--connection", Connection);

        Assert.Equal(0, seeded.Exit);
        Assert.Contains("officer@ecju.example", seeded.Output, StringComparison.Ordinal);
        Assert.Equal(1, again.Exit);
        Assert.Single(again.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("entente: ", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersCreate_CreatesAnAuditor_AndNamesTheWrongField()
    {
        Environment.SetEnvironmentVariable("ENTENTE_PASSWORD", "Correct-Horse-2014");
        try
        {
            var created = await CliRunner.RunAsync("users", "create", "--email", "auditor2@ecju.example", "--name", "Second Auditor", "--role", "Auditor", "--party", "GB", "--connection", Connection);
            var wrongParty = await CliRunner.RunAsync("users", "create", "--email", "x@ecju.example", "--name", "X", "--role", "Auditor", "--party", "FR", "--connection", Connection);
            var duplicate = await CliRunner.RunAsync("users", "create", "--email", "auditor2@ecju.example", "--name", "Again", "--role", "Auditor", "--party", "GB", "--connection", Connection);

            Assert.Equal(0, created.Exit);
            Assert.True(Guid.TryParse(created.Output.Trim(), out _));
            Assert.Equal(1, wrongParty.Exit);
            Assert.Equal("entente: party must be GB or RU for authority officers and auditors.", wrongParty.Error.Trim());
            Assert.Equal(1, duplicate.Exit);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ENTENTE_PASSWORD", null);
        }
    }

    [Fact]
    public async Task UsersCreate_RefusesWithoutAPassword()
    {
        var result = await CliRunner.RunAsync("users", "create", "--email", "y@ecju.example", "--name", "Y", "--role", "Administrator", "--connection", Connection);

        Assert.Equal(1, result.Exit);
        Assert.Contains("ENTENTE_PASSWORD", result.Error, StringComparison.Ordinal);
    }
}
