using System.Security.Claims;
using Entente.Application.Common;
using Entente.Application.Identity;

namespace Entente.Web.Infrastructure;

public static class ActorExtensions
{
    /// <summary>The acting user of an authenticated request; endpoints behind the fallback policy always have one.</summary>
    public static Actor ToActor(this ClaimsPrincipal principal) =>
        ActorClaims.FromPrincipal(principal) ?? throw new InvalidOperationException("An authenticated principal without a user id reached a use case.");
}
