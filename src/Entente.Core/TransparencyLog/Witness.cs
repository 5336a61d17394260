using System.Globalization;
using System.Text;

namespace Entente.Core.TransparencyLog;

/// <summary>
/// The body of a C2SP tlog-witness <c>add-checkpoint</c> request: <c>old N</c>, up to 63 consistency-proof lines,
/// a blank line, then the signed checkpoint.
/// </summary>
/// <param name="OldSize">The size of the last checkpoint the client believes the witness cosigned (0 if none).</param>
/// <param name="ConsistencyProof">The proof from <paramref name="OldSize"/> to the checkpoint's size.</param>
/// <param name="SignedCheckpoint">The signed checkpoint note, verbatim.</param>
public sealed record AddCheckpointRequest(long OldSize, IReadOnlyList<byte[]> ConsistencyProof, string SignedCheckpoint)
{
    /// <summary>The protocol's limit on proof lines.</summary>
    public const int MaxProofLines = 63;

    /// <summary>The request body.</summary>
    public string Format()
    {
        var builder = new StringBuilder("old ").Append(OldSize.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in ConsistencyProof)
        {
            builder.Append(Convert.ToBase64String(hash)).Append('\n');
        }

        return builder.Append('\n').Append(SignedCheckpoint).ToString();
    }

    /// <summary>Parses a request body; throws <see cref="NoteFormatException"/> (a 400 answer) when malformed.</summary>
    public static AddCheckpointRequest Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var blank = body.IndexOf("\n\n", StringComparison.Ordinal);
        if (blank < 0)
        {
            throw new NoteFormatException("malformed add-checkpoint request: no blank line before the checkpoint");
        }

        var lines = body[..blank].Split('\n');
        if (!lines[0].StartsWith("old ", StringComparison.Ordinal))
        {
            throw new NoteFormatException("malformed add-checkpoint request: first line must be 'old <size>'");
        }

        var oldSize = Checkpoint.ParseDecimal(lines[0][4..], "malformed add-checkpoint request: old size");
        if (lines.Length - 1 > MaxProofLines)
        {
            throw new NoteFormatException($"malformed add-checkpoint request: more than {MaxProofLines} proof lines");
        }

        var proof = new List<byte[]>(lines.Length - 1);
        foreach (var line in lines.Skip(1))
        {
            byte[] hash;
            try
            {
                hash = Convert.FromBase64String(line);
            }
            catch (FormatException e)
            {
                throw new NoteFormatException("malformed add-checkpoint request: proof line is not base64", e);
            }

            if (hash.Length != MerkleHashing.HashSize)
            {
                throw new NoteFormatException("malformed add-checkpoint request: proof hashes are 32 bytes");
            }

            proof.Add(hash);
        }

        return new AddCheckpointRequest(oldSize, proof, body[(blank + 2)..]);
    }
}

/// <summary>What a witness last cosigned for one log: size and root.</summary>
public sealed record WitnessState(long Size, byte[] RootHash)
{
    /// <summary>The state of a log never cosigned: size 0 and the empty root.</summary>
    public static WitnessState Empty => new(0, MerkleHashing.EmptyRoot.ToArray());
}

/// <summary>A log the witness follows: the keys trusted for its origin and what the witness last cosigned (null: never).</summary>
public sealed record WitnessedLog(IReadOnlyCollection<INoteVerifier> LogVerifiers, WitnessState? Latest);

/// <summary>The witness's answer, mapped to the tlog-witness HTTP status codes.</summary>
public enum WitnessOutcome
{
    /// <summary>200: consistent; cosign and record <see cref="WitnessVerdict.NewState"/>.</summary>
    Cosign = 200,

    /// <summary>400: malformed body or old size above the checkpoint size.</summary>
    BadRequest = 400,

    /// <summary>403: no valid signature from a trusted key, or a trusted key's signature fails.</summary>
    Forbidden = 403,

    /// <summary>404: unknown origin.</summary>
    UnknownLog = 404,

    /// <summary>409: the old size is not what the witness last cosigned; the body is the witness's size.</summary>
    Conflict = 409,

    /// <summary>422: the checkpoint is signed but not consistent: evidence of log misbehaviour.</summary>
    Inconsistent = 422,
}

/// <summary>
/// The decision on one add-checkpoint request.
/// </summary>
/// <param name="Outcome">What to answer.</param>
/// <param name="Reason">Why, for logs and operators.</param>
/// <param name="Checkpoint">The parsed checkpoint when it got that far.</param>
/// <param name="NewState">On <see cref="WitnessOutcome.Cosign"/>, what to persist (atomically with the size check).</param>
/// <param name="LatestSize">On <see cref="WitnessOutcome.Conflict"/>, the size to send back.</param>
/// <param name="IsEvidence">True when a validly signed checkpoint failed a consistency check: keep the request as proof of misbehaviour.</param>
public sealed record WitnessVerdict(WitnessOutcome Outcome, string Reason, Checkpoint? Checkpoint, WitnessState? NewState, long? LatestSize, bool IsEvidence)
{
    /// <summary>The HTTP status code the protocol prescribes.</summary>
    public int StatusCode => (int)Outcome;
}

/// <summary>
/// The witness's checks from c2sp.org/tlog-witness as one pure function: no clock, no storage. The caller looks up
/// the log, persists <see cref="WitnessVerdict.NewState"/> atomically, and signs the cosignature.
/// </summary>
public static class WitnessPolicy
{
    /// <summary>Decides whether to cosign the checkpoint in <paramref name="requestBody"/>.</summary>
    /// <param name="requestBody">The add-checkpoint body as received.</param>
    /// <param name="findLog">Finds the log followed under an origin, or null when the origin is unknown.</param>
    public static WitnessVerdict Decide(string requestBody, Func<string, WitnessedLog?> findLog)
    {
        ArgumentNullException.ThrowIfNull(findLog);
        AddCheckpointRequest request;
        SignedNote note;
        Checkpoint checkpoint;
        try
        {
            request = AddCheckpointRequest.Parse(requestBody);
            note = SignedNote.Parse(request.SignedCheckpoint);
            checkpoint = Checkpoint.Parse(note.Text);
        }
        catch (NoteFormatException e)
        {
            return new WitnessVerdict(WitnessOutcome.BadRequest, e.Message, null, null, null, false);
        }

        var log = findLog(checkpoint.Origin);
        if (log is null)
        {
            return new WitnessVerdict(WitnessOutcome.UnknownLog, $"unknown log origin '{checkpoint.Origin}'", checkpoint, null, null, false);
        }

        try
        {
            note.Open(log.LogVerifiers);
        }
        catch (NoteFormatException e)
        {
            return new WitnessVerdict(WitnessOutcome.Forbidden, e.Message, checkpoint, null, null, false);
        }

        if (request.OldSize > checkpoint.Size)
        {
            return new WitnessVerdict(WitnessOutcome.BadRequest, $"old size {request.OldSize} exceeds checkpoint size {checkpoint.Size}", checkpoint, null, null, false);
        }

        var latest = log.Latest ?? WitnessState.Empty;
        if (request.OldSize != latest.Size)
        {
            return new WitnessVerdict(WitnessOutcome.Conflict, $"old size {request.OldSize} is not the last cosigned size {latest.Size}", checkpoint, null, latest.Size, false);
        }

        if (checkpoint.Size == 0 && !checkpoint.RootHash.AsSpan().SequenceEqual(MerkleHashing.EmptyRoot))
        {
            return Inconsistent("a checkpoint of size 0 must carry the empty-tree root", checkpoint);
        }

        if (request.OldSize == 0)
        {
            // The empty tree is consistent with every tree: the protocol asks for an empty proof, and the Merkle
            // verifier (which rejects size 0) is not called.
            if (request.ConsistencyProof.Count != 0)
            {
                return Inconsistent("old size 0 takes an empty consistency proof", checkpoint);
            }
        }
        else
        {
            var check = MerkleProofs.VerifyConsistency(latest.Size, checkpoint.Size, latest.RootHash, checkpoint.RootHash, request.ConsistencyProof);
            if (!check.IsValid)
            {
                return Inconsistent("consistency proof: " + check.Reason, checkpoint);
            }
        }

        return new WitnessVerdict(WitnessOutcome.Cosign, "consistent", checkpoint, new WitnessState(checkpoint.Size, checkpoint.RootHash), null, false);
    }

    /// <summary>
    /// The log's side of a 200 answer: checks the witness's signature lines against the checkpoint with the trusted
    /// <paramref name="witnessVerifiers"/> (lines from unknown keys are ignored, as the spec asks) and returns the
    /// checkpoint with the verified cosignatures appended, skipping any already present.
    /// </summary>
    public static SignedNote AddCosignatures(string signedCheckpoint, string responseBody, IReadOnlyCollection<INoteVerifier> witnessVerifiers)
    {
        ArgumentNullException.ThrowIfNull(responseBody);
        ArgumentNullException.ThrowIfNull(witnessVerifiers);
        var note = SignedNote.Parse(signedCheckpoint);
        if (responseBody.Length == 0 || responseBody[^1] != '\n')
        {
            throw new NoteFormatException("malformed witness response: signature lines must end with a newline");
        }

        var answered = SignedNote.Parse(note.Text + "\n" + responseBody);
        var opened = answered.Open(witnessVerifiers);
        var signatures = note.Signatures.ToList();
        foreach (var cosignature in opened.Verified)
        {
            if (!signatures.Any(s => string.Equals(s.KeyName, cosignature.KeyName, StringComparison.Ordinal) && s.KeyId == cosignature.KeyId))
            {
                signatures.Add(cosignature);
            }
        }

        return note with { Signatures = signatures };
    }

    /// <summary>The 409 response body: the last cosigned size and a newline (Content-Type text/x.tlog.size).</summary>
    public static string ConflictBody(long latestSize) => latestSize.ToString(CultureInfo.InvariantCulture) + "\n";

    private static WitnessVerdict Inconsistent(string reason, Checkpoint checkpoint) =>
        new(WitnessOutcome.Inconsistent, reason, checkpoint, null, null, true);
}
