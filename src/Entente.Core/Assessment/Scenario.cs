using Entente.Core.Treaties;

namespace Entente.Core.Assessment;

/// <summary>An organisation's standing in the treaty community, as the assessment sees it.</summary>
public enum MembershipState
{
    Approved = 0,
    Pending = 1,
    Rejected = 2,
    Suspended = 3,
    None = 4,
}

/// <summary>The result of sanctions/denied-party screening.</summary>
public enum ScreeningState
{
    Clear = 0,

    /// <summary>A possible match not yet cleared.</summary>
    OpenHit = 1,
    ConfirmedHit = 2,
}

/// <summary>What the transferred item is for.</summary>
public enum EndUseKind
{
    JointProject = 0,
    ImportingGovernment = 1,
    Other = 2,
}

/// <summary>Where a licence stands.</summary>
public enum LicenceState
{
    Issued = 0,
    Suspended = 1,
    Revoked = 2,
    Expired = 3,
    Exhausted = 4,
    Surrendered = 5,
}

/// <summary>
/// One side of a transfer: its party (a treaty party code or the ISO 3166-1 alpha-2 code of a third country), membership,
/// screening, and (exporter only) whether it is the state intermediary its party designates.
/// </summary>
public sealed record ScenarioParty(string Party, MembershipState Membership, ScreeningState Screening, bool StateIntermediary);

/// <summary>The item: its rating, form, national marking, and for ML21/ML22 the rating of the item it is for.</summary>
public sealed record ScenarioItem(string Rating, ItemForm Form, string Scheme, string Marking, string? ForRating);

/// <summary>The end use of the transfer.</summary>
public sealed record ScenarioEndUse(EndUseKind Kind, bool ProjectApproved, bool BothMembersOfProject)
{
    /// <summary>An approved joint project with both organisations as members, or the importing party's government.</summary>
    public bool IsApproved => Kind == EndUseKind.ImportingGovernment || (Kind == EndUseKind.JointProject && ProjectApproved && BothMembersOfProject);
}

/// <summary>A licence offered for the transfer.</summary>
public sealed record ScenarioLicence(LicenceState Status, bool CoversExporter, bool CoversConsignee, bool CoversEndUser, bool CoversRating, decimal QuantityLeft, decimal ValueLeft);

/// <summary>The item entered the community under the treaty and is now leaving it.</summary>
public sealed record ReTransfer(string OriginParty, bool Consent);

/// <summary>The input of one assessment, as the contract (contracts/assessment.md) defines it.</summary>
public sealed record Scenario(
    string? Id,
    TreatyStatus TreatyStatus,
    ScenarioParty Exporter,
    ScenarioParty Importer,
    ScenarioItem Item,
    ScenarioEndUse EndUse,
    decimal Quantity,
    decimal Value,
    ScenarioLicence? Licence,
    ReTransfer? ReTransfer,
    Outcome? Expect = null)
{
    /// <summary>Whether the licence covers this transfer: Issued, every covers… true, enough quantity and value left.</summary>
    public bool HasCoveringLicence => Licence is { Status: LicenceState.Issued, CoversExporter: true, CoversConsignee: true, CoversEndUser: true, CoversRating: true } l
        && l.QuantityLeft >= Quantity && l.ValueLeft >= Value;
}
