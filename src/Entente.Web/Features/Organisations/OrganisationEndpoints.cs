using Entente.Application.Common;
using Entente.Application.Organisations;
using Entente.Core.Organisations;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entente.Web.Features.Organisations;

public static class OrganisationEndpoints
{
    public static void MapOrganisationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organisations").WithTags("Organisations");
        group.MapPost("/", Register).AllowAnonymous().WithName("RegisterOrganisation")
            .WithSummary("A company applies to join the treaty community; its first user becomes its compliance officer.");
        group.MapGet("/", List).RequireAuthorization(Policies.Authority).WithName("ListOrganisations")
            .WithSummary("The authority's register of its party's organisations: filter by status, search in either script, sort (registered, name, status, decided, party, number; descending), read by cursor.")
            .WithDescription(CursorHelp).Produces<CursorPage<OrganisationRow>>().ProducesValidationProblem();
        group.MapGet("/{id:guid}", Get).WithName("GetOrganisation").WithSummary("An organisation's record, for its own people and its party's authority.");
        group.MapPost("/{id:guid}/decisions", Decide).RequireAuthorization(Policies.AuthorityOfficer).WithName("VetOrganisation")
            .WithSummary("Approve, reject, suspend or reinstate an organisation of the officer's own party.");
        group.MapGet("/{id:guid}/members", Members).WithName("ListMembers")
            .WithSummary("The people of an organisation: sort (name, email, role, since, two-factor; descending), read by cursor.")
            .WithDescription(CursorHelp).Produces<CursorPage<MemberRow>>().ProducesValidationProblem();
        group.MapPost("/{id:guid}/members", AddMember).RequireAuthorization(Policies.OrganisationMember).WithName("AddMember")
            .WithSummary("A compliance officer adds a member or another compliance officer.");
        group.MapPut("/{id:guid}/members/{userId:guid}/role", ChangeRole).RequireAuthorization(Policies.OrganisationMember).WithName("ChangeMemberRole")
            .WithSummary("A compliance officer changes a member's role.");

        app.MapGet("/api/v1/directory", Directory).WithTags("Directory").WithName("SearchDirectory")
            .WithSummary("Approved members of both parties, searchable by name in Latin or Cyrillic script: sort (name, party, approved, name-ru, number; descending), read by cursor.")
            .WithDescription(CursorHelp).Produces<CursorPage<DirectoryEntry>>().ProducesValidationProblem();
    }

    private const string CursorHelp =
        "Returns `{ items, next }`: up to `limit` rows (default 25, at most 200) and, unless this was the last slice, the `next` cursor. "
        + "Pass it back as `?cursor=` to read on; it carries the sort and direction, so `sort` and `descending` may be left out, "
        + "and if given they must match it. A malformed cursor, or one of another sort, is refused with 400 problem details. "
        + "Rows are found by key, not by position, so rows added or removed between requests neither repeat nor go missing.";

    public sealed record DecisionRequest(VettingDecision Decision, string? Reason);

    private static async Task<Results<Created<RegisteredOrganisation>, ProblemHttpResult, ValidationProblem>> Register(RegisterOrganisation request, RegisterOrganisationHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(request, cancellationToken);
        return result.IsSuccess ? TypedResults.Created("/api/v1/organisations/" + result.Value!.OrganisationId, result.Value) : AsProblem(result.Error!);
    }

    private static async Task<IResult> List(string? status, string? search, string? sort, bool? descending, string? cursor, int? limit, HttpContext context, ListOrganisationsHandler handler, CancellationToken cancellationToken)
    {
        MembershipStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<MembershipStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Problems.From(Error.Invalid("status", "must be Pending, Approved, Rejected or Suspended."));
            }

            filter = parsed;
        }

        var result = await handler.HandleAsync(context.User.ToActor(), new ListOrganisations(filter, search, sort, descending ?? false, null, null), descending, new CursorRequest(cursor, limit), cancellationToken);
        return result.Match(TypedResults.Ok, Problems.From);
    }

    private static async Task<IResult> Get(Guid id, HttpContext context, GetOrganisationHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), id, cancellationToken)).Match(TypedResults.Ok, Problems.From);

    private static async Task<IResult> Decide(Guid id, DecisionRequest request, HttpContext context, VetOrganisationHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), new VetOrganisation(id, request.Decision, request.Reason), cancellationToken)).Match(TypedResults.Ok, Problems.From);

    private static async Task<IResult> Members(Guid id, string? sort, bool? descending, string? cursor, int? limit, HttpContext context, ListMembersHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), id, sort, descending, new CursorRequest(cursor, limit), cancellationToken)).Match(TypedResults.Ok, Problems.From);

    private static async Task<IResult> AddMember(Guid id, AddMember request, HttpContext context, AddMemberHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(context.User.ToActor(), id, request, cancellationToken);
        return result.Match(member => TypedResults.Created($"/api/v1/organisations/{id}/members/{member.UserId}", member), Problems.From);
    }

    private static async Task<IResult> ChangeRole(Guid id, Guid userId, ChangeRoleRequest request, HttpContext context, ChangeMemberRoleHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), id, new ChangeMemberRole(userId, request.Role), cancellationToken)).Match(TypedResults.Ok, Problems.From);

    public sealed record ChangeRoleRequest(string? Role);

    private static async Task<IResult> Directory(string? search, string? party, string? sort, bool? descending, string? cursor, int? limit, HttpContext context, SearchDirectoryHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), new SearchDirectory(search, party, sort, descending ?? false, null, null), descending, new CursorRequest(cursor, limit), cancellationToken)).Match(TypedResults.Ok, Problems.From);

    private static Results<Created<RegisteredOrganisation>, ProblemHttpResult, ValidationProblem> AsProblem(Error error) => Problems.From(error) switch
    {
        ValidationProblem validation => validation,
        ProblemHttpResult problem => problem,
        var other => throw new InvalidOperationException("Unexpected result " + other.GetType()),
    };
}
