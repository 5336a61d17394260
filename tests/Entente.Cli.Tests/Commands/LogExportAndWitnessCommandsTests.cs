namespace Entente.Cli.Tests.Commands;

/// <summary><c>log export</c> over a real SQLite database, checked by <c>log verify</c>; <c>witness run</c>'s input errors.</summary>
public sealed class LogExportAndWitnessCommandsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("entente-export-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Export_WritesAnExportThatVerifies_AfterTheDemoCommunityIsSeeded()
    {
        var connection = "Data Source=" + Path.Combine(_folder.FullName, "entente.db");
        var file = Path.Combine(_folder.FullName, "log.json");
        var seeded = await CliRunner.RunAsync("seed", "demo", "--connection", connection);
        Assert.True(seeded.Exit == 0, seeded.Error + seeded.Output);

        var (exit, output, error) = await CliRunner.RunAsync("log", "export", "--out", file, "--connection", connection);

        Assert.True(exit == 0, error);
        Assert.Contains("exported", output, StringComparison.Ordinal);
        var verified = await CliRunner.RunAsync("log", "verify", file);
        Assert.True(verified.Exit == 0, verified.Error);

        // One byte of an entry changed in the file: verify fails and names it.
        var export = Entente.Core.TransparencyLog.LogExport.Parse(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));
        var entries = export.Entries.ToList();
        var bytes = entries[2].ToArray();
        bytes[^3] ^= 0x01;
        entries[2] = bytes;
        await File.WriteAllBytesAsync(file, (export with { Entries = entries }).ToJson(), TestContext.Current.CancellationToken);
        var failed = await CliRunner.RunAsync("log", "verify", file);
        Assert.Equal(1, failed.Exit);
        Assert.Contains("2", failed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--authority", "FR", "--log", "http://localhost/")]
    [InlineData("--authority", "GB", "--log", "not a url")]
    public async Task WitnessRun_FailsWithOneLine_WhenInputIsBad(string authorityOption, string authority, string logOption, string log)
    {
        var key = Path.Combine(_folder.FullName, "witness.key");
        await File.WriteAllTextAsync(key, Entente.Application.TransparencyLog.Ed25519Keys.Generate("witness.gb", cosigner: true).Format(), TestContext.Current.CancellationToken);
        var logKey = Entente.Application.TransparencyLog.Ed25519Keys.Generate("entente.example/gb-ru-2014", cosigner: false).VerifierKey();

        var (exit, _, error) = await CliRunner.RunAsync("witness", "run", "--key", key, "--log-key", logKey, authorityOption, authority, logOption, log);

        Assert.Equal(2, exit);
        Assert.Single(error.Trim().Split('\n'));
    }
}
