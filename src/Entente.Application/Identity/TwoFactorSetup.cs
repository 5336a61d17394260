using Entente.Application.Common;
using Entente.Application.Persistence;
using Entente.Application.TransparencyLog;
using Microsoft.AspNetCore.Identity;

namespace Entente.Application.Identity;

/// <summary>Turns on TOTP two-factor sign-in once the user proves their app produces the right code.</summary>
public sealed class TwoFactorSetupHandler(EntenteDbContext db, UserManager<EntenteUser> users, LogEntryWriter log)
{
    public async Task<Result<bool>> HandleAsync(Actor actor, EntenteUser user, string code, CancellationToken cancellationToken)
    {
        if (user.Id != actor.UserId)
        {
            return new Error.Forbidden("not-own-account", "Two-factor sign-in is set up by the account's own user.");
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return Error.Invalid("code", "That code is not valid. Codes change every 30 seconds.");
        }

        return await db.InTransactionAsync<bool>(async () =>
        {
            var result = await users.SetTwoFactorEnabledAsync(user, true);
            if (!result.Succeeded)
            {
                return IdentityErrors.ToValidation(result, "code");
            }

            await log.AppendAsync(actor, "user.two-factor-enabled", "user/" + user.Id.ToString("D"), user.OrganisationId, new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["user"] = user.Id,
            }, cancellationToken);
            return true;
        }, cancellationToken);
    }
}
