using Entente.Application.Screening;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Screening;

public static class ScreeningEndpoints
{
    public static void MapScreeningEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/screening").WithTags("Screening").RequireAuthorization();
        group.MapPost("/search", Search).WithName("ScreenName")
            .WithSummary("Screens one name against every imported sanctions list; each match says which words matched which, and how.");
        group.MapGet("/lists", Lists).WithName("ListScreeningLists").WithSummary("The imported lists and their versions with added/changed/removed counts.");
        group.MapGet("/hits", Hits).RequireAuthorization(Policies.Assessor).WithName("ListScreeningHits")
            .WithSummary("The authority's screening hits on its own party's organisations: filter by status (open, cleared, confirmed, all), sort, page.");
        group.MapPost("/hits/{id:guid}/clear", Clear).RequireAuthorization(Policies.Assessor).WithName("ClearScreeningHit")
            .WithSummary("An authority officer clears a hit as a false positive; a reason is required.");
        group.MapPost("/hits/{id:guid}/confirm", Confirm).RequireAuthorization(Policies.Assessor).WithName("ConfirmScreeningHit")
            .WithSummary("An authority officer confirms a hit: the organisation is suspended at once.");
    }

    public sealed record SearchRequest(string? Name, int? Top);

    public sealed record DecisionRequest(string? Reason);

    private static async Task<IResult> Search(SearchRequest request, HttpContext context, SearchNameHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), new SearchName(request.Name, request.Top), cancellationToken)).Match(TypedResults.Ok, Problems.From);

    private static async Task<IResult> Lists(HttpContext context, ListListsHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), cancellationToken)).Match(TypedResults.Ok, Problems.From);

    private static async Task<IResult> Hits(string? status, string? sort, bool? descending, int? page, int? pageSize, HttpContext context, ListHitsHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), new ListHits(status, sort, descending ?? false, page, pageSize), cancellationToken)).Match(TypedResults.Ok, Problems.From);

    private static async Task<IResult> Clear(Guid id, DecisionRequest request, HttpContext context, DecideHitHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), new DecideHit(id, HitDecision.Clear, request.Reason), cancellationToken)).Match(TypedResults.Ok, Problems.From);

    private static async Task<IResult> Confirm(Guid id, DecisionRequest request, HttpContext context, DecideHitHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), new DecideHit(id, HitDecision.Confirm, request.Reason), cancellationToken)).Match(TypedResults.Ok, Problems.From);
}
