using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Entente.Application.Identity;

/// <summary>Adds the organisation and party that scope a user's roles to the sign-in principal.</summary>
public sealed class EntenteClaimsPrincipalFactory(UserManager<EntenteUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<EntenteUser, IdentityRole<Guid>>(users, roles, options)
{
    /// <summary>Whether the user has two-factor sign-in set up; officers and administrators are held until it is.</summary>
    public const string TwoFactorClaim = "entente:two-factor";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(EntenteUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.OrganisationId is { } organisation)
        {
            identity.AddClaim(new Claim(ActorClaims.Organisation, organisation.ToString("D")));
        }

        if (user.Party is { } party)
        {
            identity.AddClaim(new Claim(ActorClaims.Party, party));
        }

        identity.AddClaim(new Claim("entente:display-name", user.DisplayName));
        identity.AddClaim(new Claim(TwoFactorClaim, user.TwoFactorEnabled ? "true" : "false"));
        return identity;
    }
}
