using Entente.Application.Common;
using Entente.Application.Identity;
using Entente.Application.Organisations;
using Entente.Application.Persistence;
using Entente.Application.Screening;
using Entente.Application.Screening.Lists;
using Entente.Application.Trade;
using Entente.Application.Treaties;
using Entente.Core.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Seeding;

/// <summary>One demo sign-in, printed at start in Development.</summary>
public sealed record DemoSignIn(string Role, string Email, string Password, string? AuthenticatorKey, string Scope)
{
    /// <summary>One aligned line, as the web host and the command line print it.</summary>
    public string Line => $"  {Role,-18} {Email,-28} {Scope}{(AuthenticatorKey is null ? string.Empty : "  TOTP key " + AuthenticatorKey)}";
}

/// <summary>
/// A small treaty community to explore: both authorities with an officer and an auditor each, an administrator, and
/// four companies of each party in every vetting state, and the treaty in force (both authorities sign, then both
/// ratify). Then the administrator imports a small extract of the OFAC SDN list (embedded; see Seeding/Lists/README.md)
/// in two versions, the entities as OFAC published them in 2021 and then in 2025, and after each every organisation is
/// screened against the new version as the platform does when any list arrives, which opens hits for the authorities
/// to review. It goes through the same use cases as real users, so the log records the seeding like anything else.
/// Never run in Production: the passwords are printed.
/// </summary>
public sealed class DemoCommunity(
    EntenteDbContext db,
    UserManager<EntenteUser> users,
    CreateUserHandler createUser,
    RegisterOrganisationHandler register,
    VetOrganisationHandler vet,
    AddMemberHandler addMember,
    SignTreatyHandler sign,
    RatifyTreatyHandler ratify,
    ImportListHandler importList,
    RescreenHandler rescreen,
    RegisterCounterpartyHandler registerCounterparty)
{
    public const string Password = "Entente-Demo-2014";

    /// <summary>The name the demo sanctions list is stored under.</summary>
    public const string SanctionsListName = "demo-ofac-extract";

    /// <summary>What the seeded screening offers, printed with the sign-ins.</summary>
    public const string ScreeningNote = "Screening: a demo extract of the OFAC SDN list (" + SanctionsListName + ") is imported in two versions, as OFAC published its entities in 2021 and in 2025 (/screening/lists); the RU officer (officer@fsvts.example) has screening hits to review at /screening/hits, and the GB officer (officer@ecju.example) one on an end user Albion named (/counterparties).";

    /// <summary>
    /// The files of the demo list's versions, oldest first: each is imported under its own name, so the versions table
    /// says which OFAC release a version holds (a version records its source file name and no other label).
    /// </summary>
    public static IReadOnlyList<string> SanctionsListFiles { get; } = [SanctionsListName + "-2021.csv", SanctionsListName + "-2025.csv"];

    // Whoever screens during seeding holds the rescreen lease under this name, as a web node holds it under its own.
    private const string RescreenHolder = "demo-seeding";

    private sealed record Company(string NameEn, string NameRu, string Party, string Number, string? Inn, string Address, string Slug, MembershipStatus Status, string? Reason);

    private static readonly Company[] Companies =
    [
        new("Albion Precision Engineering Ltd", "Альбион Прецижн Инжиниринг Лтд", "GB", "04417823", null, "12 Foundry Lane, Coventry CV1 2AB", "albion", MembershipStatus.Approved, null),
        new("Severn Armour Systems plc", "Северн Армор Системс ПЛС", "GB", "02893011", null, "Quay House, Gloucester GL1 2EH", "severn", MembershipStatus.Approved, null),
        new("Thames Optics Ltd", "Темз Оптикс Лтд", "GB", "SC512377", null, "4 Dock Street, Dundee DD1 3DR", "thames", MembershipStatus.Pending, null),
        new("Pennine Munitions Components Ltd", "Пеннайн Мьюнишнз Компонентс Лтд", "GB", "07745120", null, "Unit 9, Mill Road, Halifax HX1 4PQ", "pennine", MembershipStatus.Suspended, "Export records requested in the 2014 compliance audit were not produced."),
        new("Rosoboronexport JSC", "АО «Рособоронэкспорт»", "RU", "1117746260477", "7718852163", "27 Stromynka St, Moscow 107076", "roe", MembershipStatus.Approved, null),
        new("Kalashnikov Concern JSC", "АО «Концерн «Калашников»", "RU", "1111832003018", "1832090230", "3 Deryabina Pass, Izhevsk 426006", "kalashnikov", MembershipStatus.Approved, null),
        new("Volga Composite Materials JSC", "АО «Волжские композитные материалы»", "RU", "1026302012340", "5260012342", "15 Zavodskoye Hwy, Samara 443022", "volga", MembershipStatus.Approved, null),
        new("Ural Forge LLC", "ООО «Уральская кузница»", "RU", "1166604056783", "6671012340", "8 Kuznechnaya St, Yekaterinburg 620075", "uralforge", MembershipStatus.Suspended, "Open sanctions screening question on a beneficial owner."),
    ];

    /// <summary>
    /// Consignees and end users the demo companies name, by the naming company's slug. Two are fictitious; the third is
    /// a corporation on the demo list extract, so the GB authority has a hit on a counterparty to review.
    /// </summary>
    private static readonly (string Slug, RegisterCounterparty Counterparty)[] Counterparties =
    [
        ("albion", new("Ministry of Defence, Defence Equipment and Support", null, "GB", "MoD Abbey Wood, Bristol BS34 8JH", null, IsConsignee: true, IsEndUser: true)),
        ("albion", new("Almaz-Antey Air and Space Defence Corporation JSC", "АО «Концерн ВКО «Алмаз – Антей»", "RU", "41 Vereyskaya St, Moscow 121471", "1027739001993", IsConsignee: false, IsEndUser: true)),
        ("kalashnikov", new("Highland Sporting Arms Ltd", null, "GB", "7 Tay Street, Perth PH1 5LQ", null, IsConsignee: true, IsEndUser: false)),
    ];

    private sealed record Staff(string Email, string DisplayName, string Role, string? Party, string? AuthenticatorKey, string Scope);

    // The authorities' people and the operator: one table, read by the seeding and by the printed sign-ins.
    private static readonly Staff[] AuthorityStaff =
    [
        new("admin@entente.example", "Operator (administrator)", EntenteRoles.Administrator, null, "JBSWY3DPEHPK3PXPADMINAAA", "installation"),
        new("officer@ecju.example", "Harriet Lane (ECJU)", EntenteRoles.AuthorityOfficer, "GB", "JBSWY3DPEHPK3PXPGBOFFICR", "GB: Ministry of Defence / Export Control Joint Unit"),
        new("auditor@ecju.example", "Owen Price (ECJU audit)", EntenteRoles.Auditor, "GB", null, "GB: Ministry of Defence / Export Control Joint Unit"),
        new("officer@fsvts.example", "Ирина Соколова (ФСВТС)", EntenteRoles.AuthorityOfficer, "RU", "JBSWY3DPEHPK3PXPRUOFFICR", "RU: ФСВТС России / FSVTS"),
        new("auditor@fsvts.example", "Павел Орлов (ФСВТС, аудит)", EntenteRoles.Auditor, "RU", null, "RU: ФСВТС России / FSVTS"),
    ];

    /// <summary>The demo sign-ins, as printed at start: the same people the seeding creates.</summary>
    public static IReadOnlyList<DemoSignIn> Describe()
    {
        var list = AuthorityStaff.Select(s => new DemoSignIn(s.Role, s.Email, Password, s.AuthenticatorKey, s.Scope)).ToList();
        foreach (var company in Companies)
        {
            list.Add(new(EntenteRoles.ComplianceOfficer, $"officer@{company.Slug}.example", Password, null, $"{company.NameEn} ({company.Party}, {company.Status})"));
            list.Add(new(EntenteRoles.Member, $"member@{company.Slug}.example", Password, null, $"{company.NameEn} ({company.Party}, {company.Status})"));
        }

        return list;
    }

    public async Task<bool> IsSeededAsync(CancellationToken cancellationToken) => await db.Users.AnyAsync(cancellationToken);

    /// <summary>Seeds the community when the database has no users yet; false when it was already seeded.</summary>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        if (await IsSeededAsync(cancellationToken))
        {
            return false;
        }

        var officers = new Dictionary<string, Actor>(StringComparer.Ordinal);
        Actor? administrator = null;
        foreach (var staff in AuthorityStaff)
        {
            var actor = await CreateAsync(Actor.System, new CreateUser(staff.Email, staff.DisplayName, Password, staff.Role, staff.Party, null), staff.AuthenticatorKey, cancellationToken);
            if (staff.Role == EntenteRoles.AuthorityOfficer)
            {
                officers[staff.Party!] = actor;
            }
            else if (staff.Role == EntenteRoles.Administrator)
            {
                administrator = actor;
            }
        }

        var gbOfficer = officers["GB"];
        var ruOfficer = officers["RU"];

        // The treaty enters into force the way it would for real: both authorities sign, then both ratify.
        foreach (var officer in new[] { gbOfficer, ruOfficer })
        {
            Require(await sign.HandleAsync(officer, cancellationToken));
        }

        foreach (var officer in new[] { gbOfficer, ruOfficer })
        {
            Require(await ratify.HandleAsync(officer, cancellationToken));
        }

        foreach (var company in Companies)
        {
            var registered = Require(await register.HandleAsync(new RegisterOrganisation(
                company.NameEn, company.NameRu, company.Party, company.Number, company.Inn, company.Address,
                "Compliance desk", $"compliance@{company.Slug}.example", null,
                $"officer@{company.Slug}.example", company.Party == "RU" ? "Анна Белова" : "Alice Morgan", Password), cancellationToken));

            var officer = new Actor(registered.ComplianceOfficerId, $"officer@{company.Slug}.example", new HashSet<string>(StringComparer.Ordinal) { EntenteRoles.ComplianceOfficer }, registered.OrganisationId, null);
            Require(await addMember.HandleAsync(officer, registered.OrganisationId, new AddMember($"member@{company.Slug}.example", company.Party == "RU" ? "Дмитрий Орехов" : "Tom Fletcher", Password, EntenteRoles.Member), cancellationToken));

            var authority = company.Party == "GB" ? gbOfficer : ruOfficer;
            if (company.Status is MembershipStatus.Approved or MembershipStatus.Suspended)
            {
                Require(await vet.HandleAsync(authority, new VetOrganisation(registered.OrganisationId, VettingDecision.Approve, null), cancellationToken));
            }

            if (company.Status == MembershipStatus.Suspended)
            {
                Require(await vet.HandleAsync(authority, new VetOrganisation(registered.OrganisationId, VettingDecision.Suspend, company.Reason), cancellationToken));
            }

            foreach (var (_, counterparty) in Counterparties.Where(c => c.Slug == company.Slug))
            {
                Require(await registerCounterparty.HandleAsync(officer, counterparty, cancellationToken));
            }
        }

        await SeedSanctionsListAsync(administrator ?? throw new InvalidOperationException("The demo has no administrator."), cancellationToken);
        return true;
    }

    /// <summary>
    /// The administrator imports the demo list's versions in order, and after each the organisations are screened
    /// against it by the rescreen every web node runs when a list version arrives — here at once, so the hits exist when
    /// the demo opens and each version is screened as it arrived. The list arrives after the companies were vetted, as
    /// the 2014 designations came after the treaty.
    /// </summary>
    private async Task SeedSanctionsListAsync(Actor administrator, CancellationToken cancellationToken)
    {
        foreach (var file in SanctionsListFiles)
        {
            var resource = "Entente.Seeding." + file;
            byte[] content;
            await using (var stream = typeof(DemoCommunity).Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"embedded resource {resource} is missing from the build"))
            {
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, cancellationToken);
                content = buffer.ToArray();
            }

            Require(await importList.HandleAsync(administrator, new ImportListContent(file, content, ListFormats.EntenteCsv, SanctionsListName), null, cancellationToken));

            // Null only when another node holds the lease: its worker then screens against the version instead.
            await rescreen.HandleAsync(RescreenHolder, cancellationToken);
        }
    }

    private async Task<Actor> CreateAsync(Actor admin, CreateUser request, string? authenticatorKey, CancellationToken cancellationToken)
    {
        var id = Require(await createUser.HandleAsync(admin, request, cancellationToken));
        var user = await users.FindByIdAsync(id.ToString("D")) ?? throw new InvalidOperationException("Seeded user vanished.");
        if (authenticatorKey is not null)
        {
            // A known authenticator key so the demo's two-factor sign-in can be tried with any TOTP app.
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", authenticatorKey);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        return new Actor(id, request.Email!, new HashSet<string>(StringComparer.Ordinal) { request.Role! }, null, request.Party);
    }

    private static T Require<T>(Result<T> result) =>
        result.IsSuccess ? result.Value! : throw new InvalidOperationException("Demo seeding failed: " + result.Error);
}
