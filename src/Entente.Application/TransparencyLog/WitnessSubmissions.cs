using System.Text;
using Entente.Application.Common;
using Entente.Application.Persistence;
using Entente.Core.TransparencyLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Entente.Application.TransparencyLog;

/// <summary>The answer to an add-checkpoint request: status code, content type and body, as tlog-witness prescribes.</summary>
public sealed record WitnessAnswer(int StatusCode, string ContentType, string Body);

/// <summary>
/// The log's end of an authority witness's round: the witness fetched the newest checkpoint and a consistency proof,
/// checked them, cosigned, and sends a tlog-witness <c>add-checkpoint</c> body whose checkpoint carries its
/// cosignature. The log runs the same checks (<see cref="WitnessPolicy.Decide"/>) against what it recorded that
/// witness last cosigned, verifies the cosignature with the authority's registered witness key, records the new
/// state and merges the cosignature into the stored checkpoint — all in one transaction under one lock, so two
/// rounds never interleave (the race the spec warns of).
/// </summary>
public sealed partial class WitnessSubmissions(EntenteDbContext db, PlatformLogKey key, IOptions<TransparencyLogOptions> options, TimeProvider clock, ILogger<WitnessSubmissions> logger)
{
    internal const long PostgresWitnessLockKey = 0x456e74656e7457;
    private const string Text = "text/plain; charset=utf-8";

    public async Task<WitnessAnswer> AddCheckpointAsync(Actor actor, string authority, string body, CancellationToken cancellationToken)
    {
        if (!actor.IsAuthorityOfficerOf(authority))
        {
            return new WitnessAnswer(403, Text, $"only an authority officer of {authority} submits for the {authority} witness\n");
        }

        if (!options.Value.Witnesses.TryGetValue(authority, out var vkey))
        {
            return new WitnessAnswer(404, Text, $"no witness key is registered for authority {authority}\n");
        }

        var witnessKey = Ed25519Keys.ParseVerifierKey(vkey);
        var platform = await key.GetVerifierAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresWitnessLockKey})", cancellationToken);
        }

        var state = await db.LogWitnessStates.SingleOrDefaultAsync(w => w.Authority == authority, cancellationToken);
        var verdict = WitnessPolicy.Decide(body, origin => string.Equals(origin, options.Value.Origin, StringComparison.Ordinal)
            ? new WitnessedLog([platform], state is null ? null : new WitnessState(state.Size, state.RootHash))
            : null);
        switch (verdict.Outcome)
        {
            case WitnessOutcome.Cosign:
                break;
            case WitnessOutcome.Conflict:
                return new WitnessAnswer(409, "text/x.tlog.size", WitnessPolicy.ConflictBody(verdict.LatestSize ?? 0));
            default:
                if (verdict.IsEvidence)
                {
                    LogEvidence(authority, verdict.Reason);
                }

                return new WitnessAnswer(verdict.StatusCode, Text, verdict.Reason + "\n");
        }

        var checkpoint = verdict.Checkpoint!;
        var stored = await db.LogCheckpoints.SingleOrDefaultAsync(c => c.Size == checkpoint.Size, cancellationToken);
        var submitted = SignedNote.Parse(AddCheckpointRequest.Parse(body).SignedCheckpoint);
        if (stored is null || !string.Equals(SignedNote.Parse(stored.Note).Text, submitted.Text, StringComparison.Ordinal))
        {
            // Signed by the platform key yet not the checkpoint stored for that size: the log disagrees with itself.
            LogEvidence(authority, "a platform-signed checkpoint that is not the stored one");
            return new WitnessAnswer(422, Text, "this checkpoint is not the one the log stored for its size\n");
        }

        var lines = new StringBuilder();
        foreach (var signature in submitted.Signatures.Where(s => string.Equals(s.KeyName, witnessKey.Name, StringComparison.Ordinal) && s.KeyId == witnessKey.KeyId))
        {
            lines.Append(signature.ToLine());
        }

        SignedNote merged;
        try
        {
            merged = lines.Length == 0 ? throw new NoteFormatException("no cosignature from the witness key") : WitnessPolicy.AddCosignatures(stored.Note, lines.ToString(), [witnessKey]);
        }
        catch (NoteFormatException e)
        {
            return new WitnessAnswer(403, Text, $"the {authority} witness's cosignature does not verify: {e.Message}\n");
        }

        stored.Note = merged.Format();
        var now = clock.GetUtcNow();
        if (state is null)
        {
            db.LogWitnessStates.Add(new LogWitnessState { Authority = authority, Size = checkpoint.Size, RootHash = checkpoint.RootHash, CosignedAt = now });
        }
        else
        {
            state.Size = checkpoint.Size;
            state.RootHash = checkpoint.RootHash;
            state.CosignedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new WitnessAnswer(200, Text, lines.ToString());
    }

    /// <summary>Each registered witness and what it last cosigned (null: never): the freshness the log page shows.</summary>
    public async Task<IReadOnlyList<(string Authority, string VerifierKey, LogWitnessState? State)>> FreshnessAsync(CancellationToken cancellationToken)
    {
        var states = await db.LogWitnessStates.AsNoTracking().ToListAsync(cancellationToken);
        return options.Value.Witnesses.OrderBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => (w.Key, w.Value, states.FirstOrDefault(s => string.Equals(s.Authority, w.Key, StringComparison.Ordinal))))
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The {Authority} witness submitted evidence of log misbehaviour: {Reason}")]
    private partial void LogEvidence(string authority, string reason);
}
