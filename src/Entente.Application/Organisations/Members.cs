using Entente.Application.Common;
using Entente.Application.Identity;
using Entente.Application.Persistence;
using Entente.Application.TransparencyLog;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Organisations;

public sealed record MemberRow(Guid UserId, string DisplayName, string Email, string Role, bool TwoFactorEnabled, DateTimeOffset CreatedAt);

/// <summary>Which page of an organisation's people, in which order: "name" (the default), "email", "role", "since" or "two-factor".</summary>
public sealed record ListMembers(string? Sort, bool Descending, int? Page, int? PageSize);

public sealed class ListMembersHandler(EntenteDbContext db)
{
    /// <summary>The people's sort orders, shared by the numbered pages and the cursor-paged API.</summary>
    internal static SortOrders<MemberRecord, MemberRow> Sorts { get; } = new(
        new("name", SortColumns.Text<MemberRecord, MemberRow>(m => m.DisplayName, r => r.DisplayName, TextOrder.Alphabetical), Id),
        new("email", SortColumns.Text<MemberRecord, MemberRow>(m => m.Email, r => r.Email, TextOrder.Alphabetical), Id),
        // ComplianceOfficer sorts before Member, as the role names do.
        new("role",
            SortColumns.Flag<MemberRecord, MemberRow>(m => m.IsMember, r => r.Role != EntenteRoles.ComplianceOfficer),
            SortColumns.Text<MemberRecord, MemberRow>(m => m.DisplayName, r => r.DisplayName, TextOrder.Alphabetical).Ascending(),
            Id.Ascending()),
        new("since", SortColumns.Time<MemberRecord, MemberRow>(m => m.CreatedAt, r => r.CreatedAt), Id),
        // Off before On, so an officer finds at the top who has yet to turn two-factor sign-in on.
        new("two-factor",
            SortColumns.Flag<MemberRecord, MemberRow>(m => m.TwoFactorEnabled, r => r.TwoFactorEnabled),
            SortColumns.Text<MemberRecord, MemberRow>(m => m.DisplayName, r => r.DisplayName, TextOrder.Alphabetical).Ascending(),
            Id.Ascending()));

    public static IReadOnlyList<string> SortKeys => Sorts.Names;

    private static SortColumn<MemberRecord, MemberRow> Id => SortColumns.Id<MemberRecord, MemberRow>(m => m.UserId, r => r.UserId);

    /// <summary>One numbered page, for the organisation's pages.</summary>
    public async Task<Result<Page<MemberRow>>> HandleAsync(Actor actor, Guid organisationId, ListMembers request, CancellationToken cancellationToken)
    {
        var query = await FilterAsync(actor, organisationId, cancellationToken);
        return query.IsSuccess
            ? await Sorts.PageAsync(query.Value!, request.Sort, request.Descending, request.Page, request.PageSize, Project, cancellationToken)
            : query.Error!;
    }

    /// <summary>The slice after a cursor, for the API; <paramref name="descending"/> null means the cursor's direction.</summary>
    public async Task<Result<CursorPage<MemberRow>>> HandleAsync(Actor actor, Guid organisationId, string? sort, bool? descending, CursorRequest cursor, CancellationToken cancellationToken)
    {
        var query = await FilterAsync(actor, organisationId, cancellationToken);
        return query.IsSuccess
            ? await Sorts.SliceAsync(query.Value!, sort, descending, cursor, Project, cancellationToken)
            : query.Error!;
    }

    private static IQueryable<MemberRow> Project(IQueryable<MemberRecord> query) =>
        query.Select(m => new MemberRow(m.UserId, m.DisplayName, m.Email, m.IsMember ? EntenteRoles.Member : EntenteRoles.ComplianceOfficer, m.TwoFactorEnabled, m.CreatedAt));

    private async Task<Result<IQueryable<MemberRecord>>> FilterAsync(Actor actor, Guid organisationId, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null || !OrganisationAccess.CanRead(actor, organisation))
        {
            return OrganisationAccess.NotFound(organisationId);
        }

        var officerRole = await db.Roles.Where(r => r.Name == EntenteRoles.ComplianceOfficer).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);

        // A member-init projection, unlike a constructor call, lets EF sort and seek on its properties.
        return Result<IQueryable<MemberRecord>>.Success(db.Users.AsNoTracking().Where(u => u.OrganisationId == organisationId)
            .Select(u => new MemberRecord
            {
                UserId = u.Id,
                DisplayName = u.DisplayName,
                Email = u.Email ?? string.Empty,
                TwoFactorEnabled = u.TwoFactorEnabled,
                CreatedAt = u.CreatedAt,
                IsMember = !db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == officerRole),
            }));
    }
}

/// <summary>A person of an organisation as the query sees them, before they become a <see cref="MemberRow"/>.</summary>
internal sealed class MemberRecord
{
    public Guid UserId { get; init; }

    public string DisplayName { get; init; } = string.Empty;

    public string Email { get; init; } = string.Empty;

    public bool TwoFactorEnabled { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public bool IsMember { get; init; }
}

/// <summary>A compliance officer adds a person to its own organisation as a Member or a ComplianceOfficer.</summary>
public sealed record AddMember(string? Email, string? DisplayName, string? Password, string? Role);

public sealed class AddMemberHandler(EntenteDbContext db, UserManager<EntenteUser> users, LogEntryWriter log, TimeProvider clock)
{
    public async Task<Result<MemberRow>> HandleAsync(Actor actor, Guid organisationId, AddMember request, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null || !OrganisationAccess.CanRead(actor, organisation))
        {
            return OrganisationAccess.NotFound(organisationId);
        }

        if (!OrganisationAccess.CanManageMembers(actor, organisationId))
        {
            return new Error.Forbidden("not-compliance-officer", "Only the organisation's compliance officers add members.");
        }

        var errors = new ValidationErrors();
        var email = errors.Email("email", request.Email, 200);

        var name = errors.Required("displayName", request.DisplayName, 200);
        var role = string.IsNullOrWhiteSpace(request.Role) ? EntenteRoles.Member : request.Role.Trim();
        if (!EntenteRoles.IsOrganisationRole(role))
        {
            errors.Add("role", "must be Member or ComplianceOfficer.");
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", "is required.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        return await db.InTransactionAsync<MemberRow>(async () =>
        {
            var now = clock.GetUtcNow();
            var user = new EntenteUser
            {
                Id = Guid.CreateVersion7(now),
                UserName = email,
                Email = email,
                DisplayName = name,
                OrganisationId = organisationId,
                PreferredCulture = organisation.Party == Parties.Russia ? "ru" : "en",
                CreatedAt = now,
            };
            var created = await users.CreateAsync(user, request.Password!);
            if (!created.Succeeded)
            {
                var error = IdentityErrors.ToValidation(created, string.Empty);
                return error is Error.Validation validation ? Rename(validation) : error;
            }

            var added = await users.AddToRoleAsync(user, role);
            if (!added.Succeeded)
            {
                return IdentityErrors.ToValidation(added, string.Empty);
            }

            await log.AppendAsync(actor, "member.added", "user/" + user.Id.ToString("D"), organisationId, new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["organisation"] = organisationId,
                ["user"] = user.Id,
                ["role"] = role,
            }, cancellationToken);
            return new MemberRow(user.Id, name, email, role, false, now);
        }, cancellationToken);
    }

    // Identity names fields "Password" and "Email"; this request's fields are camel-cased.
    private static Error.Validation Rename(Error.Validation error) => error with
    {
        Fields = error.Fields.ToDictionary(p => p.Key.Length == 0 ? "email" : char.ToLowerInvariant(p.Key[0]) + p.Key[1..], p => p.Value, StringComparer.Ordinal),
    };
}

/// <summary>A compliance officer makes a member a compliance officer, or back. An organisation keeps at least one officer.</summary>
public sealed record ChangeMemberRole(Guid UserId, string? Role);

public sealed class ChangeMemberRoleHandler(EntenteDbContext db, UserManager<EntenteUser> users, LogEntryWriter log)
{
    public async Task<Result<MemberRow>> HandleAsync(Actor actor, Guid organisationId, ChangeMemberRole request, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null || !OrganisationAccess.CanRead(actor, organisation))
        {
            return OrganisationAccess.NotFound(organisationId);
        }

        if (!OrganisationAccess.CanManageMembers(actor, organisationId))
        {
            return new Error.Forbidden("not-compliance-officer", "Only the organisation's compliance officers change roles.");
        }

        var role = request.Role?.Trim() ?? string.Empty;
        if (!EntenteRoles.IsOrganisationRole(role))
        {
            return Error.Invalid("role", "must be Member or ComplianceOfficer.");
        }

        return await db.InTransactionAsync<MemberRow>(async () =>
        {
            var user = await users.FindByIdAsync(request.UserId.ToString("D"));
            if (user is null || user.OrganisationId != organisationId)
            {
                return new Error.NotFound("member-not-found", $"Member {request.UserId} was not found in this organisation.");
            }

            var current = await users.IsInRoleAsync(user, EntenteRoles.ComplianceOfficer) ? EntenteRoles.ComplianceOfficer : EntenteRoles.Member;
            if (current == role)
            {
                return new MemberRow(user.Id, user.DisplayName, user.Email ?? string.Empty, role, user.TwoFactorEnabled, user.CreatedAt);
            }

            if (current == EntenteRoles.ComplianceOfficer)
            {
                var officers = await users.GetUsersInRoleAsync(EntenteRoles.ComplianceOfficer);
                if (officers.Count(o => o.OrganisationId == organisationId) <= 1)
                {
                    return new Error.Conflict("last-compliance-officer", "An organisation keeps at least one compliance officer.");
                }
            }

            var removed = await users.RemoveFromRoleAsync(user, current);
            var added = removed.Succeeded ? await users.AddToRoleAsync(user, role) : removed;
            if (!added.Succeeded)
            {
                return IdentityErrors.ToValidation(added, "role");
            }

            await users.UpdateSecurityStampAsync(user);
            await log.AppendAsync(actor, "member.role-changed", "user/" + user.Id.ToString("D"), organisationId, new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["organisation"] = organisationId,
                ["user"] = user.Id,
                ["from"] = current,
                ["to"] = role,
            }, cancellationToken);
            return new MemberRow(user.Id, user.DisplayName, user.Email ?? string.Empty, role, user.TwoFactorEnabled, user.CreatedAt);
        }, cancellationToken);
    }
}
