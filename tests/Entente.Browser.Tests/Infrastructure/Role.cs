namespace Entente.Browser.Tests.Infrastructure;

/// <summary>The people who use Entente (see DESIGN.md, "Who uses it"): one stored sign-in each.</summary>
public enum Role
{
    CompanyMember,
    ComplianceOfficer,
    AuthorityOfficer,
    Auditor,
    Administrator,
}
