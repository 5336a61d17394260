namespace Entente.Application.Identity;

/// <summary>The roles of the treaty community. Member and ComplianceOfficer are scoped to one organisation;
/// AuthorityOfficer and Auditor to one party; Administrator runs the installation.</summary>
public static class EntenteRoles
{
    public const string Member = "Member";
    public const string ComplianceOfficer = "ComplianceOfficer";
    public const string AuthorityOfficer = "AuthorityOfficer";
    public const string Auditor = "Auditor";
    public const string Administrator = "Administrator";

    public static IReadOnlyList<string> All { get; } = [Member, ComplianceOfficer, AuthorityOfficer, Auditor, Administrator];

    public static bool IsOrganisationRole(string role) => role is Member or ComplianceOfficer;

    public static bool IsPartyRole(string role) => role is AuthorityOfficer or Auditor;

    /// <summary>Roles that must have two-factor sign-in before they can do anything else.</summary>
    public static bool RequiresTwoFactor(string role) => role is AuthorityOfficer or Administrator;
}
