using System.Text;
using Entente.Application.TransparencyLog;
using Entente.Core.TransparencyLog;

namespace Entente.Core.Tests.TransparencyLog;

/// <summary>Offline verification of a whole export: passes when intact, and names the first bad index when not.</summary>
public sealed class LogVerifierTests
{
    private const string LogSkey = "PRIVATE+KEY+Log+2271c621+AdEIq9FLRQni54Wg68T96VJO+iayOaulswav2DUMKgvQ";
    private const string WitnessSkey = "PRIVATE+KEY+Known+451c786d+AQPRoE2+Z+Ed1HaHBA9F/FfracvcZ2rDU39kCecMEoci";

    internal static List<byte[]> Entries(int count)
    {
        var entries = new List<byte[]>(count);
        var previous = Array.Empty<byte>();
        for (var i = 0; i < count; i++)
        {
            var entry = LogEntryLink.Write(i, previous, w =>
            {
                w.WriteString("kind", "licence.decided");
                w.WriteString("text", $"decision {i}: granted to Организация {i % 7}");
            });
            entries.Add(entry);
            previous = MerkleHashing.HashLeaf(entry);
        }

        return entries;
    }

    internal static LogExport Export(IReadOnlyList<byte[]> entries, IReadOnlyList<byte[]>? signedOver = null)
    {
        var tree = new CompactMerkleTree();
        foreach (var entry in signedOver ?? entries)
        {
            tree.Append(MerkleHashing.HashLeaf(entry));
        }

        var log = new Ed25519NoteSigner(Ed25519Keys.ParseSigningKey(LogSkey));
        var witnessKey = Ed25519Keys.ParseSigningKey(WitnessSkey);
        var witness = new Ed25519CosignatureSigner(witnessKey.Name, witnessKey.Seed, TimeProvider.System);
        var text = new Checkpoint("Log", tree.Size, tree.Root()).Format();
        var note = SignedNote.Sign(text, log);
        var cosigned = note.Format() + witness.Cosign(text, 1_700_000_000).ToLine();
        return new LogExport { Origin = "Log", Checkpoint = cosigned, VerifierKeys = [log.VerifierKey, witness.VerifierKey], Entries = entries.ToList() };
    }

    [Fact]
    public void Verify_Passes_AnIntactExport_WithItsCosignature()
    {
        var report = LogExportVerification.Verify(LogExport.Parse(Export(Entries(50)).ToJson()), requiredCosignatures: 1);
        Assert.True(report.IsValid, report.Message);
        Assert.Equal(["Known"], report.Cosignatures);
        Assert.Null(report.FirstBadIndex);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(48)]
    [InlineData(49)]
    public void Verify_NamesTheIndex_WhenOneByteOfAnEntryChanged(int index)
    {
        var entries = Entries(50);
        var export = Export(entries);
        var edited = entries.ToList();
        var bytes = edited[index].ToArray();
        var at = Encoding.UTF8.GetString(bytes).IndexOf("granted", StringComparison.Ordinal);
        bytes[at] = (byte)'G';
        edited[index] = bytes;
        var report = LogExportVerification.Verify(export with { Entries = edited });
        Assert.False(report.IsValid);
        Assert.Equal(index, report.FirstBadIndex);
    }

    [Fact]
    public void Verify_NamesTheIndex_WhenAnEntrysOwnLinkChanged()
    {
        var entries = Entries(50);
        var export = Export(entries);
        var edited = entries.ToList();
        edited[20] = LogEntryLink.Write(20, new byte[32], w => w.WriteString("kind", "forged"));
        Assert.Equal(20, LogExportVerification.Verify(export with { Entries = edited }).FirstBadIndex);
    }

    [Fact]
    public void Verify_NamesTheIndex_WhenAnEntryWasDeleted()
    {
        var entries = Entries(50);
        var export = Export(entries);
        var report = LogExportVerification.Verify(export with { Entries = entries.Where((_, i) => i != 17).ToList() });
        Assert.False(report.IsValid);
        Assert.Equal(17, report.FirstBadIndex);
    }

    [Fact]
    public void Verify_NamesTheFirstIndex_WhenTwoEntriesWereSwapped()
    {
        var entries = Entries(50);
        var export = Export(entries);
        var swapped = entries.ToList();
        (swapped[12], swapped[31]) = (swapped[31], swapped[12]);
        Assert.Equal(12, LogExportVerification.Verify(export with { Entries = swapped }).FirstBadIndex);
    }

    [Fact]
    public void Verify_NamesTheFirstMissingIndex_WhenTheLogWasRolledBack()
    {
        var entries = Entries(50);
        var report = LogExportVerification.Verify(Export(entries) with { Entries = entries.Take(40).ToList() });
        Assert.False(report.IsValid);
        Assert.Equal(40, report.FirstBadIndex);
    }

    [Fact]
    public void Verify_Fails_WhenEntriesGoBeyondTheCheckpoint()
    {
        var entries = Entries(50);
        var report = LogExportVerification.Verify(Export(entries, entries.Take(45).ToList()));
        Assert.False(report.IsValid);
        Assert.Equal(45, report.FirstBadIndex);
    }

    [Fact]
    public void Verify_Fails_WhenTheCheckpointSignatureIsNotThePlatforms()
    {
        var export = Export(Entries(10));
        var tampered = export with { Checkpoint = export.Checkpoint.Replace("\n10\n", "\n11\n", StringComparison.Ordinal) };
        var report = LogExportVerification.Verify(tampered);
        Assert.False(report.IsValid);
        Assert.Contains("invalid signature", report.Message, StringComparison.Ordinal);

        var stranger = Ed25519Keys.Generate("Log", cosigner: false);
        Assert.False(LogExportVerification.Verify(export, [stranger.VerifierKey()]).IsValid);
    }

    [Fact]
    public void Verify_RequiresTheWitnessCosignatures_ItIsAskedFor()
    {
        var export = Export(Entries(10));
        var withoutCosignature = export with { Checkpoint = export.Checkpoint[..(export.Checkpoint.LastIndexOf("\u2014 Known", StringComparison.Ordinal))] };
        Assert.True(LogExportVerification.Verify(withoutCosignature).IsValid);
        Assert.False(LogExportVerification.Verify(withoutCosignature, requiredCosignatures: 1).IsValid);
    }

    [Fact]
    public void ScanEntries_MatchesASequentialTree_AcrossParallelChunks()
    {
        // More than three chunks of 2^16 with a ragged tail, so chunk roots and the tail frontier are joined.
        var entries = Entries(200_003);
        var sequential = new CompactMerkleTree();
        foreach (var entry in entries)
        {
            sequential.Append(MerkleHashing.HashLeaf(entry));
        }

        var scan = LogVerifier.ScanEntries(entries, parallelism: 2);
        Assert.Null(scan.Defect);
        Assert.Equal(sequential.Root(), scan.Root);

        var edited = entries.ToList();
        edited[150_000] = entries[150_001];
        Assert.Equal(150_000, LogVerifier.ScanEntries(edited, 2).Defect!.Index);
        edited = entries.ToList();
        edited[131_071] = LogEntryLink.Write(131_071, MerkleHashing.HashLeaf(entries[131_070]), w => w.WriteString("kind", "forged"));
        Assert.Equal(131_071, LogVerifier.ScanEntries(edited, 2).Defect!.Index);
    }

    [Fact]
    public void ScanEntries_MatchesASequentialTree_ForLongEntries()
    {
        // Entries above the eight-lane threshold take the platform hash; the root must not depend on the path.
        var random = new Random(9);
        var entries = Enumerable.Range(0, 70_000).Select(_ =>
        {
            var entry = new byte[random.Next(500, 800)];
            random.NextBytes(entry);
            return entry;
        }).ToList();
        var sequential = new CompactMerkleTree();
        foreach (var entry in entries)
        {
            sequential.Append(MerkleHashing.HashLeaf(entry));
        }

        var scan = LogVerifier.ScanEntries(entries, parallelism: 2);
        Assert.Equal(sequential.Root(), scan.Root);
        Assert.Equal(0, scan.Defect!.Index);
    }

    [Fact]
    public void LogEntryLink_ReadsEscapedBase64_AndRejectsNonEntries()
    {
        Span<byte> previous = stackalloc byte[32];
        var hash = Enumerable.Repeat((byte)0xfb, 32).ToArray();
        var escaped = Encoding.UTF8.GetBytes("{\"sequence\":3,\"previous\":\"" + Convert.ToBase64String(hash).Replace("+", "\\u002B", StringComparison.Ordinal).Replace("/", "\\/", StringComparison.Ordinal) + "\",\"x\":{\"sequence\":9}}");
        Assert.True(LogEntryLink.TryRead(escaped, out var sequence, previous, out var hasPrevious));
        Assert.Equal(3, sequence);
        Assert.True(hasPrevious);
        Assert.Equal(hash, previous.ToArray());

        Assert.False(LogEntryLink.TryRead("[1]"u8, out _, previous, out _));
        Assert.False(LogEntryLink.TryRead("{\"sequence\":1}"u8, out _, previous, out _));
        Assert.False(LogEntryLink.TryRead("{\"sequence\":0,\"sequence\":0}"u8, out _, previous, out _));
        Assert.False(LogEntryLink.TryRead("{\"sequence\":0"u8, out _, previous, out _));
        Assert.True(LogEntryLink.TryRead("{\"sequence\":0}"u8, out _, previous, out _));
    }

    [Fact]
    public void LogExport_Parse_GivesAClearError_ForNonExports()
    {
        Assert.Throws<NoteFormatException>(() => LogExport.Parse("{}"u8));
        Assert.Throws<NoteFormatException>(() => LogExport.Parse("not json"u8));
        Assert.Throws<NoteFormatException>(() => LogExport.Parse("{\"origin\":\"a\",\"checkpoint\":\"b\",\"verifierKeys\":[],\"entries\":[\"***\"]}"u8));
    }
}
