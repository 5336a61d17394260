using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Entente.Application.Common;
using Entente.Application.Persistence;
using Entente.Application.TransparencyLog;
using Entente.Core.TransparencyLog;
using Entente.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Web.Tests.Features.TransparencyLog;

[Collection(WebCollection.Name)]
public sealed class LogApiTests(Hosts hosts)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Checkpoint> SignedCheckpointAsync(EntenteWebFactory factory, HttpClient client)
    {
        await factory.WithScopeAsync(async sp => await sp.GetRequiredService<CheckpointSigner>().SignAsync(Ct));
        var text = await client.GetStringAsync(new Uri("/api/v1/log/checkpoint", UriKind.Relative), Ct);
        var verifier = await factory.Services.GetRequiredService<PlatformLogKey>().GetVerifierAsync(Ct);
        var opened = SignedNote.Parse(text).Open([verifier]);
        Assert.Single(opened.Verified, s => s.KeyName == verifier.Name);
        return Checkpoint.Parse(opened.Note.Text);
    }

    private static async Task<List<byte[]>> StoredEntriesAsync(EntenteWebFactory factory, long size) => await factory.WithScopeAsync(sp =>
        sp.GetRequiredService<EntenteDbContext>().LogEntries.AsNoTracking().Where(e => e.Sequence < size).OrderBy(e => e.Sequence).Select(e => e.Bytes).ToListAsync(Ct));

    private static async Task AppendAsync(EntenteWebFactory factory, int count) => await factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<EntenteDbContext>();
        var log = sp.GetRequiredService<LogEntryWriter>();
        var result = await db.InTransactionAsync<int>(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                await log.AppendAsync(Actor.System, "test.logged", "test/" + i, null, new Dictionary<string, object?>(StringComparer.Ordinal) { ["i"] = i }, Ct);
            }

            return count;
        }, Ct);
        Assert.True(result.IsSuccess);
        return count;
    });

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Checkpoint_VerifiesWithThePlatformKey_AndCoversEveryStoredEntry(Provider provider)
    {
        var factory = hosts.For(provider);
        var auditor = await factory.ClientForAsync("auditor@fsvts.example");

        var checkpoint = await SignedCheckpointAsync(factory, auditor);

        Assert.Equal("entente.example/gb-ru-2014", checkpoint.Origin);
        Assert.Equal(await factory.CountLogEntriesAsync(), checkpoint.Size);
        var scan = LogVerifier.ScanEntries(await StoredEntriesAsync(factory, checkpoint.Size));
        Assert.Null(scan.Defect);
        Assert.Equal(scan.Root, checkpoint.RootHash);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task LogRoutes_AreForbidden_ToACompanyOfficer(Provider provider)
    {
        var factory = hosts.For(provider);
        var company = await factory.ClientForAsync("officer@albion.example");

        var response = await company.GetAsync(new Uri("/api/v1/log/checkpoint", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Entries_ReturnExactlyTheStoredBytes_InOrder(Provider provider)
    {
        var factory = hosts.For(provider);
        var officer = await factory.ClientForAsync("officer@ecju.example");
        var size = await factory.CountLogEntriesAsync();

        var served = await officer.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/log/entries?start=0&end={size}", UriKind.Relative), Ct);

        var stored = await StoredEntriesAsync(factory, size);
        var items = served.EnumerateArray().ToList();
        Assert.Equal(size, items.Count);
        for (var i = 0; i < size; i++)
        {
            Assert.Equal(i, items[i].GetProperty("index").GetInt64());
            Assert.Equal(stored[i], items[i].GetProperty("entry").GetBytesFromBase64());
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Routes_AnswerProblemDetails_WhenTheRangeIsBad(Provider provider)
    {
        var factory = hosts.For(provider);
        var auditor = await factory.ClientForAsync("auditor@ecju.example");
        var size = await factory.CountLogEntriesAsync();

        foreach (var url in new[] { "entries?start=0&end=1001", "entries?start=5&end=5", "entries?start=-1&end=3", $"proofs/inclusion?index={size}&size={size}", $"proofs/inclusion?index=0&size={size + 1}", $"proofs/consistency?from=0&size={size}", $"proofs/consistency?from=3&size=2" })
        {
            var response = await auditor.GetAsync(new Uri("/api/v1/log/" + url, UriKind.Relative), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, url + " answered " + response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Proofs_FromTheApi_VerifyAgainstRootsRecomputedFromTheEntries(Provider provider)
    {
        var factory = hosts.For(provider);
        await AppendAsync(factory, 13);
        var auditor = await factory.ClientForAsync("auditor@ecju.example");
        var checkpoint = await SignedCheckpointAsync(factory, auditor);
        var entries = await StoredEntriesAsync(factory, checkpoint.Size);
        var n = checkpoint.Size;

        foreach (var index in new[] { 0, 1, n / 2, n - 2, n - 1 }.Distinct())
        {
            var proof = await auditor.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/log/proofs/inclusion?index={index}&size={n}", UriKind.Relative), Ct);
            var hashes = proof.GetProperty("hashes").EnumerateArray().Select(h => h.GetBytesFromBase64()).ToList();
            var check = MerkleProofs.VerifyInclusion(index, n, MerkleHashing.HashLeaf(entries[(int)index]), hashes, checkpoint.RootHash);
            Assert.True(check.IsValid, $"inclusion of {index} in {n}: {check.Reason}");
        }

        foreach (var from in new[] { 1, 2, n / 3, n - 1, n }.Distinct())
        {
            var tree = new CompactMerkleTree();
            foreach (var entry in entries.Take((int)from))
            {
                tree.Append(MerkleHashing.HashLeaf(entry));
            }

            var proof = await auditor.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/log/proofs/consistency?from={from}&size={n}", UriKind.Relative), Ct);
            var hashes = proof.GetProperty("hashes").EnumerateArray().Select(h => h.GetBytesFromBase64()).ToList();
            var check = MerkleProofs.VerifyConsistency(from, n, tree.Root(), checkpoint.RootHash, hashes);
            Assert.True(check.IsValid, $"consistency {from} → {n}: {check.Reason}");
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task WitnessRun_CosignsTwice_AndRefusesACheckpointInconsistentWithItsState(Provider provider)
    {
        var factory = hosts.For(provider);
        var officer = await factory.ClientForAsync("officer@ecju.example");
        var platform = await factory.Services.GetRequiredService<PlatformLogKey>().GetVerifierAsync(Ct);
        var witnessKey = Ed25519Keys.ParseVerifierKey(factory.GbWitnessKey.VerifierKey());
        var cosigner = new Ed25519CosignatureSigner(factory.GbWitnessKey.Name, factory.GbWitnessKey.Seed, TimeProvider.System);
        var state = Path.Combine(Path.GetTempPath(), "entente-witness-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            // The log's record of the GB witness may already be ahead (other tests cosign on this host): start from it,
            // as an operator restoring the witness's state file would.
            var recorded = await factory.WithScopeAsync(sp => sp.GetRequiredService<EntenteDbContext>().LogWitnessStates.AsNoTracking().SingleOrDefaultAsync(w => w.Authority == "GB", Ct));
            if (recorded is not null)
            {
                await new WitnessStateFile("entente.example/gb-ru-2014", recorded.Size, Convert.ToBase64String(recorded.RootHash)).WriteAsync(state, Ct);
            }

            var first = await SignedCheckpointAsync(factory, officer);
            var round1 = await new WitnessRound(officer, officer.BaseAddress!, "GB", platform, cosigner, state, TimeProvider.System).RunAsync(Ct);
            Assert.True(round1.ExitCode == 0, round1.Message);
            Assert.Equal(first.Size, round1.CosignedSize);

            await AppendAsync(factory, 5);
            var second = await SignedCheckpointAsync(factory, officer);
            var round2 = await new WitnessRound(officer, officer.BaseAddress!, "GB", platform, cosigner, state, TimeProvider.System).RunAsync(Ct);
            Assert.True(round2.ExitCode == 0, round2.Message);
            Assert.Equal(second.Size, round2.CosignedSize);

            // The checkpoint served now carries the witness's verified cosignature.
            var served = SignedNote.Parse(await officer.GetStringAsync(new Uri("/api/v1/log/checkpoint", UriKind.Relative), Ct));
            var opened = served.Open([platform, witnessKey]);
            Assert.Contains(opened.Verified, s => s.KeyName == witnessKey.Name && s.KeyId == witnessKey.KeyId);
            Assert.Equal(second.Size, Checkpoint.Parse(served.Text).Size);

            // Fork: the witness remembers another root at the same size.
            await new WitnessStateFile(second.Origin, second.Size, Convert.ToBase64String(new byte[32])).WriteAsync(state, Ct);
            var forked = await new WitnessRound(officer, officer.BaseAddress!, "GB", platform, cosigner, state, TimeProvider.System).RunAsync(Ct);
            Assert.Equal(1, forked.ExitCode);
            Assert.Contains("refusing to cosign", forked.Message, StringComparison.Ordinal);
            Assert.Contains(served.Text, forked.Message, StringComparison.Ordinal);

            // Rollback: the witness cosigned a larger tree than the log now shows.
            await new WitnessStateFile(second.Origin, second.Size + 3, Convert.ToBase64String(second.RootHash)).WriteAsync(state, Ct);
            var rolledBack = await new WitnessRound(officer, officer.BaseAddress!, "GB", platform, cosigner, state, TimeProvider.System).RunAsync(Ct);
            Assert.Equal(1, rolledBack.ExitCode);
            Assert.Contains("rolled back", rolledBack.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(state);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AddCheckpoint_AnswersPerTheSpec_ForOtherAuthoritiesAndBadBodies(Provider provider)
    {
        var factory = hosts.For(provider);
        var ruOfficer = await factory.ClientForAsync("officer@fsvts.example");
        var gbOfficer = await factory.ClientForAsync("officer@ecju.example");
        var auditor = await factory.ClientForAsync("auditor@ecju.example");
        var note = await (await factory.ClientForAsync("auditor@ecju.example")).GetStringAsync(new Uri("/api/v1/log/checkpoint", UriKind.Relative), Ct);
        using var body = new StringContent("old 0\n\n" + note);

        Assert.Equal(HttpStatusCode.Forbidden, (await ruOfficer.PostAsync(new Uri("/api/v1/log/witness/GB", UriKind.Relative), body, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync(new Uri("/api/v1/log/witness/GB", UriKind.Relative), body, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ruOfficer.PostAsync(new Uri("/api/v1/log/witness/RU", UriKind.Relative), body, Ct)).StatusCode);
        using var malformed = new StringContent("old x\n\n" + note);
        Assert.Equal(HttpStatusCode.BadRequest, (await gbOfficer.PostAsync(new Uri("/api/v1/log/witness/GB", UriKind.Relative), malformed, Ct)).StatusCode);

        // 409 with the size the log recorded for this witness, when the old size is not that size.
        var size = Checkpoint.Parse(SignedNote.Parse(note).Text).Size;
        var recorded = await factory.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<EntenteDbContext>().LogWitnessStates.AsNoTracking().SingleOrDefaultAsync(w => w.Authority == "GB", Ct))?.Size ?? 0);
        var wrongOld = recorded == size ? size - 1 : size;
        using var stale = new StringContent($"old {wrongOld}\n\n" + note);
        var conflict = await gbOfficer.PostAsync(new Uri("/api/v1/log/witness/GB", UriKind.Relative), stale, Ct);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("text/x.tlog.size", conflict.Content.Headers.ContentType?.MediaType);
        Assert.Equal(recorded + "\n", await conflict.Content.ReadAsStringAsync(Ct));

        // 403 when the checkpoint is consistent but carries no cosignature by the GB witness key.
        if (recorded <= size)
        {
            var proof = recorded == 0 || recorded == size ? [] : (await gbOfficer.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/log/proofs/consistency?from={recorded}&size={size}", UriKind.Relative), Ct))
                .GetProperty("hashes").EnumerateArray().Select(h => h.GetBytesFromBase64()).ToList();
            var parsed = SignedNote.Parse(note);
            var platformOnly = (parsed with { Signatures = parsed.Signatures.Where(sig => sig.KeyName == "entente.example/gb-ru-2014").ToList() }).Format();
            using var uncosigned = new StringContent(new AddCheckpointRequest(recorded, proof, platformOnly).Format());
            var forbidden = await gbOfficer.PostAsync(new Uri("/api/v1/log/witness/GB", UriKind.Relative), uncosigned, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }
    }
}
