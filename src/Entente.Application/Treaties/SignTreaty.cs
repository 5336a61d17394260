using Entente.Application.Common;

namespace Entente.Application.Treaties;

/// <summary>An authority officer, for its own party's authority, signs the treaty; it is Signed once both authorities have.</summary>
public sealed class SignTreatyHandler(TreatySteps steps)
{
    public Task<Result<TreatyView>> HandleAsync(Actor actor, CancellationToken cancellationToken) =>
        steps.TakeAsync(actor, TreatyEventKind.Signed, null, (lifecycle, authority) => lifecycle.Sign(authority), cancellationToken);
}
