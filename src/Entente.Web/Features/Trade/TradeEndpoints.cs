using Entente.Application.Common;
using Entente.Application.Trade;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.Trade;

/// <summary>The register of consignees and end users: the API, and the page's withdraw form (the amend form is the page's own).</summary>
public static class TradeEndpoints
{
    public static void MapTradeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/counterparties").WithTags("Trade").RequireAuthorization(Policies.Counterparties);
        group.MapGet("/", List).WithName("ListCounterparties")
            .WithSummary("Consignees and end users: an organisation's own, or those of every organisation of the authority's party. Filter by status, search in either script, sort (registered, name, country, status, organisation); page with limit and the cursor of the previous response's next.");
        group.MapPost("/", Register).RequireAuthorization(Policies.OrganisationMember).WithName("RegisterCounterparty")
            .WithSummary("A compliance officer names a consignee or end user; it is screened at once and is under review while a possible match awaits the authority.");
        group.MapGet("/{id:guid}", Get).WithName("GetCounterparty").WithSummary("A consignee or end user, for its organisation's people and its party's authority.");
        group.MapPut("/{id:guid}", Amend).RequireAuthorization(Policies.OrganisationMember).WithName("AmendCounterparty")
            .WithSummary("A compliance officer corrects a clear or under-review counterparty with the same body as registration; a new name or country is screened again.");
        group.MapPost("/{id:guid}/withdrawal", Withdraw).RequireAuthorization(Policies.OrganisationMember).WithName("WithdrawCounterparty")
            .WithSummary("A compliance officer takes a counterparty out of use, with a reason; it stays on record and is no longer screened.");

        app.MapPost("/counterparties/{id:guid}/withdraw", async (Guid id, [FromForm] string? reason, HttpContext context, WithdrawCounterpartyHandler handler, CancellationToken cancellationToken) =>
        {
            var result = await handler.HandleAsync(context.User.ToActor(), new WithdrawCounterparty(id, reason), cancellationToken);
            return Results.LocalRedirect($"/counterparties/{id}" + (result.IsSuccess ? "?withdrawn=true" : "?error=" + Uri.EscapeDataString(FormErrors.Seal(context, result.Error!.Detail))));
        }).RequireAuthorization(Policies.OrganisationMember).ExcludeFromDescription();
    }

    public sealed record WithdrawalRequest(string? Reason);

    private static async Task<IResult> List(string? status, string? search, string? sort, bool? descending, string? cursor, int? limit, HttpContext context, ListCounterpartiesHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), new ListCounterparties(status, search, sort, descending ?? false, null, null), descending, new CursorRequest(cursor, limit), cancellationToken))
            .Match(TypedResults.Ok, Problems.From);

    private static async Task<IResult> Register(RegisterCounterparty request, HttpContext context, RegisterCounterpartyHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(context.User.ToActor(), request, cancellationToken);
        return result.Match(view => TypedResults.Created("/api/v1/counterparties/" + view.Id, view), Problems.From);
    }

    /// <summary>The same body as registration: an amendment states the counterparty as it should now stand.</summary>
    private static async Task<IResult> Amend(Guid id, RegisterCounterparty request, HttpContext context, AmendCounterpartyHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), Amendment(id, request), cancellationToken)).Match(TypedResults.Ok, Problems.From);

    private static AmendCounterparty Amendment(Guid id, RegisterCounterparty body) =>
        new(id, body.Name, body.NativeName, body.Country, body.Address, body.RegistrationNumber, body.IsConsignee, body.IsEndUser);

    private static async Task<IResult> Get(Guid id, HttpContext context, GetCounterpartyHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), id, cancellationToken)).Match(TypedResults.Ok, Problems.From);

    private static async Task<IResult> Withdraw(Guid id, WithdrawalRequest request, HttpContext context, WithdrawCounterpartyHandler handler, CancellationToken cancellationToken) =>
        (await handler.HandleAsync(context.User.ToActor(), new WithdrawCounterparty(id, request.Reason), cancellationToken)).Match(TypedResults.Ok, Problems.From);
}
