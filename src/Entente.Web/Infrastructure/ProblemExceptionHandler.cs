using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace Entente.Web.Infrastructure;

/// <summary>
/// Turns the framework's bad-request exceptions (unreadable JSON, a missing or forged antiforgery token) into
/// 400 problem details. Anything else is a bug: 500, with the trace id and no internals.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            AntiforgeryValidationException => (StatusCodes.Status400BadRequest, "Invalid form", "The form has expired or did not come from this site. Reload the page and try again."),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.InnerException is System.Text.Json.JsonException json ? "The request body is not valid JSON for this operation: " + json.Message : bad.Message),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "Something went wrong on our side. The trace id identifies it in the server's records."),
        };
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception on {Path}", httpContext.Request.Path.Value);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
