namespace Entente.Web.Infrastructure;

/// <summary>
/// The sign-in cookie reads the API but changes nothing through it. A browser attaches the cookie to requests that
/// other pages make it send, and the API's body-less and raw-body endpoints (treaty steps, list import, witness
/// cosignatures) carry no antiforgery token; SameSite=Lax keeps the cookie off cross-site posts in current browsers,
/// not off those from a sibling subdomain. A change through the API takes a personal token, which no browser sends
/// by itself. Pages change things through their own antiforgery-checked forms.
/// </summary>
public sealed class ApiChangesNeedTokenMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
            && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            && context.User.Identity?.IsAuthenticated == true
            && !WebRegistration.PresentsBearerToken(request))
        {
            await Problems.Write(context, StatusCodes.Status403Forbidden, "token-required", "Changes through the API take a personal API token (Authorization: Bearer <token>, issued at /account/tokens); the sign-in cookie only reads.");
            return;
        }

        await next(context);
    }
}
