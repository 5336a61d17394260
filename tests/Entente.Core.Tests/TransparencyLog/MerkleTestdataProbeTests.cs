using System.Text.Json;
using Entente.Core.TransparencyLog;
using Entente.Testing;

namespace Entente.Core.Tests.TransparencyLog;

/// <summary>Every probe in transparency-dev/merkle testdata (shared data), one theory row per file, wantErr included.</summary>
public sealed class MerkleTestdataProbeTests
{
    private const string Root = "ledger/merkle-testdata";

    public static TheoryData<string> InclusionProbes() => Probes("inclusion");

    public static TheoryData<string> ConsistencyProbes() => Probes("consistency");

    [Theory]
    [MemberData(nameof(InclusionProbes))]
    public void VerifyInclusion_MatchesWantErr_ForEveryProbe(string relativePath)
    {
        var probe = JsonDocument.Parse(File.ReadAllBytes(SharedData.RequireFile(relativePath))).RootElement;
        var result = MerkleProofs.VerifyInclusion(
            Unsigned(probe.GetProperty("leafIdx")),
            Unsigned(probe.GetProperty("treeSize")),
            Vectors.B64(probe.GetProperty("leafHash")),
            Vectors.B64List(probe.GetProperty("proof")),
            Vectors.B64(probe.GetProperty("root")));
        Assert.Equal(probe.GetProperty("wantErr").GetBoolean(), !result.IsValid);
    }

    [Theory]
    [MemberData(nameof(ConsistencyProbes))]
    public void VerifyConsistency_MatchesWantErr_ForEveryProbe(string relativePath)
    {
        var probe = JsonDocument.Parse(File.ReadAllBytes(SharedData.RequireFile(relativePath))).RootElement;
        var result = MerkleProofs.VerifyConsistency(
            Unsigned(probe.GetProperty("size1")),
            Unsigned(probe.GetProperty("size2")),
            Vectors.B64(probe.GetProperty("root1")),
            Vectors.B64(probe.GetProperty("root2")),
            Vectors.B64List(probe.GetProperty("proof")));
        Assert.Equal(probe.GetProperty("wantErr").GetBoolean(), !result.IsValid);
    }

    [Fact]
    public void Probes_AreAllPresent_WhenSharedDataIsThere()
    {
        SharedData.RequireFile(Root);
        Assert.Equal(98, Probes("inclusion").Count);
        Assert.Equal(98, Probes("consistency").Count);
    }

    [Theory]
    [InlineData("merkle/inclusion-1-happy-path.json", false)]
    [InlineData("merkle/inclusion-1-modified-proof-1-bit-3.json", true)]
    public void VerifyInclusion_MatchesWantErr_ForBundledProbes(string file, bool wantErr)
    {
        var probe = Vectors.Load(file);
        Assert.Equal(wantErr, probe.GetProperty("wantErr").GetBoolean());
        var result = MerkleProofs.VerifyInclusion(probe.GetProperty("leafIdx").GetInt64(), probe.GetProperty("treeSize").GetInt64(), Vectors.B64(probe.GetProperty("leafHash")), Vectors.B64List(probe.GetProperty("proof")), Vectors.B64(probe.GetProperty("root")));
        Assert.Equal(wantErr, !result.IsValid);
    }

    [Theory]
    [InlineData("merkle/consistency-3-happy-path.json", false)]
    [InlineData("merkle/consistency-3-wrong-root2.json", true)]
    public void VerifyConsistency_MatchesWantErr_ForBundledProbes(string file, bool wantErr)
    {
        var probe = Vectors.Load(file);
        Assert.Equal(wantErr, probe.GetProperty("wantErr").GetBoolean());
        var result = MerkleProofs.VerifyConsistency(probe.GetProperty("size1").GetInt64(), probe.GetProperty("size2").GetInt64(), Vectors.B64(probe.GetProperty("root1")), Vectors.B64(probe.GetProperty("root2")), Vectors.B64List(probe.GetProperty("proof")));
        Assert.Equal(wantErr, !result.IsValid);
    }

    [Theory]
    [InlineData("derived-rfc6962-8leaf-all-proofs.json")]
    [InlineData("signed-note-vectors.json")]
    [InlineData("derived-checkpoint-cosig-witness.json")]
    public void BundledCopies_EqualTheSharedOriginals(string name)
    {
        var original = SharedData.RequireFile("ledger/" + name);
        Assert.Equal(File.ReadAllBytes(original), File.ReadAllBytes(Vectors.TestDataPath(name)));
    }

    /// <summary>
    /// The probes use Go's uint64; sizes here are long. A value above long.MaxValue (e.g. 0 − 1) is reinterpreted as
    /// two's complement, so it arrives negative and must be rejected exactly as an out-of-range index would be.
    /// </summary>
    private static long Unsigned(JsonElement value) => unchecked((long)value.GetUInt64());

    private static TheoryData<string> Probes(string kind)
    {
        var data = new TheoryData<string>();
        var directory = SharedData.Directory;
        var folder = directory is null ? null : Path.Combine(directory, Root, kind);
        if (folder is null || !Directory.Exists(folder))
        {
            // One row that skips with the reason when the shared data is absent.
            data.Add($"{Root}/{kind}");
            return data;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(directory!, file).Replace('\\', '/'));
        }

        return data;
    }
}
