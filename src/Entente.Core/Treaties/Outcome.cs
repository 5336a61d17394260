namespace Entente.Core.Treaties;

/// <summary>The three outcomes of an assessment, ordered so that a larger value is worse.</summary>
public enum Outcome
{
    /// <summary>Inside the treaty's general authorisation; no licence needed.</summary>
    Authorised = 0,

    /// <summary>Allowed only under an individual licence of the exporting party's authority.</summary>
    LicenceRequired = 1,

    /// <summary>Outside the treaty; refused.</summary>
    Prohibited = 2,
}

/// <summary>The form an item is traded in; Annex A gives an outcome for each.</summary>
public enum ItemForm
{
    /// <summary>A weapon, vehicle, vessel, aircraft or system as delivered.</summary>
    Complete = 0,

    /// <summary>A part, accessory or sub-assembly.</summary>
    Component = 1,
}

/// <summary>Where a treaty stands in its lifecycle.</summary>
// CA1720: "Signed" is the treaty's own word for the state, not a type name.
#pragma warning disable CA1720
public enum TreatyStatus
{
    Draft = 0,
    Signed = 1,
    InForce = 2,
    Suspended = 3,
    Terminated = 4,
}
#pragma warning restore CA1720

/// <summary>Combining outcomes: the worst wins.</summary>
public static class Outcomes
{
    /// <summary>The worse of two outcomes (Prohibited over LicenceRequired over Authorised).</summary>
    public static Outcome Worst(Outcome a, Outcome b) => a >= b ? a : b;
}
