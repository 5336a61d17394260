using Entente.Application.Identity;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Identity;

public static class IdentityEndpoints
{
    public static void MapIdentityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Identity");
        group.MapGet("/me", (HttpContext context) =>
        {
            var actor = context.User.ToActor();
            return TypedResults.Ok(new Me(actor.UserId, actor.UserName, actor.Roles.Order(StringComparer.Ordinal).ToList(), actor.OrganisationId, actor.Party));
        }).WithName("GetMe").WithSummary("Who the token or cookie signs in as, with roles and scope.");

        group.MapGet("/tokens", async (HttpContext context, ApiTokenService tokens, CancellationToken cancellationToken) =>
            TypedResults.Ok(await tokens.ListAsync(context.User.ToActor(), cancellationToken)))
            .WithName("ListApiTokens").WithSummary("Your personal API tokens (the secrets are never shown again).");
        group.MapPost("/tokens", async (IssueApiToken request, HttpContext context, ApiTokenService tokens, CancellationToken cancellationToken) =>
            (await tokens.IssueAsync(context.User.ToActor(), request, cancellationToken)).Match(issued => TypedResults.Created("/api/v1/tokens/" + issued.Id, issued), Problems.From))
            .RequireAuthorization(Policies.AnyRole).WithName("IssueApiToken").WithSummary("Issues a personal API token; the response is the only time its secret is shown.");
        group.MapDelete("/tokens/{id:guid}", async (Guid id, HttpContext context, ApiTokenService tokens, CancellationToken cancellationToken) =>
            (await tokens.RevokeAsync(context.User.ToActor(), id, cancellationToken)).Match(TypedResults.Ok, Problems.From))
            .RequireAuthorization(Policies.AnyRole).WithName("RevokeApiToken").WithSummary("Revokes one of your tokens at once.");
    }

    public sealed record Me(Guid UserId, string UserName, IReadOnlyList<string> Roles, Guid? OrganisationId, string? Party);
}
