extern alias cli;

using System.CommandLine;
using Entente.Application.TransparencyLog;
using Entente.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using LogCommands = cli::Entente.Cli.Commands.LogCommands;
using WitnessCommands = cli::Entente.Cli.Commands.WitnessCommands;

namespace Entente.Web.Tests.Features.TransparencyLog;

/// <summary>The command line's log commands, in process, against the test host's routes.</summary>
[Collection(WebCollection.Name)]
public sealed class LogCommandLineTests(Hosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Exit, string Output, string Error)> RunAsync(Command command, params string[] args)
    {
        var root = new RootCommand("entente") { command };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, Ct);
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task WitnessRunThenLogVerify_CosignAndVerifyTheServedLog(Provider provider)
    {
        var factory = hosts.For(provider);
        var officer = await factory.ClientForAsync("officer@ecju.example");
        var token = officer.DefaultRequestHeaders.Authorization!.Parameter!;
        await factory.WithScopeAsync(async sp => await sp.GetRequiredService<CheckpointSigner>().SignAsync(Ct));
        var platform = (await factory.Services.GetRequiredService<PlatformLogKey>().GetSignerAsync(Ct)).VerifierKey;
        var folder = Directory.CreateTempSubdirectory("entente-witness-cli-");
        try
        {
            var key = Path.Combine(folder.FullName, "gb.skey");
            await File.WriteAllTextAsync(key, factory.GbWitnessKey.Format(), Ct);
            var state = Path.Combine(folder.FullName, "state.json");
            // The log's record of the GB witness may be ahead of a fresh state file (other tests cosign too):
            // start this witness from the log's own record, as an operator restoring a state file would.
            var recorded = await factory.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<Entente.Application.Persistence.EntenteDbContext>().LogWitnessStates.SingleOrDefault(w => w.Authority == "GB")));
            if (recorded is not null)
            {
                await new WitnessStateFile("entente.example/gb-ru-2014", recorded.Size, Convert.ToBase64String(recorded.RootHash)).WriteAsync(state, Ct);
            }

            var witness = WitnessCommands.Create(factory.CreateClient);
            var run = await RunAsync(witness, "witness", "run", "--key", key, "--log", factory.Server.BaseAddress.AbsoluteUri, "--log-key", platform, "--authority", "GB", "--state", state, "--token", token);
            Assert.True(run.Exit == 0, run.Error);
            Assert.Contains("cosigned entente.example/gb-ru-2014", run.Output, StringComparison.Ordinal);

            var verify = await RunAsync(LogCommands.Create(factory.CreateClient), "log", "verify", factory.Server.BaseAddress.AbsoluteUri, "--key", platform, "--key", factory.GbWitnessKey.VerifierKey(), "--min-cosignatures", "1", "--token", token);
            Assert.True(verify.Exit == 0, verify.Error);

            // The state file now claims a root the log never had: the witness refuses and exits non-zero.
            var cosigned = await WitnessStateFile.ReadAsync(state, Ct);
            await (cosigned! with { RootHash = Convert.ToBase64String(new byte[32]) }).WriteAsync(state, Ct);
            var refused = await RunAsync(witness, "witness", "run", "--key", key, "--log", factory.Server.BaseAddress.AbsoluteUri, "--log-key", platform, "--authority", "GB", "--state", state, "--token", token);
            Assert.Equal(1, refused.Exit);
            Assert.Contains("refusing to cosign", refused.Error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
