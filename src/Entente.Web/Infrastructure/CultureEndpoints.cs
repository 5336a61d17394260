using Microsoft.AspNetCore.Localization;

namespace Entente.Web.Infrastructure;

public static class CultureEndpoints
{
    public const string CookieName = "entente.culture";

    /// <summary>The language switch in the header: remembers the choice for a year and returns to the same page.</summary>
    public static void MapCultureEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            if (culture is not ("en" or "ru"))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unsupported language", detail: "Choose en or ru.");
            }

            context.Response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });
            // Only local paths: an open redirect here would let a link to this site send people anywhere.
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
}
