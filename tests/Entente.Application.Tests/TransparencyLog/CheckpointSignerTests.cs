using Entente.Application.Common;
using Entente.Application.Persistence;
using Entente.Application.TransparencyLog;
using Entente.Core.TransparencyLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Entente.Application.Tests.TransparencyLog;

public sealed class CheckpointSignerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Sign_WritesOneCheckpointPerSize_WhenSeveralNodesSignAtOnce(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
            var log = scope.ServiceProvider.GetRequiredService<LogEntryWriter>();
            Assert.True((await db.InTransactionAsync<int>(async () =>
            {
                for (var i = 0; i < 9; i++)
                {
                    await log.AppendAsync(Actor.System, "test.signed", "x/" + i, null, new Dictionary<string, object?>(StringComparer.Ordinal), Ct);
                }

                return 9;
            }, Ct)).IsSuccess);
        }

        // Several "nodes": separate scopes (connections) signing at the same time.
        var signed = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var scope = database.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<CheckpointSigner>().SignAsync(Ct);
        })));

        await using var check = database.Services.CreateAsyncScope();
        var checkpoints = await check.ServiceProvider.GetRequiredService<EntenteDbContext>().LogCheckpoints.AsNoTracking().ToListAsync(Ct);
        var only = Assert.Single(checkpoints);
        Assert.Equal(9, only.Size);
        Assert.Single(signed, c => c is not null);
        var verifier = await check.ServiceProvider.GetRequiredService<PlatformLogKey>().GetVerifierAsync(Ct);
        var opened = SignedNote.Parse(only.Note).Open([verifier]);
        Assert.Equal(only.RootHash, Checkpoint.Parse(opened.Note.Text).RootHash);
        Assert.Null(await check.ServiceProvider.GetRequiredService<CheckpointSigner>().SignAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PlatformKey_IsTheSameForEveryNode_WhenGeneratedInTheDatabase(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var scopes = database.Services.GetRequiredService<IServiceScopeFactory>();
        var options = database.Services.GetRequiredService<IOptions<TransparencyLogOptions>>();
        using var nodeA = new PlatformLogKey(scopes, options, TimeProvider.System);
        using var nodeB = new PlatformLogKey(scopes, options, TimeProvider.System);

        var keys = await Task.WhenAll(nodeA.GetSignerAsync(Ct), nodeB.GetSignerAsync(Ct));

        Assert.Equal(keys[0].VerifierKey, keys[1].VerifierKey);
        Assert.StartsWith("entente.example/gb-ru-2014+", keys[0].VerifierKey, StringComparison.Ordinal);
    }
}
