namespace Entente.Core.Treaties;

/// <summary>
/// The reason templates the assessment cites. Each must be present in the treaty file's "reasons" section (the
/// loader checks), which gives its clause and its English and Russian wording.
/// </summary>
public static class ReasonKeys
{
    public const string TreatyNotInForce = "treatyNotInForce";
    public const string ExporterNotApproved = "exporterNotApproved";
    public const string ExporterScreening = "exporterScreening";
    public const string ImporterNotApproved = "importerNotApproved";
    public const string ImporterScreening = "importerScreening";
    public const string DomesticTransfer = "domesticTransfer";
    public const string ExporterNotTreatyParty = "exporterNotTreatyParty";
    public const string ImporterNotTreatyParty = "importerNotTreatyParty";
    public const string MarkingAboveCeiling = "markingAboveCeiling";
    public const string MarkingNotOfScheme = "markingNotOfScheme";
    public const string AnnexProhibited = "annexProhibited";
    public const string AnnexLicenceRequired = "annexLicenceRequired";
    public const string MissileTechnology = "missileTechnology";
    public const string SoftwareProhibited = "softwareProhibited";
    public const string SoftwareLicenceRequired = "softwareLicenceRequired";
    public const string TechnologyProhibited = "technologyProhibited";
    public const string NoApprovedEndUse = "noApprovedEndUse";
    public const string LicenceStatus = "licenceStatus";
    public const string LicenceExporter = "licenceExporter";
    public const string LicenceConsignee = "licenceConsignee";
    public const string LicenceEndUser = "licenceEndUser";
    public const string LicenceRating = "licenceRating";
    public const string LicenceQuantity = "licenceQuantity";
    public const string LicenceValue = "licenceValue";
    public const string LicenceCovers = "licenceCovers";
    public const string ReTransferWithoutConsent = "reTransferWithoutConsent";
    public const string StateIntermediary = "stateIntermediary";

    /// <summary>Every key a treaty file must define.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        TreatyNotInForce, ExporterNotApproved, ExporterScreening, ImporterNotApproved, ImporterScreening, DomesticTransfer,
        ExporterNotTreatyParty, ImporterNotTreatyParty, MarkingAboveCeiling, MarkingNotOfScheme, AnnexProhibited,
        AnnexLicenceRequired, MissileTechnology, SoftwareProhibited, SoftwareLicenceRequired, TechnologyProhibited,
        NoApprovedEndUse, LicenceStatus, LicenceExporter, LicenceConsignee, LicenceEndUser, LicenceRating, LicenceQuantity,
        LicenceValue, LicenceCovers, ReTransferWithoutConsent, StateIntermediary,
    ];
}
