using Entente.Application.TransparencyLog;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Entente.Application.Tests.TransparencyLog;

public sealed class TransparencyLogOptionsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("entente-options-");

    public void Dispose() => _folder.Delete(recursive: true);

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Entente";

        public string ContentRootPath { get; set; } = ".";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    [Fact]
    public void Validate_Fails_WhenProductionHasNoSigningKeyFile()
    {
        var result = new TransparencyLogOptionsValidator(new Environment(Environments.Production)).Validate(null, new TransparencyLogOptions());

        Assert.True(result.Failed);
        Assert.Contains("SigningKeyFile is required in Production", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Passes_WhenDevelopmentGeneratesItsKey()
    {
        var result = new TransparencyLogOptionsValidator(new Environment(Environments.Development)).Validate(null, new TransparencyLogOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Validate_AcceptsAKeyFileNamedAfterTheOrigin_AndRejectsAnyOther()
    {
        var good = Path.Combine(_folder.FullName, "good.skey");
        var other = Path.Combine(_folder.FullName, "other.skey");
        await File.WriteAllTextAsync(good, Ed25519Keys.Generate("entente.example/gb-ru-2014", cosigner: false).Format(), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(other, Ed25519Keys.Generate("someone.else/log", cosigner: false).Format(), TestContext.Current.CancellationToken);
        var validator = new TransparencyLogOptionsValidator(new Environment(Environments.Production));

        Assert.True(validator.Validate(null, new TransparencyLogOptions { SigningKeyFile = good }).Succeeded);
        var wrong = validator.Validate(null, new TransparencyLogOptions { SigningKeyFile = other });
        Assert.True(wrong.Failed);
        Assert.DoesNotContain("PRIVATE", wrong.FailureMessage, StringComparison.Ordinal);
        Assert.True(validator.Validate(null, new TransparencyLogOptions { SigningKeyFile = Path.Combine(_folder.FullName, "missing.skey") }).Failed);
    }

    [Fact]
    public void Validate_Fails_WhenAWitnessKeyIsNotACosignatureKey()
    {
        var options = new TransparencyLogOptions();
        options.Witnesses["GB"] = Ed25519Keys.Generate("witness.gb", cosigner: false).VerifierKey();

        var result = new TransparencyLogOptionsValidator(new Environment(Environments.Development)).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Witnesses:GB", result.FailureMessage, StringComparison.Ordinal);
    }
}
