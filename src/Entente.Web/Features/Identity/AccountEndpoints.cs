using Entente.Application.Identity;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.Identity;

/// <summary>Form posts from the pages that are plain actions (sign out, revoke): antiforgery-checked, then back to a page.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/sign-out", async ([FromForm] string? returnUrl, SignInManager<EntenteUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).ExcludeFromDescription();

        app.MapPost("/account/tokens/{id:guid}/revoke", async (Guid id, [FromForm] string? confirm, HttpContext context, ApiTokenService tokens, CancellationToken cancellationToken) =>
        {
            await tokens.RevokeAsync(context.User.ToActor(), id, cancellationToken);
            return Results.LocalRedirect("/account/tokens");
        }).ExcludeFromDescription();
    }
}
