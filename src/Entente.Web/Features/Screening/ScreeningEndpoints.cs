using Entente.Application.Common;
using Entente.Application.Screening;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Screening;

public static class ScreeningEndpoints
{
    public static void MapScreeningEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/screening").WithTags("Screening").RequireAuthorization();
        group.MapPost("/search", Search).RequireAuthorization(Policies.Screener).WithName("ScreenName")
            .WithSummary("Screens one name against every imported sanctions list; each match says which words matched which, and how.");
        group.MapGet("/lists", Lists).WithName("ListScreeningLists").WithSummary("The imported lists and their versions with added/changed/removed counts.");
        group.MapPost("/lists/{name}/versions", Upload).RequireAuthorization(Policies.Administrator).WithName("ImportScreeningList")
            .WithSummary("An administrator imports a list file (the request body) as the list's next version: ?format=ofac-csv|un-xml|uk-csv|entente-csv&fileName=NAME. A malformed file changes nothing; the problem names the line.");
        group.MapGet("/hits", Hits).RequireAuthorization(Policies.Assessor).WithName("ListScreeningHits")
            .WithSummary("The authority's screening hits on its own party's organisations and the consignees and end users they name: filter by status (open, cleared, confirmed, all), sort (opened, score, organisation, list, status); page with limit and the cursor of the previous response's next.");
        group.MapGet("/hits/summary", HitSummary).RequireAuthorization(Policies.Assessor).WithName("SummariseScreeningHits")
            .WithSummary("How many of the authority's hits are open, cleared and confirmed: every hit of its own party, as the hit queue page counts them, whatever a list filter would show.");
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

    /// <summary>Largest list file accepted through the API; the command line has no limit.</summary>
    private const long MaxUploadBytes = 64L * 1024 * 1024;

    private static async Task<IResult> Upload(string name, string? format, string? fileName, HttpContext context, ImportListHandler handler, CancellationToken cancellationToken)
    {
        var size = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (size is { IsReadOnly: false })
        {
            size.MaxRequestBodySize = MaxUploadBytes;
        }

        // The parsers read files (an OFAC set is several files side by side): the body is written to a folder of its own
        // under the name given, so the version records the source file name.
        var folder = Directory.CreateTempSubdirectory("entente-upload-");
        try
        {
            var safeName = Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? "upload" : fileName.Trim());
            var path = Path.Combine(folder.FullName, safeName.Length == 0 ? "upload" : safeName);
            await using (var file = File.Create(path))
            {
                await context.Request.Body.CopyToAsync(file, cancellationToken);
            }

            var result = await handler.HandleAsync(context.User.ToActor(), new ImportList(path, format, name), null, cancellationToken);
            return result.Match(imported => TypedResults.Created("/api/v1/screening/lists", imported), Problems.From);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<IResult> Hits(string? status, string? sort, bool? descending, string? cursor, int? limit, HttpContext context, ListHitsHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), new ListHits(status, sort, descending ?? false, null, null), descending, new CursorRequest(cursor, limit), cancellationToken))
            .Match(TypedResults.Ok, Problems.From);

    private static async Task<IResult> HitSummary(HttpContext context, ListHitsHandler handler, CancellationToken cancellationToken) =>
        (await handler.CountAsync(context.User.ToActor(), cancellationToken)).Match(TypedResults.Ok, Problems.From);

    private static async Task<IResult> Clear(Guid id, DecisionRequest request, HttpContext context, DecideHitHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), new DecideHit(id, HitDecision.Clear, request.Reason), cancellationToken)).Match(TypedResults.Ok, Problems.From);

    private static async Task<IResult> Confirm(Guid id, DecisionRequest request, HttpContext context, DecideHitHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), new DecideHit(id, HitDecision.Confirm, request.Reason), cancellationToken)).Match(TypedResults.Ok, Problems.From);
}
