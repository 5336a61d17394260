using Entente.Application.Common;
using Entente.Application.Persistence;
using Entente.Core.Treaties;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Treaties;

/// <summary>
/// An authority officer proposes a new version of the treaty: the whole treaty file, validated like the shipped one. It
/// must keep the treaty's id, parties and authorities and declare a version not used before. Proposing counts as the
/// proposing authority's acceptance; the amendment takes effect when every other authority accepts it
/// (<see cref="AcceptAmendmentHandler"/>). One amendment is open at a time.
/// </summary>
public sealed record ProposeAmendment(string? TreatyJson);

public sealed class ProposeAmendmentHandler(EntenteDbContext db, TreatySteps steps, TimeProvider clock)
{
    /// <summary>Largest treaty file accepted (the shipped one is about 40 KB).</summary>
    public const int MaxTreatyJsonLength = 1_000_000;

    public async Task<Result<TreatyView>> HandleAsync(Actor actor, ProposeAmendment request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authority = TreatySteps.AuthorityOf(actor);
        if (authority.Error is { } forbidden)
        {
            return forbidden;
        }

        if (string.IsNullOrWhiteSpace(request.TreatyJson) || request.TreatyJson.Length > MaxTreatyJsonLength)
        {
            return Error.Invalid("treatyJson", $"is required: a treaty file of at most {MaxTreatyJsonLength} characters.");
        }

        var load = TreatyCatalogue.LoadJson(request.TreatyJson, "amendment");
        if (load.Engine is not { } engine)
        {
            return new Error.Validation("validation", "The treaty file does not load.", new Dictionary<string, string[]>(StringComparer.Ordinal) { ["treatyJson"] = load.Errors.ToArray() });
        }

        var amended = engine.Treaty;
        var current = TreatySteps.Treaty;
        if (!string.Equals(amended.Id, current.Id, StringComparison.Ordinal) || !SameAuthorities(amended, current))
        {
            return Error.Invalid("treatyJson", $"must amend treaty '{current.Id}' and keep its parties and authorities.");
        }

        var party = authority.Value!;
        return await db.InTransactionAsync<TreatyView>(async () =>
        {
            var record = await steps.LoadOrCreateAsync(cancellationToken);
            if (record.Status == TreatyStatus.Terminated)
            {
                return new Error.Conflict("treaty-step-not-open", "The treaty is Terminated: it cannot be amended.");
            }

            if (await db.TreatyAmendments.AnyAsync(a => a.TreatyId == current.Id && a.Status == AmendmentStatus.Proposed, cancellationToken))
            {
                return new Error.Conflict("amendment-open", "An amendment is already awaiting acceptance.");
            }

            if (string.Equals(amended.Version, record.VersionInForce, StringComparison.Ordinal) || string.Equals(amended.Version, current.Version, StringComparison.Ordinal)
                || await db.TreatyAmendments.AnyAsync(a => a.TreatyId == current.Id && a.TreatyVersion == amended.Version, cancellationToken))
            {
                return Error.Invalid("treatyJson", $"declares version '{amended.Version}', which has been used before.");
            }

            db.TreatyAmendments.Add(new TreatyAmendment
            {
                Id = Guid.NewGuid(),
                TreatyId = current.Id,
                TreatyVersion = amended.Version,
                TreatyJson = request.TreatyJson,
                Status = AmendmentStatus.Proposed,
                ProposedBy = party.Authority.Code,
                AcceptedBy = party.Authority.Code,
                ProposedAt = clock.GetUtcNow(),
            });
            await steps.RecordAsync(actor, record, party, TreatyEventKind.AmendmentProposed, record.Status, null, amended.Version, cancellationToken);
            return await steps.ViewAsync(record, cancellationToken);
        }, cancellationToken);
    }

    private static bool SameAuthorities(Treaty a, Treaty b) =>
        a.Parties.Select(p => p.Code + "/" + p.Authority.Code).Order(StringComparer.Ordinal)
            .SequenceEqual(b.Parties.Select(p => p.Code + "/" + p.Authority.Code).Order(StringComparer.Ordinal), StringComparer.Ordinal);
}
