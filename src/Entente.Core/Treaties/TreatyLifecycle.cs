using System.Collections.Immutable;

namespace Entente.Core.Treaties;

/// <summary>Why a lifecycle step was refused. Expected failures are values, never exceptions.</summary>
public abstract record LifecycleError(string Message)
{
    /// <summary>The actor is not one of the treaty's authorities.</summary>
    public sealed record NotAnAuthority(string Authority) : LifecycleError($"'{Authority}' is not an authority of this treaty");

    /// <summary>The step is not open from the current status.</summary>
    public sealed record IllegalTransition(TreatyStatus From, string Step) : LifecycleError($"cannot {Step} a treaty that is {From}");

    /// <summary>This authority has already taken this step.</summary>
    public sealed record AlreadyDone(string Authority, string Step) : LifecycleError($"'{Authority}' has already agreed to {Step}");

    /// <summary>Suspension must say why.</summary>
    public sealed record ReasonRequired() : LifecycleError("a suspension needs a reason");
}

/// <summary>The result of a lifecycle step: the new state, or the error.</summary>
public readonly record struct LifecycleResult(TreatyLifecycle? Lifecycle, LifecycleError? Error)
{
    public bool IsSuccess => Lifecycle is not null;

    public static implicit operator LifecycleResult(TreatyLifecycle lifecycle) => new(lifecycle, null);

    public static implicit operator LifecycleResult(LifecycleError error) => new(null, error);
}

/// <summary>
/// The treaty lifecycle as a pure, immutable state machine: Draft → Signed (both authorities sign) → InForce (both
/// ratify) ⇄ Suspended (either authority suspends at once with a reason; both must agree to resume) → Terminated
/// (either authority, from Signed, InForce or Suspended; final). Each step returns a new value or an error; the
/// Application layer persists it.
/// </summary>
public sealed record TreatyLifecycle
{
    private TreatyLifecycle(IReadOnlyList<string> authorities) => Authorities = authorities;

    /// <summary>The authority codes that act on the treaty (one per party).</summary>
    public IReadOnlyList<string> Authorities { get; }

    public TreatyStatus Status { get; private init; } = TreatyStatus.Draft;

    /// <summary>The authorities that have agreed to the step now under way (signature, ratification or resumption).</summary>
    public ImmutableSortedSet<string> Agreed { get; private init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>Who suspended the treaty, while it is suspended.</summary>
    public string? SuspendedBy { get; private init; }

    /// <summary>Why the treaty was suspended, while it is suspended.</summary>
    public string? SuspensionReason { get; private init; }

    /// <summary>Who terminated the treaty, once terminated.</summary>
    public string? TerminatedBy { get; private init; }

    /// <summary>A new draft for the authorities of a treaty.</summary>
    public static TreatyLifecycle Draft(Treaty treaty)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        return Draft(treaty.Parties.Select(p => p.Authority.Code).ToList());
    }

    /// <summary>A new draft for the given authority codes.</summary>
    public static TreatyLifecycle Draft(IReadOnlyList<string> authorities) => new(authorities);

    /// <summary>An authority signs; the treaty is Signed once both have.</summary>
    public LifecycleResult Sign(string authority) => Agree(authority, TreatyStatus.Draft, TreatyStatus.Signed, "sign");

    /// <summary>An authority ratifies; the treaty enters into force once both have.</summary>
    public LifecycleResult Ratify(string authority) => Agree(authority, TreatyStatus.Signed, TreatyStatus.InForce, "ratify");

    /// <summary>Either authority suspends the treaty at once, giving a reason.</summary>
    public LifecycleResult Suspend(string authority, string reason)
    {
        if (!IsAuthority(authority))
        {
            return new LifecycleError.NotAnAuthority(authority);
        }

        if (Status != TreatyStatus.InForce)
        {
            return new LifecycleError.IllegalTransition(Status, "suspend");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new LifecycleError.ReasonRequired();
        }

        return this with { Status = TreatyStatus.Suspended, SuspendedBy = authority, SuspensionReason = reason.Trim(), Agreed = Agreed.Clear() };
    }

    /// <summary>An authority agrees to resume; the treaty is back in force once both have.</summary>
    public LifecycleResult AgreeToResume(string authority)
    {
        var result = Agree(authority, TreatyStatus.Suspended, TreatyStatus.InForce, "resume");
        return result.Lifecycle is { Status: TreatyStatus.InForce } resumed ? resumed with { SuspendedBy = null, SuspensionReason = null } : result;
    }

    /// <summary>Either authority terminates the treaty (from Signed, InForce or Suspended). Termination is final.</summary>
    public LifecycleResult Terminate(string authority)
    {
        if (!IsAuthority(authority))
        {
            return new LifecycleError.NotAnAuthority(authority);
        }

        if (Status is TreatyStatus.Draft or TreatyStatus.Terminated)
        {
            return new LifecycleError.IllegalTransition(Status, "terminate");
        }

        return this with { Status = TreatyStatus.Terminated, TerminatedBy = authority, Agreed = Agreed.Clear() };
    }

    private LifecycleResult Agree(string authority, TreatyStatus from, TreatyStatus to, string step)
    {
        if (!IsAuthority(authority))
        {
            return new LifecycleError.NotAnAuthority(authority);
        }

        if (Status != from)
        {
            return new LifecycleError.IllegalTransition(Status, step);
        }

        if (Agreed.Contains(authority))
        {
            return new LifecycleError.AlreadyDone(authority, step);
        }

        var agreed = Agreed.Add(authority);
        return agreed.Count == Authorities.Count
            ? this with { Status = to, Agreed = agreed.Clear() }
            : this with { Agreed = agreed };
    }

    private bool IsAuthority(string authority) => Authorities.Contains(authority, StringComparer.Ordinal);
}
