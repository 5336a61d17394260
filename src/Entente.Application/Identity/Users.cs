using Entente.Application.Common;
using Entente.Application.Organisations;
using Entente.Application.Persistence;
using Entente.Application.TransparencyLog;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Identity;

/// <summary>
/// An administrator (or the operator's command line) creates a user in a role: an authority officer or auditor of
/// a party, an administrator, or a member of an existing organisation.
/// </summary>
public sealed record CreateUser(string? Email, string? DisplayName, string? Password, string? Role, string? Party, Guid? OrganisationId);

public sealed class CreateUserHandler(EntenteDbContext db, UserManager<EntenteUser> users, LogEntryWriter log, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(Actor actor, CreateUser request, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(EntenteRoles.Administrator))
        {
            return new Error.Forbidden("not-administrator", "Only administrators create users this way.");
        }

        var errors = new ValidationErrors();
        var email = errors.Email("email", request.Email, 200);

        var name = errors.Required("displayName", request.DisplayName, 200);
        var role = EntenteRoles.All.FirstOrDefault(r => string.Equals(r, request.Role?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (role is null)
        {
            errors.Add("role", "must be one of " + string.Join(", ", EntenteRoles.All) + ".");
        }

        var party = request.Party?.Trim().ToUpperInvariant();
        if (role is not null && EntenteRoles.IsPartyRole(role) && !Parties.IsParty(party))
        {
            errors.Add("party", "must be GB or RU for authority officers and auditors.");
        }

        if (role is not null && EntenteRoles.IsOrganisationRole(role) && request.OrganisationId is null)
        {
            errors.Add("organisationId", "is required for members and compliance officers.");
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", "is required.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        return await db.InTransactionAsync<Guid>(async () =>
        {
            if (request.OrganisationId is { } organisationId && EntenteRoles.IsOrganisationRole(role!)
                && !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
            {
                return OrganisationAccess.NotFound(organisationId);
            }

            var now = clock.GetUtcNow();
            var user = new EntenteUser
            {
                Id = Guid.CreateVersion7(now),
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                Party = EntenteRoles.IsPartyRole(role!) ? party : null,
                OrganisationId = EntenteRoles.IsOrganisationRole(role!) ? request.OrganisationId : null,
                PreferredCulture = party == Parties.Russia ? "ru" : "en",
                CreatedAt = now,
            };
            var created = await users.CreateAsync(user, request.Password!);
            if (!created.Succeeded)
            {
                return IdentityErrors.ToValidation(created, string.Empty);
            }

            var added = await users.AddToRoleAsync(user, role!);
            if (!added.Succeeded)
            {
                return IdentityErrors.ToValidation(added, "role");
            }

            await log.AppendAsync(actor, "user.created", "user/" + user.Id.ToString("D"), user.OrganisationId, new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["user"] = user.Id,
                ["role"] = role,
                ["party"] = user.Party,
                ["organisation"] = user.OrganisationId,
            }, cancellationToken);
            return user.Id;
        }, cancellationToken);
    }
}

/// <summary>Officers' and administrators' sign-ins are recorded: who looked at the community's records, and when.</summary>
public sealed class RecordSignInHandler(EntenteDbContext db, LogEntryWriter log)
{
    public static bool IsRecorded(IReadOnlySet<string> roles) =>
        roles.Contains(EntenteRoles.AuthorityOfficer) || roles.Contains(EntenteRoles.Auditor) || roles.Contains(EntenteRoles.Administrator);

    public async Task HandleAsync(Actor actor, string method, CancellationToken cancellationToken)
    {
        if (!IsRecorded(actor.Roles))
        {
            return;
        }

        await db.InTransactionAsync<long>(async () =>
        {
            var entry = await log.AppendAsync(actor, "user.signed-in", "user/" + actor.UserId.ToString("D"), null, new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["user"] = actor.UserId,
                ["method"] = method,
                ["party"] = actor.Party,
            }, cancellationToken);
            return entry.Sequence;
        }, cancellationToken);
    }
}
