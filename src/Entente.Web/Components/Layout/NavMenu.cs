using System.Security.Claims;
using Entente.Application.Identity;

namespace Entente.Web.Components.Layout;

/// <summary>
/// The header's menus and the roles each link is for. A link is listed only for the roles whose policy opens its page
/// (deny by default: a link without roles is never shown); a menu left with one link is shown as that link alone, under the menu's name.
/// </summary>
internal static class NavMenu
{
    public sealed record Item(string Href, string Label, string[] Roles);

    public sealed record Group(string Key, string Label, IReadOnlyList<Item> Items);

    private static readonly string[] Everyone = [.. EntenteRoles.All];
    private static readonly string[] OrganisationPeople = [EntenteRoles.Member, EntenteRoles.ComplianceOfficer];
    private static readonly string[] Authority = [EntenteRoles.AuthorityOfficer, EntenteRoles.Auditor, EntenteRoles.Administrator];
    private static readonly string[] Assessors = [EntenteRoles.AuthorityOfficer, EntenteRoles.Auditor];
    private static readonly string[] Screeners = [EntenteRoles.ComplianceOfficer, EntenteRoles.AuthorityOfficer, EntenteRoles.Auditor, EntenteRoles.Administrator];

    private static readonly Group[] All =
    [
        new("organisations", "Organisations",
        [
            new("/directory", "Directory", Everyone),
            new("/organisations/mine", "My organisation", OrganisationPeople),
            new("/organisations", "Vetting queue", Authority),
            new("/counterparties", "Consignees and end users", [EntenteRoles.Member, EntenteRoles.ComplianceOfficer, EntenteRoles.AuthorityOfficer, EntenteRoles.Auditor]),
        ]),
        new("treaty", "Treaty",
        [
            new("/treaty", "Text and status", Authority),
            new("/treaty/check", "Check a transfer", Assessors),
        ]),
        new("screening", "Screening",
        [
            new("/screening/hits", "Screening hits", Assessors),
            new("/screening", "Screen a name", Screeners),
            new("/screening/lists", "Sanctions lists", Screeners),
        ]),
        new("log", "Transparency log",
        [
            // The administrator's policy opens the log too, but the log is the authorities' instrument: the header has
            // never offered it to the operator, and the operator reaches it by address when needed.
            new("/log", "Transparency log", Assessors),
        ]),
    ];

    /// <summary>Whether the header offers <paramref name="user"/> the link to <paramref name="href"/>.</summary>
    public static bool Offers(ClaimsPrincipal user, string href) =>
        All.Any(g => g.Items.Any(i => string.Equals(i.Href, href, StringComparison.Ordinal) && i.Roles.Any(user.IsInRole)));

    /// <summary>The menus <paramref name="user"/> sees, each holding only the links their roles open; empty menus are left out.</summary>
    public static IReadOnlyList<Group> For(ClaimsPrincipal user) =>
        All.Select(g => g with { Items = g.Items.Where(i => i.Roles.Any(user.IsInRole)).ToList() })
            .Where(g => g.Items.Count > 0)
            .ToList();
}
