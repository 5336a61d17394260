using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Entente.Application.TransparencyLog;
using Entente.Core.TransparencyLog;

namespace Entente.Cli.Tests.Commands;

public sealed class LogCommandsTests : IDisposable
{
    private const string LogSkey = "PRIVATE+KEY+Log+2271c621+AdEIq9FLRQni54Wg68T96VJO+iayOaulswav2DUMKgvQ";
    private const string WitnessSkey = "PRIVATE+KEY+Known+451c786d+AQPRoE2+Z+Ed1HaHBA9F/FfracvcZ2rDU39kCecMEoci";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("entente-log-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Verify_Passes_AGoodExport()
    {
        var (exit, output, error) = await CliRunner.RunAsync("log", "verify", Write(Export(Entries(40))), "--min-cosignatures", "1");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("ok: 40 entries", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NamesTheIndex_WhenOneByteOfAnEntryChanged()
    {
        var entries = Entries(40);
        var export = Export(entries);
        var edited = entries.ToList();
        var bytes = edited[23].ToArray();
        bytes[^3] ^= 0x01;
        edited[23] = bytes;
        await AssertFailsAt(export with { Entries = edited }, 23);
    }

    [Fact]
    public async Task Verify_NamesTheIndex_WhenAnEntryWasDeleted()
    {
        var entries = Entries(40);
        await AssertFailsAt(Export(entries) with { Entries = entries.Where((_, i) => i != 9).ToList() }, 9);
    }

    [Fact]
    public async Task Verify_NamesTheIndex_WhenTwoEntriesWereReordered()
    {
        var entries = Entries(40);
        var reordered = entries.ToList();
        (reordered[5], reordered[6]) = (reordered[6], reordered[5]);
        await AssertFailsAt(Export(entries) with { Entries = reordered }, 5);
    }

    [Fact]
    public async Task Verify_NamesTheIndex_WhenTheLogWasRolledBack()
    {
        var entries = Entries(40);
        await AssertFailsAt(Export(entries) with { Entries = entries.Take(31).ToList() }, 31);
    }

    [Fact]
    public async Task Verify_Fails_WhenThePinnedPlatformKeyDidNotSign()
    {
        var stranger = Ed25519Keys.Generate("Log", cosigner: false).VerifierKey();
        var (exit, _, error) = await CliRunner.RunAsync("log", "verify", Write(Export(Entries(5))), "--key", stranger);
        Assert.Equal(1, exit);
        Assert.Contains("checkpoint", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.json", null)]
    [InlineData("broken.json", "{ not json")]
    [InlineData("empty.json", "{}")]
    public async Task Verify_FailsWithOneLine_WhenTheFileIsNotAnExport(string name, string? content)
    {
        var path = Path.Combine(_folder.FullName, name);
        if (content is not null)
        {
            File.WriteAllText(path, content);
        }

        var (exit, _, error) = await CliRunner.RunAsync("log", "verify", path);
        Assert.Equal(2, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ChecksAServer_OverTheContractRoutes()
    {
        var entries = Entries(2_345);
        var export = Export(entries);
        var server = new LogServer(export);
        var (exit, output, error) = await CliRunner.RunAsync(() => new HttpClient(server), "log", "verify", "https://entente.example/", "--key", export.VerifierKeys[0], "--key", export.VerifierKeys[1], "--min-cosignatures", "1", "--token", "secret");
        Assert.True(exit == 0, error);
        Assert.Contains("ok: 2345 entries", output, StringComparison.Ordinal);
        Assert.Equal("Bearer secret", server.Authorization);
        Assert.Equal(3, server.EntryCalls);
    }

    [Fact]
    public async Task Verify_NamesTheIndex_WhenAServerServesAnEditedEntry()
    {
        var entries = Entries(1_500);
        var export = Export(entries);
        var edited = entries.ToList();
        edited[1_200] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(edited[1_200]).Replace("granted", "refused", StringComparison.Ordinal));
        var (exit, _, error) = await CliRunner.RunAsync(() => new HttpClient(new LogServer(export with { Entries = edited })), "log", "verify", "https://entente.example/api/v1/log", "--key", export.VerifierKeys[0]);
        Assert.Equal(1, exit);
        Assert.Contains("entry 1200", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RequiresAPinnedKey_ForAServer()
    {
        var (exit, _, error) = await CliRunner.RunAsync(() => new HttpClient(new LogServer(Export(Entries(3)))), "log", "verify", "https://entente.example/");
        Assert.Equal(2, exit);
        Assert.Contains("--key", error, StringComparison.Ordinal);
    }

    private async Task AssertFailsAt(LogExport export, long index)
    {
        var (exit, _, error) = await CliRunner.RunAsync("log", "verify", Write(export));
        Assert.Equal(1, exit);
        Assert.StartsWith("log verification failed: entry " + index.ToString(CultureInfo.InvariantCulture) + ":", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    private string Write(LogExport export)
    {
        var path = Path.Combine(_folder.FullName, Guid.NewGuid().ToString("n") + ".json");
        File.WriteAllBytes(path, export.ToJson());
        return path;
    }

    private static List<byte[]> Entries(int count)
    {
        var entries = new List<byte[]>(count);
        var previous = Array.Empty<byte>();
        for (var i = 0; i < count; i++)
        {
            var entry = LogEntryLink.Write(i, previous, w =>
            {
                w.WriteString("kind", "licence.decided");
                w.WriteString("decision", $"granted {i}");
            });
            entries.Add(entry);
            previous = MerkleHashing.HashLeaf(entry);
        }

        return entries;
    }

    private static LogExport Export(IReadOnlyList<byte[]> entries)
    {
        var tree = new CompactMerkleTree();
        foreach (var entry in entries)
        {
            tree.Append(MerkleHashing.HashLeaf(entry));
        }

        var log = new Ed25519NoteSigner(Ed25519Keys.ParseSigningKey(LogSkey));
        var witnessKey = Ed25519Keys.ParseSigningKey(WitnessSkey);
        var witness = new Ed25519CosignatureSigner(witnessKey.Name, witnessKey.Seed, TimeProvider.System);
        var text = new Checkpoint("Log", tree.Size, tree.Root()).Format();
        var checkpoint = SignedNote.Sign(text, log).Format() + witness.Cosign(text, 1_700_000_000).ToLine();
        return new LogExport { Origin = "Log", Checkpoint = checkpoint, VerifierKeys = [log.VerifierKey, witness.VerifierKey], Entries = entries.ToList() };
    }

    /// <summary>Serves the contract's read routes from an export, 1,000 entries per call at most.</summary>
    private sealed class LogServer(LogExport export) : HttpMessageHandler
    {
        public string? Authorization { get; private set; }

        public int EntryCalls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization?.ToString();
            var path = request.RequestUri!.AbsolutePath;
            if (path == "/api/v1/log/checkpoint")
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(export.Checkpoint) });
            }

            if (path == "/api/v1/log/entries")
            {
                EntryCalls++;
                var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query);
                var start = int.Parse(query["start"]!, CultureInfo.InvariantCulture);
                var end = Math.Min(int.Parse(query["end"]!, CultureInfo.InvariantCulture), Math.Min(start + 1000, export.Entries.Count));
                var items = Enumerable.Range(start, Math.Max(0, end - start)).Select(i => new { index = i, entry = Convert.ToBase64String(export.Entries[i]) });
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(items)) });
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        }
    }
}
