using Entente.Application.Common;
using Entente.Application.Identity;

namespace Entente.Application.Treaties;

/// <summary>The treaty as it stands, for the authorities' officers and auditors (and the administrator).</summary>
public sealed class GetTreatyHandler(TreatySteps steps)
{
    public async Task<Result<TreatyView>> HandleAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!CanRead(actor))
        {
            return new Error.Forbidden("not-treaty-reader", "Only the authorities' officers and auditors read the treaty's record.");
        }

        return await steps.ViewAsync(cancellationToken);
    }

    public static bool CanRead(Actor actor) =>
        actor.IsInRole(EntenteRoles.AuthorityOfficer) || actor.IsInRole(EntenteRoles.Auditor) || actor.IsInRole(EntenteRoles.Administrator);
}
