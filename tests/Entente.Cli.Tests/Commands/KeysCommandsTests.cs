using Entente.Application.TransparencyLog;

namespace Entente.Cli.Tests.Commands;

public sealed class KeysCommandsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("entente-keys-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Generate_WritesAPrivateSkeyAndPrintsTheVkey_WhenGivenAName()
    {
        var (exit, output, error) = await CliRunner.RunAsync("keys", "generate", "--name", "log.entente.example", "--out", _folder.FullName);
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var vkey = output.Trim();
        var skeyPath = Path.Combine(_folder.FullName, "log.entente.example.skey");
        var key = Ed25519Keys.ParseSigningKey(File.ReadAllText(skeyPath));
        Assert.Equal(vkey, key.VerifierKey());
        Assert.Equal(vkey, File.ReadAllText(Path.Combine(_folder.FullName, "log.entente.example.vkey")).Trim());
        Assert.IsType<Ed25519NoteVerifier>(Ed25519Keys.ParseVerifierKey(vkey));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(skeyPath));
        }
    }

    [Fact]
    public async Task Generate_MakesACosignatureKey_WhenAskedForAWitnessKey()
    {
        var (exit, output, _) = await CliRunner.RunAsync("keys", "generate", "--name", "witness.gb/entente", "--out", _folder.FullName, "--cosigner");
        Assert.Equal(0, exit);
        Assert.IsType<Ed25519CosignatureVerifier>(Ed25519Keys.ParseVerifierKey(output.Trim()));
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "witness.gb_entente.skey")));
    }

    [Fact]
    public async Task Generate_RefusesToOverwrite_WhenTheKeyFileExists()
    {
        Assert.Equal(0, (await CliRunner.RunAsync("keys", "generate", "--name", "log", "--out", _folder.FullName)).Exit);
        var before = File.ReadAllText(Path.Combine(_folder.FullName, "log.skey"));
        var (exit, _, error) = await CliRunner.RunAsync("keys", "generate", "--name", "log", "--out", _folder.FullName);
        Assert.Equal(2, exit);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(_folder.FullName, "log.skey")));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("has+plus")]
    public async Task Generate_FailsWithOneLine_WhenTheNameIsInvalid(string name)
    {
        var (exit, _, error) = await CliRunner.RunAsync("keys", "generate", "--name", name, "--out", _folder.FullName);
        Assert.Equal(2, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Empty(_folder.GetFiles());
    }
}
