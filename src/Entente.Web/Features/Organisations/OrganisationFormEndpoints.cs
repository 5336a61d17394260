using Entente.Application.Organisations;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.Organisations;

/// <summary>Per-row actions posted from the organisation pages (antiforgery-checked), answered with a redirect back.</summary>
public static class OrganisationFormEndpoints
{
    public static void MapOrganisationFormEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/organisations/{id:guid}/members/{userId:guid}/role", async (Guid id, Guid userId, [FromForm] string? role, HttpContext context, ChangeMemberRoleHandler handler, CancellationToken cancellationToken) =>
        {
            var result = await handler.HandleAsync(context.User.ToActor(), id, new ChangeMemberRole(userId, role), cancellationToken);
            return Results.LocalRedirect(result.IsSuccess ? "/organisations/mine?changed=true" : "/organisations/mine?error=" + Uri.EscapeDataString(FormErrors.Seal(context, result.Error!.Detail)));
        }).RequireAuthorization(Policies.OrganisationMember).ExcludeFromDescription();
}
