using Entente.Application.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entente.Web.Infrastructure;

/// <summary>The one place where use-case errors become RFC 9457 problem details.</summary>
public static class Problems
{
    public static IResult From(Error error) => error switch
    {
        Error.Validation validation => TypedResults.ValidationProblem(validation.Fields.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), validation.Detail, type: TypeUri(validation.Code), title: "Invalid input"),
        Error.NotFound => Problem(StatusCodes.Status404NotFound, "Not found", error),
        Error.Conflict => Problem(StatusCodes.Status409Conflict, "Conflict", error),
        Error.Forbidden => Problem(StatusCodes.Status403Forbidden, "Forbidden", error),
        _ => Problem(StatusCodes.Status500InternalServerError, "Error", error),
    };

    public static Task Write(HttpContext context, int status, string code, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Type = TypeUri(code), Title = code, Detail = detail },
        }).AsTask();
    }

    private static ProblemHttpResult Problem(int status, string title, Error error) =>
        TypedResults.Problem(error.Detail, statusCode: status, title: title, type: TypeUri(error.Code), extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = error.Code });

    private static string TypeUri(string code) => "https://entente.example/problems/" + code;
}
