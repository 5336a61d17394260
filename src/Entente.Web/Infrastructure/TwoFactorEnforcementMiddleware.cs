using Entente.Application.Identity;

namespace Entente.Web.Infrastructure;

/// <summary>
/// Authority officers and administrators must set up two-factor sign-in before anything else: pages send them to
/// the setup page, the API refuses with 403 problem details.
/// </summary>
public sealed class TwoFactorEnforcementMiddleware(RequestDelegate next)
{
    public const string Claim = EntenteClaimsPrincipalFactory.TwoFactorClaim;
    public const string SetupPath = "/account/two-factor";

    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && EntenteRoles.All.Any(r => EntenteRoles.RequiresTwoFactor(r) && user.IsInRole(r))
            && !string.Equals(user.FindFirst(Claim)?.Value, "true", StringComparison.Ordinal)
            && !IsExempt(context.Request.Path))
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                await Problems.Write(context, StatusCodes.Status403Forbidden, "two-factor-required", "Set up two-factor sign-in before using the API.");
                return;
            }

            context.Response.Redirect(SetupPath);
            return;
        }

        await next(context);
    }

    private static bool IsExempt(PathString path) =>
        path.StartsWithSegments("/account", StringComparison.Ordinal)
        || path.StartsWithSegments("/culture", StringComparison.Ordinal)
        || path.StartsWithSegments("/health", StringComparison.Ordinal)
        || path.StartsWithSegments("/_framework", StringComparison.Ordinal)
        || path.Value?.Contains('.', StringComparison.Ordinal) == true;
}
