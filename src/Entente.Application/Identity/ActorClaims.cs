using System.Security.Claims;
using Entente.Application.Common;

namespace Entente.Application.Identity;

/// <summary>The claims that carry an actor's scope, and the mapping from a signed-in principal to an <see cref="Actor"/>.</summary>
public static class ActorClaims
{
    public const string Organisation = "entente:organisation";
    public const string Party = "entente:party";

    public static Actor? FromPrincipal(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || !Guid.TryParse(id, out var userId))
        {
            return null;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var organisation = principal.FindFirstValue(Organisation);
        return new Actor(
            userId,
            principal.FindFirstValue(ClaimTypes.Name) ?? string.Empty,
            roles,
            Guid.TryParse(organisation, out var organisationId) ? organisationId : null,
            principal.FindFirstValue(Party));
    }
}
