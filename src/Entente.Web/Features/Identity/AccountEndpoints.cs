using Entente.Application.Identity;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Entente.Web.Features.Identity;

/// <summary>
/// Form posts from the pages that are plain actions (sign out, revoke), answered with a redirect back. Each binds the
/// posted form: that is what makes minimal APIs enforce the antiforgery token (a forged post gets 400).
/// </summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/sign-out", async (IFormCollection form, SignInManager<EntenteUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).ExcludeFromDescription();

        app.MapPost("/account/tokens/{id:guid}/revoke", async (Guid id, IFormCollection form, HttpContext context, ApiTokenService tokens, CancellationToken cancellationToken) =>
        {
            await tokens.RevokeAsync(context.User.ToActor(), id, cancellationToken);
            return Results.LocalRedirect("/account/tokens");
        }).ExcludeFromDescription();
    }
}
