using Entente.Application.Screening;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.Screening;

/// <summary>The clear and confirm forms of the hit queue (antiforgery-checked), answered with a redirect back to the queue.</summary>
public static class ScreeningFormEndpoints
{
    public static void MapScreeningFormEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/screening/hits/{id:guid}/clear", (Guid id, [FromForm] string? reason, HttpContext context, DecideHitHandler handler, CancellationToken cancellationToken) =>
            DecideAsync(id, HitDecision.Clear, reason, context, handler, cancellationToken)).RequireAuthorization(Policies.AuthorityOfficer).ExcludeFromDescription();
        app.MapPost("/screening/hits/{id:guid}/confirm", (Guid id, [FromForm] string? reason, HttpContext context, DecideHitHandler handler, CancellationToken cancellationToken) =>
            DecideAsync(id, HitDecision.Confirm, reason, context, handler, cancellationToken)).RequireAuthorization(Policies.AuthorityOfficer).ExcludeFromDescription();
    }

    private static async Task<IResult> DecideAsync(Guid id, HitDecision decision, string? reason, HttpContext context, DecideHitHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(context.User.ToActor(), new DecideHit(id, decision, reason), cancellationToken);
        return Results.LocalRedirect(result.IsSuccess
            ? "/screening/hits?done=" + (decision == HitDecision.Clear ? "cleared" : "confirmed")
            : "/screening/hits?error=" + Uri.EscapeDataString(FormErrors.Seal(context, result.Error!.Detail)));
    }
}
