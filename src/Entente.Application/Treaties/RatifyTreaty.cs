using Entente.Application.Common;

namespace Entente.Application.Treaties;

/// <summary>An authority officer, for its own party's authority, ratifies the signed treaty; it enters into force once both authorities have.</summary>
public sealed class RatifyTreatyHandler(TreatySteps steps)
{
    public Task<Result<TreatyView>> HandleAsync(Actor actor, CancellationToken cancellationToken) =>
        steps.TakeAsync(actor, TreatyEventKind.Ratified, null, (lifecycle, authority) => lifecycle.Ratify(authority), cancellationToken);
}
