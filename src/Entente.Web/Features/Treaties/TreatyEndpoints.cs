using Entente.Application.Common;
using Entente.Application.Treaties;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Treaties;

public static class TreatyEndpoints
{
    public static void MapTreatyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/treaties/current").WithTags("Treaties");
        group.MapGet("/", Get).RequireAuthorization(Policies.Authority).WithName("GetTreaty")
            .WithSummary("The treaty the platform runs: status, version in force, each authority's signature and ratification, and its history.");
        group.MapPost("/sign", Sign).RequireAuthorization(Policies.AuthorityOfficer).WithName("SignTreaty")
            .WithSummary("The officer's authority signs the draft; the treaty is Signed once both authorities have.");
        group.MapPost("/ratify", Ratify).RequireAuthorization(Policies.AuthorityOfficer).WithName("RatifyTreaty")
            .WithSummary("The officer's authority ratifies the signed treaty; it enters into force once both have.");
        group.MapPost("/suspend", Suspend).RequireAuthorization(Policies.AuthorityOfficer).WithName("SuspendTreaty")
            .WithSummary("Either authority suspends the treaty in force at once, with a reason: every assessment is then Prohibited.");
        group.MapPost("/resume", Resume).RequireAuthorization(Policies.AuthorityOfficer).WithName("ConsentToResumeTreaty")
            .WithSummary("The officer's authority consents to resume the suspended treaty; it is in force again once both consent.");
        group.MapPost("/terminate", Terminate).RequireAuthorization(Policies.AuthorityOfficer).WithName("TerminateTreaty")
            .WithSummary("Either authority terminates the treaty. Final; every record is kept.");
        group.MapPost("/amendments", Propose).RequireAuthorization(Policies.AuthorityOfficer).WithName("ProposeTreatyAmendment")
            .WithSummary("Propose a new version of the treaty file; it takes effect once both authorities accept it.");
        group.MapPost("/amendments/accept", Accept).RequireAuthorization(Policies.AuthorityOfficer).WithName("AcceptTreatyAmendment")
            .WithSummary("Accept the open amendment of the given version.");

        app.MapPost("/api/v1/assessments", Assess).RequireAuthorization(Policies.Assessor).WithTags("Assessments").WithName("AssessTransfer")
            .Accepts<object>("application/json")
            .WithSummary("One scenario in (contracts/assessment.md), one decision out. Without a \"treaty\" member the treaty's recorded status applies.");
    }

    public sealed record SuspendRequest(string? Reason);

    public sealed record AmendmentRequest(string? TreatyJson);

    public sealed record AcceptRequest(string? Version);

    private static async Task<IResult> Get(HttpContext context, GetTreatyHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), cancellationToken)).Match(TypedResults.Ok, Problems.From);

    private static async Task<IResult> Sign(HttpContext context, SignTreatyHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), cancellationToken)).Match(TypedResults.Ok, Problems.From);

    private static async Task<IResult> Ratify(HttpContext context, RatifyTreatyHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), cancellationToken)).Match(TypedResults.Ok, Problems.From);

    private static async Task<IResult> Suspend(SuspendRequest request, HttpContext context, SuspendTreatyHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), new SuspendTreaty(request.Reason), cancellationToken)).Match(TypedResults.Ok, Problems.From);

    private static async Task<IResult> Resume(HttpContext context, ConsentToResumeHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), cancellationToken)).Match(TypedResults.Ok, Problems.From);

    private static async Task<IResult> Terminate(HttpContext context, TerminateTreatyHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), cancellationToken)).Match(TypedResults.Ok, Problems.From);

    private static async Task<IResult> Propose(AmendmentRequest request, HttpContext context, ProposeAmendmentHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), new ProposeAmendment(request.TreatyJson), cancellationToken)).Match(TypedResults.Ok, Problems.From);

    private static async Task<IResult> Accept(AcceptRequest request, HttpContext context, AcceptAmendmentHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), new AcceptAmendment(request.Version), cancellationToken)).Match(TypedResults.Ok, Problems.From);

    // The body is the contract's scenario as it is, read as text: the contract's own parser judges it and names
    // whatever is wrong, rather than a model binder's generic message.
    private static async Task<IResult> Assess(HttpContext context, AssessTransferHandler handler, CancellationToken cancellationToken)
    {
        var limit = AssessTransferHandler.MaxScenarioLength + 1;
        var buffer = new char[limit];
        using var reader = new StreamReader(context.Request.Body);
        var read = 0;
        int n;
        while (read < limit && (n = await reader.ReadAsync(buffer.AsMemory(read, limit - read), cancellationToken)) > 0)
        {
            read += n;
        }

        var result = await handler.HandleAsync(context.User.ToActor(), new AssessTransfer(new string(buffer, 0, read)), cancellationToken);
        return result.Match(assessment => TypedResults.Text(assessment.Json, "application/json", System.Text.Encoding.UTF8), Problems.From);
    }
}
