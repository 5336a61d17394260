using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Entente.Web.Infrastructure;

/// <summary>
/// The API answers every error with problem details, whatever the client's Accept header says. The framework's own
/// writer declines a request that accepts only HTML (a browser following a link to /api), and a refusal written
/// through it then became an empty 500; this writer, tried after it, takes every /api request it declines.
/// </summary>
public sealed class ApiProblemDetailsWriter(IOptions<ProblemDetailsOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => context.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal);

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var response = context.HttpContext.Response;
        var problem = context.ProblemDetails;
        problem.Status ??= response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(response.WriteAsJsonAsync(problem, json.Value.SerializerOptions.GetTypeInfo(typeof(ProblemDetails)), "application/problem+json", context.HttpContext.RequestAborted));
    }
}
