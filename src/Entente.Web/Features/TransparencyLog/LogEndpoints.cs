using Entente.Application.TransparencyLog;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.TransparencyLog;

/// <summary>
/// The transparency log over HTTP (contracts/log.md): the newest checkpoint with its cosignatures, entries as stored,
/// inclusion and consistency proofs, and the add-checkpoint endpoint through which each authority's witness returns
/// its cosignature.
/// </summary>
public static class LogEndpoints
{
    public static void MapTransparencyLogEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/log").WithTags("Transparency log").RequireAuthorization(Policies.Authority);
        group.MapGet("/checkpoint", Checkpoint).WithName("GetCheckpoint")
            .WithSummary("The newest checkpoint: a C2SP signed note with every cosignature collected so far (text/plain).");
        group.MapGet("/entries", Entries).WithName("GetLogEntries")
            .WithSummary("Entries start ≤ index < end (at most 1,000), each as the base64 of its stored bytes.");
        group.MapGet("/proofs/inclusion", Inclusion).WithName("GetInclusionProof").WithSummary("RFC 9162 inclusion proof of entry index in the tree of size leaves.");
        group.MapGet("/proofs/consistency", Consistency).WithName("GetConsistencyProof").WithSummary("RFC 9162 consistency proof from tree size from to size.");
        group.MapGet("/proofs/tlog/{index:long}", TlogProof).WithName("GetTlogProof")
            .WithSummary("A C2SP tlog-proof file of one entry against the newest checkpoint, for offline checking.");
        group.MapPost("/witness/{authority}", Witness).RequireAuthorization(Policies.AuthorityOfficer).WithName("AddCheckpoint")
            .WithSummary("C2SP tlog-witness add-checkpoint from the authority's witness: the checkpoint carries its cosignature.");
    }

    public sealed record EntryItem(long Index, string Entry);

    public sealed record ProofAnswer(long Index, long Size, IReadOnlyList<string> Hashes);

    public sealed record ConsistencyAnswer(long From, long Size, IReadOnlyList<string> Hashes);

    private static async Task<IResult> Checkpoint(LogQueries log, CancellationToken cancellationToken)
    {
        var newest = await log.NewestCheckpointAsync(cancellationToken);
        return newest is null
            ? Problems.From(new Application.Common.Error.NotFound("no-checkpoint", "No checkpoint has been signed yet."))
            : TypedResults.Text(newest.Note, "text/plain; charset=utf-8");
    }

    private static async Task<IResult> Entries(long? start, long? end, LogQueries log, CancellationToken cancellationToken) =>
        (await log.EntriesAsync(start ?? -1, end ?? -1, cancellationToken))
        .Match(entries => TypedResults.Ok(entries.Select(e => new EntryItem(e.Index, Convert.ToBase64String(e.Entry)))), Problems.From);

    private static async Task<IResult> Inclusion(long? index, long? size, LogQueries log, CancellationToken cancellationToken) =>
        (await log.InclusionProofAsync(index ?? -1, size ?? -1, cancellationToken))
        .Match(p => TypedResults.Ok(new ProofAnswer(p.Index, p.Size, p.Hashes.Select(Convert.ToBase64String).ToList())), Problems.From);

    private static async Task<IResult> Consistency(long? from, long? size, LogQueries log, CancellationToken cancellationToken) =>
        (await log.ConsistencyProofAsync(from ?? -1, size ?? -1, cancellationToken))
        .Match(p => TypedResults.Ok(new ConsistencyAnswer(p.From, p.Size, p.Hashes.Select(Convert.ToBase64String).ToList())), Problems.From);

    private static async Task<IResult> TlogProof(long index, LogQueries log, CancellationToken cancellationToken) =>
        (await log.TlogProofAsync(index, cancellationToken)).Match(
            proof => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(proof), "text/plain; charset=utf-8", $"entente-log-entry-{index}.tlog-proof"),
            Problems.From);

    private static async Task<IResult> Witness(string authority, HttpContext context, WitnessSubmissions witnesses, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(context.Request.Body, System.Text.Encoding.UTF8);
        // tlog-witness bodies are a checkpoint, at most 63 proof lines and 100 signatures: far below this.
        var buffer = new char[64 * 1024];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        if (read == buffer.Length)
        {
            return TypedResults.Text("request body too large\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var answer = await witnesses.AddCheckpointAsync(context.User.ToActor(), authority, new string(buffer, 0, read), cancellationToken);
        return TypedResults.Text(answer.Body, answer.ContentType, statusCode: answer.StatusCode);
    }
}
