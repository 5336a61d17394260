using System.Runtime.CompilerServices;
using Entente.Core.Treaties;

namespace Entente.Core.Assessment;

/// <summary>
/// One reason of a decision: the requirement that produced it (e.g. TreatyInForce), the clause it cites, the outcome it
/// contributes, and its text in both languages.
/// </summary>
public sealed record Reason(string Requirement, string Clause, Outcome Outcome, string En, string Ru);

/// <summary>Room for the reasons of one decision, inline so that a decision is a single allocation.</summary>
[InlineArray(Capacity)]
internal struct ReasonBuffer
{
    public const int Capacity = 24;

    private Reason element;
}

/// <summary>
/// The outcome of an assessment: the worst outcome of its reasons (Authorised when there are none), the treaty version
/// used, and every reason. Reasons are prebuilt by the engine; a decision only holds references to them.
/// </summary>
public sealed class Decision
{
    private ReasonBuffer reasons;
    private int count;

    internal Decision(string? id, string treatyVersion)
    {
        Id = id;
        TreatyVersion = treatyVersion;
    }

    /// <summary>The scenario id.</summary>
    public string? Id { get; }

    /// <summary>The version of the treaty the decision applied.</summary>
    public string TreatyVersion { get; }

    /// <summary>The worst outcome among the reasons.</summary>
    public Outcome Outcome { get; private set; }

    /// <summary>The reasons, in article order.</summary>
    public ReadOnlySpan<Reason> Reasons => ((ReadOnlySpan<Reason>)reasons)[..count];

    /// <summary>The reasons as a list (allocates; for callers that keep them).</summary>
    public IReadOnlyList<Reason> ReasonList() => Reasons.ToArray();

    internal void Add(Reason reason)
    {
        // The requirements emit at most one reason per failing condition, well under the capacity.
        if (count < ReasonBuffer.Capacity)
        {
            reasons[count++] = reason;
        }

        Outcome = Outcomes.Worst(Outcome, reason.Outcome);
    }
}

/// <summary>Input that cannot be assessed (unknown rating, missing field, bad value): reported, never thrown.</summary>
public sealed record InputError(string? Id, string Message);

/// <summary>A decision, or the input error that prevented one.</summary>
public readonly record struct AssessmentResult(Decision? Decision, InputError? Error)
{
    public bool IsDecision => Decision is not null;
}
