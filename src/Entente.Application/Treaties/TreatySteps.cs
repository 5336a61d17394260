using Entente.Application.Common;
using Entente.Application.Identity;
using Entente.Application.Persistence;
using Entente.Application.TransparencyLog;
using Entente.Core.Treaties;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Treaties;

/// <summary>One authority's standing on the treaty: when it signed and ratified, and whether it consents to resume.</summary>
public sealed record AuthorityStanding(string Party, string Authority, string NameEn, string NameRu, DateTimeOffset? SignedAt, DateTimeOffset? RatifiedAt, bool ConsentsToResume);

/// <summary>One step of the treaty's history.</summary>
public sealed record TreatyEventView(int Sequence, DateTimeOffset At, string Kind, string Party, string Authority, string StatusAfter, string VersionInForce, string? AmendmentVersion, string? Reason);

/// <summary>An amendment awaiting acceptance.</summary>
public sealed record AmendmentView(string Version, string ProposedBy, IReadOnlyList<string> AcceptedBy, DateTimeOffset ProposedAt);

/// <summary>The treaty as the platform runs it: status, version in force, each authority's standing, the open amendment and the history.</summary>
public sealed record TreatyView(
    string TreatyId,
    string TitleEn,
    string TitleRu,
    string Status,
    string VersionInForce,
    IReadOnlyList<AuthorityStanding> Authorities,
    string? SuspendedBy,
    string? SuspensionReason,
    string? TerminatedBy,
    AmendmentView? PendingAmendment,
    IReadOnlyList<TreatyEventView> History);

/// <summary>
/// What every treaty step shares: who may act (an authority officer, for the authority of its own party), loading the
/// treaty (created as a draft the first time anyone acts), re-deriving the pure <see cref="TreatyLifecycle"/> from the
/// appended history, and recording the step as a history row and a log entry in the caller's transaction.
/// </summary>
public sealed class TreatySteps(EntenteDbContext db, LogEntryWriter log, TimeProvider clock)
{
    /// <summary>The treaty the platform runs (the shipped default; amendments keep its id, parties and authorities).</summary>
    public static Treaty Treaty => TreatyCatalogue.DefaultTreaty;

    /// <summary>The acting authority: an authority officer of one of the treaty's parties acts for that party's authority.</summary>
    public static Result<TreatyParty> AuthorityOf(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsInRole(EntenteRoles.AuthorityOfficer) || actor.Party is null || Treaty.Party(actor.Party) is not { } party)
        {
            return new Error.Forbidden("not-treaty-authority", "Only an authority officer of a treaty party acts on the treaty.");
        }

        return party;
    }

    /// <summary>Takes one lifecycle step for the actor's authority, in one transaction with its history row and log entry.</summary>
    public Task<Result<TreatyView>> TakeAsync(Actor actor, TreatyEventKind kind, string? reason, Func<TreatyLifecycle, string, LifecycleResult> step, CancellationToken cancellationToken)
    {
        var authority = AuthorityOf(actor);
        if (!authority.IsSuccess)
        {
            return Task.FromResult(Result<TreatyView>.Failure(authority.Error!));
        }

        var party = authority.Value!;
        return db.InTransactionAsync<TreatyView>(async () =>
        {
            var record = await LoadOrCreateAsync(cancellationToken);
            var lifecycle = await ReplayAsync(cancellationToken);
            var next = step(lifecycle, party.Authority.Code);
            if (next.Error is { } error)
            {
                return AsError(error);
            }

            var after = next.Lifecycle!;
            var from = record.Status;
            record.Status = after.Status;
            record.PendingAgreement = string.Join(',', after.Agreed);
            record.SuspendedBy = after.SuspendedBy;
            record.SuspensionReason = after.SuspensionReason;
            record.TerminatedBy = after.TerminatedBy;
            await RecordAsync(actor, record, party, kind, from, reason: kind == TreatyEventKind.Suspended ? after.SuspensionReason : null, amendmentVersion: null, cancellationToken);
            return await ViewAsync(record, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>The treaty record, created as a draft of the shipped version when no one has acted yet.</summary>
    public async Task<TreatyRecord> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        var record = await db.Treaties.SingleOrDefaultAsync(t => t.TreatyId == Treaty.Id, cancellationToken);
        if (record is null)
        {
            record = new TreatyRecord { TreatyId = Treaty.Id, VersionInForce = Treaty.Version, Status = TreatyStatus.Draft, UpdatedAt = clock.GetUtcNow(), Version = Guid.NewGuid() };
            db.Treaties.Add(record);
        }

        return record;
    }

    /// <summary>Appends the step to the history and the log, and marks the record changed (its concurrency token moves on).</summary>
    public async Task RecordAsync(Actor actor, TreatyRecord record, TreatyParty party, TreatyEventKind kind, TreatyStatus from, string? reason, string? amendmentVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(party);
        var now = clock.GetUtcNow();
        record.UpdatedAt = now;
        record.Version = Guid.NewGuid();
        var last = await db.TreatyEvents.Where(e => e.TreatyId == record.TreatyId).MaxAsync(e => (int?)e.Sequence, cancellationToken) ?? 0;
        var pending = db.ChangeTracker.Entries<TreatyEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Sequence).DefaultIfEmpty(0).Max();
        var sequence = Math.Max(last, pending) + 1;
        db.TreatyEvents.Add(new TreatyEvent
        {
            TreatyId = record.TreatyId,
            Sequence = sequence,
            At = now,
            Kind = kind,
            Authority = party.Authority.Code,
            Party = party.Code,
            ActorId = actor.UserId,
            StatusAfter = record.Status,
            VersionInForce = record.VersionInForce,
            AmendmentVersion = amendmentVersion,
            Reason = reason,
        });
        await log.AppendAsync(actor, "treaty." + ActionName(kind), "treaty/" + record.TreatyId, null, new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["treaty"] = record.TreatyId,
            ["step"] = sequence,
            ["authority"] = party.Authority.Code,
            ["party"] = party.Code,
            ["from"] = from.ToString(),
            ["to"] = record.Status.ToString(),
            ["versionInForce"] = record.VersionInForce,
            ["amendmentVersion"] = amendmentVersion,
            ["reason"] = reason,
        }, cancellationToken);
    }

    /// <summary>
    /// The lifecycle as the history makes it: every lifecycle step replayed, in order, through the pure state machine.
    /// The record's columns are a summary; this is the truth the next step is judged against.
    /// </summary>
    public async Task<TreatyLifecycle> ReplayAsync(CancellationToken cancellationToken)
    {
        var steps = await db.TreatyEvents.AsNoTracking().Where(e => e.TreatyId == Treaty.Id).OrderBy(e => e.Sequence)
            .Select(e => new { e.Kind, e.Authority, e.Reason }).ToListAsync(cancellationToken);
        var lifecycle = TreatyLifecycle.Draft(Treaty);
        foreach (var s in steps)
        {
            var result = s.Kind switch
            {
                TreatyEventKind.Signed => lifecycle.Sign(s.Authority),
                TreatyEventKind.Ratified => lifecycle.Ratify(s.Authority),
                TreatyEventKind.Suspended => lifecycle.Suspend(s.Authority, s.Reason ?? string.Empty),
                TreatyEventKind.ResumptionConsented => lifecycle.AgreeToResume(s.Authority),
                TreatyEventKind.Terminated => lifecycle.Terminate(s.Authority),
                _ => lifecycle,
            };

            // A history the state machine rejects was not written by these use cases: a bug or tampering, never input.
            lifecycle = result.Lifecycle ?? throw new InvalidOperationException($"treaty history step {s.Kind} by {s.Authority} does not replay: {result.Error!.Message}");
        }

        return lifecycle;
    }

    /// <summary>The treaty as it stands (a draft of the shipped version when no one has acted yet).</summary>
    public async Task<TreatyView> ViewAsync(CancellationToken cancellationToken)
    {
        var record = await db.Treaties.AsNoTracking().SingleOrDefaultAsync(t => t.TreatyId == Treaty.Id, cancellationToken)
            ?? new TreatyRecord { TreatyId = Treaty.Id, VersionInForce = Treaty.Version, Status = TreatyStatus.Draft };
        return await ViewAsync(record, cancellationToken);
    }

    /// <summary>The treaty as it stands, including what the current transaction has changed but not yet saved.</summary>
    public async Task<TreatyView> ViewAsync(TreatyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var storedEvents = await db.TreatyEvents.AsNoTracking().Where(e => e.TreatyId == record.TreatyId).ToListAsync(cancellationToken);
        var added = db.ChangeTracker.Entries<TreatyEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity);
        var events = storedEvents.Concat(added).OrderBy(e => e.Sequence).ToList();
        var agreed = record.PendingAgreement.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var standings = Treaty.Parties.Select(p => new AuthorityStanding(
            p.Code,
            p.Authority.Code,
            p.Authority.Name.En,
            p.Authority.Name.Ru,
            events.LastOrDefault(e => e.Kind == TreatyEventKind.Signed && e.Authority == p.Authority.Code)?.At,
            events.LastOrDefault(e => e.Kind == TreatyEventKind.Ratified && e.Authority == p.Authority.Code)?.At,
            record.Status == TreatyStatus.Suspended && agreed.Contains(p.Authority.Code, StringComparer.Ordinal))).ToList();

        // Amendments this transaction touched are read as they now are, not as the database still has them.
        var tracked = db.ChangeTracker.Entries<TreatyAmendment>().Select(e => e.Entity).Where(a => a.TreatyId == record.TreatyId).ToList();
        var open = tracked.FirstOrDefault(a => a.Status == AmendmentStatus.Proposed);
        if (open is null)
        {
            var stored = await db.TreatyAmendments.AsNoTracking().FirstOrDefaultAsync(a => a.TreatyId == record.TreatyId && a.Status == AmendmentStatus.Proposed, cancellationToken);
            open = stored is not null && !tracked.Any(t => t.Id == stored.Id) ? stored : null;
        }

        return new TreatyView(
            record.TreatyId,
            Treaty.Title.En,
            Treaty.Title.Ru,
            record.Status.ToString(),
            record.VersionInForce,
            standings,
            record.SuspendedBy,
            record.SuspensionReason,
            record.TerminatedBy,
            open is null ? null : new AmendmentView(open.TreatyVersion, open.ProposedBy, open.AcceptedBy.Split(',', StringSplitOptions.RemoveEmptyEntries), open.ProposedAt),
            events.Select(e => new TreatyEventView(e.Sequence, e.At, e.Kind.ToString(), e.Party, e.Authority, e.StatusAfter.ToString(), e.VersionInForce, e.AmendmentVersion, e.Reason)).ToList());
    }

    private static Error AsError(LifecycleError error) => error switch
    {
        LifecycleError.NotAnAuthority => new Error.Forbidden("not-treaty-authority", "Only an authority officer of a treaty party acts on the treaty."),
        LifecycleError.IllegalTransition t => new Error.Conflict("treaty-step-not-open", $"The treaty is {t.From}: it cannot {t.Step} now."),
        LifecycleError.AlreadyDone d => new Error.Conflict("treaty-step-already-taken", $"Your authority has already agreed to {d.Step}."),
        LifecycleError.ReasonRequired => Error.Invalid("reason", "is required when suspending."),
        _ => new Error.Conflict("treaty-step-refused", error.Message),
    };

    private static string ActionName(TreatyEventKind kind) => kind switch
    {
        TreatyEventKind.Signed => "signed",
        TreatyEventKind.Ratified => "ratified",
        TreatyEventKind.Suspended => "suspended",
        TreatyEventKind.ResumptionConsented => "resumption-consented",
        TreatyEventKind.Terminated => "terminated",
        TreatyEventKind.AmendmentProposed => "amendment-proposed",
        TreatyEventKind.AmendmentAccepted => "amendment-accepted",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
