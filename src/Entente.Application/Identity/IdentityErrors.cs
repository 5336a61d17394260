using Entente.Application.Common;
using Microsoft.AspNetCore.Identity;

namespace Entente.Application.Identity;

internal static class IdentityErrors
{
    /// <summary>Maps Identity's error codes onto the fields of the request that caused them.</summary>
    public static Error ToValidation(IdentityResult result, string prefix)
    {
        var errors = new ValidationErrors();
        foreach (var error in result.Errors)
        {
            var field = error.Code switch
            {
                var c when c.StartsWith("Password", StringComparison.Ordinal) => prefix + "Password",
                "DuplicateUserName" or "DuplicateEmail" or "InvalidEmail" or "InvalidUserName" => prefix + "Email",
                _ => prefix,
            };
            errors.Add(field, error.Description);
        }

        var validation = errors.ToError();
        return result.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail")
            ? new Error.Conflict("duplicate-user", "A user with this e-mail address already exists.")
            : validation;
    }
}
