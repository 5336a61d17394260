using Entente.Core.Treaties;

namespace Entente.Core.Assessment;

/// <summary>
/// What Annex A says about one rating, precomputed at load: the outcome per form and the reasons to cite, for the
/// rating itself and for software (ML21) or technology (ML22) that is for an item of this rating.
/// </summary>
internal sealed class RatingRule
{
    public required string Code { get; init; }

    /// <summary>How the outcome is found; not <see cref="AnnexDerivation.Fixed"/> for ML21/ML22, which need a forRating.</summary>
    public required AnnexDerivation Derivation { get; init; }

    /// <summary>Outcome per form (index: <see cref="ItemForm"/>), for fixed ratings; for technology, the "otherwise" outcome.</summary>
    public required Outcome[] Outcome { get; init; }

    /// <summary>Art. 7 reason per form when the outcome is Prohibited.</summary>
    public required Reason?[] Excluded { get; init; }

    /// <summary>Art. 9 reason per form when the outcome is LicenceRequired.</summary>
    public required Reason?[] NeedsLicence { get; init; }

    /// <summary>Art. 7 reason per form for software for an item of this rating.</summary>
    public required Reason?[] SoftwareExcluded { get; init; }

    /// <summary>Art. 9 reason per form for software for an item of this rating.</summary>
    public required Reason?[] SoftwareNeedsLicence { get; init; }

    /// <summary>Art. 7 reason per form for technology for an item of this rating.</summary>
    public required Reason?[] TechnologyExcluded { get; init; }

    /// <summary>Per party (index in the treaty's parties): whether the rating falls in the scope of that party's state intermediary.</summary>
    public required bool[] InIntermediaryScope { get; init; }
}

/// <summary>The Annex A verdict on the item of a scenario, after ML21/ML22 derivation.</summary>
internal readonly record struct ItemVerdict(RatingRule Rule, Outcome Outcome, Reason? Excluded, Reason? NeedsLicence);
