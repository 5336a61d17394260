namespace Entente.Core.Organisations;

/// <summary>Where an organisation stands in the treaty community. Only <see cref="Approved"/> members act.</summary>
public enum MembershipStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
    Suspended = 3,
}

/// <summary>The vetting decisions an authority officer takes on an organisation of its own party.</summary>
public enum VettingDecision
{
    Approve,
    Reject,
    Suspend,
    Reinstate,
}

/// <summary>Which vetting decision is allowed from which status, and what it leads to. Pure; the use case persists it.</summary>
public static class Vetting
{
    /// <summary>The status a decision leads to, or null when the decision is not open from <paramref name="current"/>.</summary>
    public static MembershipStatus? Apply(MembershipStatus current, VettingDecision decision) => (current, decision) switch
    {
        (MembershipStatus.Pending, VettingDecision.Approve) => MembershipStatus.Approved,
        (MembershipStatus.Pending, VettingDecision.Reject) => MembershipStatus.Rejected,
        (MembershipStatus.Approved, VettingDecision.Suspend) => MembershipStatus.Suspended,
        (MembershipStatus.Suspended, VettingDecision.Reinstate) => MembershipStatus.Approved,
        _ => null,
    };

    /// <summary>Refusals, rejections and suspensions must say why; an approval or reinstatement may.</summary>
    public static bool RequiresReason(VettingDecision decision) => decision is VettingDecision.Reject or VettingDecision.Suspend;
}
