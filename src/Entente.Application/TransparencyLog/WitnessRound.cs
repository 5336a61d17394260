using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Entente.Core.TransparencyLog;

namespace Entente.Application.TransparencyLog;

/// <summary>What a witness keeps between rounds for one log: the size and root it last cosigned.</summary>
public sealed record WitnessStateFile(string Origin, long Size, string RootHash)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<WitnessStateFile?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<WitnessStateFile>(stream, Json, cancellationToken)
            ?? throw new JsonException($"{path} is not a witness state file");
    }

    /// <summary>Writes to a temporary file in the same folder, flushes it to disk, then renames it over the old state.</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, full, overwrite: true);
    }
}

/// <summary>The outcome of one witness round: the process exit code (0 cosigned, 1 refused or rejected) and what to print.</summary>
public sealed record WitnessRoundResult(int ExitCode, string Message, long? CosignedSize);

/// <summary>
/// One round of an authority's own witness (<c>entente witness run</c>): fetch the log's newest checkpoint and check
/// the platform's signature; fetch a consistency proof from the size this witness last cosigned and check it; record
/// the new state (atomically, before answering, as tlog-witness asks); cosign; post the cosigned checkpoint back
/// through the log's add-checkpoint endpoint. A checkpoint that is smaller than, or inconsistent with, what the
/// witness cosigned before is refused, and the evidence is returned for the operator.
/// </summary>
public sealed class WitnessRound(HttpClient http, Uri logUrl, string authority, INoteVerifier logKey, Ed25519CosignatureSigner cosigner, string statePath, TimeProvider clock)
{
    public async Task<WitnessRoundResult> RunAsync(CancellationToken cancellationToken)
    {
        var root = logUrl.AbsoluteUri.TrimEnd('/');
        if (!root.EndsWith("/api/v1/log", StringComparison.Ordinal))
        {
            root += "/api/v1/log";
        }

        var noteText = await GetStringAsync(new Uri(root + "/checkpoint"), cancellationToken);
        var note = SignedNote.Parse(noteText);
        note.Open([logKey]);
        var checkpoint = Checkpoint.Parse(note.Text);
        if (!string.Equals(checkpoint.Origin, logKey.Name, StringComparison.Ordinal))
        {
            return new WitnessRoundResult(1, $"the checkpoint's origin '{checkpoint.Origin}' is not the log key's name '{logKey.Name}'", null);
        }

        var previous = await WitnessStateFile.ReadAsync(statePath, cancellationToken);
        if (previous is not null && !string.Equals(previous.Origin, checkpoint.Origin, StringComparison.Ordinal))
        {
            return new WitnessRoundResult(2, $"the state file {statePath} is for log '{previous.Origin}', not '{checkpoint.Origin}'", null);
        }

        var oldSize = previous?.Size ?? 0;
        var oldRoot = previous is null ? MerkleHashing.EmptyRoot.ToArray() : Convert.FromBase64String(previous.RootHash);
        IReadOnlyList<byte[]> proof = [];
        if (checkpoint.Size < oldSize)
        {
            return Refuse($"the log went back from size {oldSize} to {checkpoint.Size} (rolled back)", oldSize, oldRoot, noteText);
        }

        if (oldSize > 0)
        {
            if (checkpoint.Size > oldSize)
            {
                var json = await GetStringAsync(new Uri(string.Create(CultureInfo.InvariantCulture, $"{root}/proofs/consistency?from={oldSize}&size={checkpoint.Size}")), cancellationToken);
                using var document = JsonDocument.Parse(json);
                proof = document.RootElement.GetProperty("hashes").EnumerateArray().Select(h => h.GetBytesFromBase64()).ToList();
            }

            var check = MerkleProofs.VerifyConsistency(oldSize, checkpoint.Size, oldRoot, checkpoint.RootHash, proof);
            if (!check.IsValid)
            {
                return Refuse($"the checkpoint is not consistent with the one cosigned before: {check.Reason} (forked)", oldSize, oldRoot, noteText);
            }
        }
        else if (checkpoint.Size == 0 && !checkpoint.RootHash.AsSpan().SequenceEqual(MerkleHashing.EmptyRoot))
        {
            return Refuse("a checkpoint of size 0 must carry the empty-tree root", oldSize, oldRoot, noteText);
        }

        // Persist before answering: a crash after this line cannot lead to cosigning an older, conflicting state.
        await new WitnessStateFile(checkpoint.Origin, checkpoint.Size, Convert.ToBase64String(checkpoint.RootHash)).WriteAsync(statePath, cancellationToken);
        var cosignature = cosigner.Cosign(note.Text, (ulong)clock.GetUtcNow().ToUnixTimeSeconds());
        var cosigned = note with { Signatures = [.. note.Signatures, cosignature] };
        var body = new AddCheckpointRequest(oldSize, proof, cosigned.Format()).Format();
        using var content = new StringContent(body, Encoding.UTF8, "text/plain");
        using var response = await http.PostAsync(new Uri(root + "/witness/" + Uri.EscapeDataString(authority)), content, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => new WitnessRoundResult(0, string.Create(CultureInfo.InvariantCulture, $"cosigned {checkpoint.Origin} at size {checkpoint.Size}"), checkpoint.Size),
            HttpStatusCode.Conflict => new WitnessRoundResult(1, $"the log records this witness at size {answer.Trim()}, this witness at {oldSize}: the two records disagree", null),
            _ => new WitnessRoundResult(1, $"the log answered {(int)response.StatusCode}: {answer.Trim()}", null),
        };
    }

    private static WitnessRoundResult Refuse(string reason, long oldSize, byte[] oldRoot, string noteText) =>
        new(1, string.Create(CultureInfo.InvariantCulture,
            $"refusing to cosign: {reason}\nlast cosigned: size {oldSize}, root {Convert.ToBase64String(oldRoot)}\nevidence (the log's signed checkpoint):\n{noteText}"), null);

    private async Task<string> GetStringAsync(Uri url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {url.AbsolutePath} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}
