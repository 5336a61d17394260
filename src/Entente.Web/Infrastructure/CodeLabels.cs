namespace Entente.Web.Infrastructure;

/// <summary>
/// Readable English for the codes pages show or offer (enum names the API expects, log action names). A page keeps the
/// code as the value it posts and shows <c>T.Code(CodeLabels.X, code)</c>; the English label is then translated like any
/// other text, so a test can check every code of every list has a label with a Russian translation.
/// </summary>
internal static class CodeLabels
{
    /// <summary>An organisation's standing as the assessment contract names it (<c>MembershipState</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Membership = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Approved"] = "Approved member",
        ["Pending"] = "Awaiting vetting",
        ["Rejected"] = "Rejected",
        ["Suspended"] = "Suspended",
        ["None"] = "Not a member",
    };

    /// <summary>The result of sanctions screening as the assessment contract names it (<c>ScreeningState</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Screening = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Clear"] = "Clear: no match",
        ["OpenHit"] = "Possible match under review",
        ["ConfirmedHit"] = "Confirmed match",
    };

    /// <summary>Where a licence stands (<c>LicenceState</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Licence = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Issued"] = "Issued",
        ["Suspended"] = "Suspended",
        ["Revoked"] = "Revoked by the authority",
        ["Expired"] = "Expired",
        ["Exhausted"] = "Used up",
        ["Surrendered"] = "Surrendered by the holder",
    };

    /// <summary>The national marking schemes the assessment contract knows.</summary>
    public static readonly IReadOnlyDictionary<string, string> MarkingScheme = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GB"] = "United Kingdom, 2014 classifications",
        ["GB-pre2014"] = "United Kingdom, markings before 2014",
        ["RU"] = "Russian Federation",
    };

    /// <summary>The treaty parties, as offered in a choice.</summary>
    public static readonly IReadOnlyDictionary<string, string> Party = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GB"] = "Party GB",
        ["RU"] = "Party RU",
    };

    /// <summary>Where a treaty stands in its lifecycle (<c>TreatyStatus</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> TreatyStatus = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Draft"] = "Draft",
        ["Signed"] = "Signed, awaiting ratification",
        ["InForce"] = "In force",
        ["Suspended"] = "Treaty suspended",
        ["Terminated"] = "Terminated",
    };

    /// <summary>The assessment's three outcomes (<c>Outcome</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Outcome = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Authorised"] = "Authorised",
        ["LicenceRequired"] = "Licence required",
        ["Prohibited"] = "Prohibited",
    };

    /// <summary>Where a screening hit stands (<c>HitStatus</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> HitStatus = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Open"] = "Open",
        ["Cleared"] = "Cleared",
        ["Confirmed"] = "Confirmed",
    };

    /// <summary>How two words of a name matched (<c>TokenMatchKind</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> MatchKind = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Exact"] = "Exact",
        ["Transliteration"] = "Transliteration",
        ["Homoglyph"] = "Homoglyph",
        ["Typo"] = "Typo",
        ["Inflection"] = "Inflection",
        ["Translation"] = "Translation",
        ["Acronym"] = "Acronym",
    };

    /// <summary>An organisation's membership status (<c>MembershipStatus</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> OrganisationStatus = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Pending"] = "Pending",
        ["Approved"] = "Approved",
        ["Rejected"] = "Rejected",
        ["Suspended"] = "Suspended",
    };

    /// <summary>Where a consignee or end user stands for trade (<c>CounterpartyStatus</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> CounterpartyStatus = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Clear"] = "Clear",
        ["UnderReview"] = "Under review",
        ["Denied"] = "Denied",
        ["Withdrawn"] = "Withdrawn",
    };

    /// <summary>What a counterparty is in an organisation's trade, by <see cref="CounterpartyRoleOf"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> CounterpartyRole = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Consignee"] = "Consignee",
        ["EndUser"] = "End user",
        ["ConsigneeAndEndUser"] = "Consignee and end user",
    };

    /// <summary>The <see cref="CounterpartyRole"/> code of a counterparty's two role flags.</summary>
    public static string CounterpartyRoleOf(bool isConsignee, bool isEndUser) =>
        isConsignee && isEndUser ? "ConsigneeAndEndUser" : isConsignee ? "Consignee" : "EndUser";

    /// <summary>The platform's roles.</summary>
    public static readonly IReadOnlyDictionary<string, string> Role = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Member"] = "Member",
        ["ComplianceOfficer"] = "Compliance officer",
        ["AuthorityOfficer"] = "Authority officer",
        ["Auditor"] = "Auditor",
        ["Administrator"] = "Administrator",
    };

    /// <summary>What a transparency-log entry records, by its action name.</summary>
    public static readonly IReadOnlyDictionary<string, string> LogAction = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["organisation.registered"] = "Organisation registered",
        ["organisation.approved"] = "Organisation approved",
        ["organisation.rejected"] = "Organisation rejected",
        ["organisation.suspended"] = "Organisation suspended",
        ["organisation.reinstated"] = "Organisation reinstated",
        ["member.added"] = "Person added to an organisation",
        ["member.role-changed"] = "Person's role changed",
        ["user.created"] = "Account created",
        ["user.signed-in"] = "Signed in",
        ["user.two-factor-enabled"] = "Two-factor sign-in turned on",
        ["token.issued"] = "API token issued",
        ["token.revoked"] = "API token revoked",
        ["counterparty.registered"] = "Consignee or end user registered",
        ["counterparty.withdrawn"] = "Consignee or end user withdrawn",
        ["counterparty.amended"] = "Consignee or end user amended",
        ["screening.list-imported"] = "Sanctions list imported",
        ["screening.hit-opened"] = "Possible sanctions match found",
        ["screening.hit-cleared"] = "Sanctions match cleared",
        ["screening.hit-confirmed"] = "Sanctions match confirmed",
        ["treaty.signed"] = "Treaty signed",
        ["treaty.ratified"] = "Treaty ratified",
        ["treaty.suspended"] = "Treaty suspended by a party",
        ["treaty.resumption-consented"] = "Consent to resume the treaty",
        ["treaty.terminated"] = "Treaty terminated",
        ["treaty.amendment-proposed"] = "Treaty amendment proposed",
        ["treaty.amendment-accepted"] = "Treaty amendment accepted",
    };

    /// <summary>Every list above by name, for the test that checks each label has a Russian translation.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> All = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
    {
        [nameof(Membership)] = Membership,
        [nameof(Screening)] = Screening,
        [nameof(Licence)] = Licence,
        [nameof(MarkingScheme)] = MarkingScheme,
        [nameof(Party)] = Party,
        [nameof(TreatyStatus)] = TreatyStatus,
        [nameof(Outcome)] = Outcome,
        [nameof(HitStatus)] = HitStatus,
        [nameof(MatchKind)] = MatchKind,
        [nameof(OrganisationStatus)] = OrganisationStatus,
        [nameof(CounterpartyStatus)] = CounterpartyStatus,
        [nameof(CounterpartyRole)] = CounterpartyRole,
        [nameof(Role)] = Role,
        [nameof(LogAction)] = LogAction,
    };
}
