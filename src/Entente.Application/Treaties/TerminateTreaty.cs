using Entente.Application.Common;

namespace Entente.Application.Treaties;

/// <summary>An authority officer, for its own party's authority, terminates the treaty (from Signed, InForce or Suspended). Termination is final; every record is kept.</summary>
public sealed class TerminateTreatyHandler(TreatySteps steps)
{
    public Task<Result<TreatyView>> HandleAsync(Actor actor, CancellationToken cancellationToken) =>
        steps.TakeAsync(actor, TreatyEventKind.Terminated, null, (lifecycle, authority) => lifecycle.Terminate(authority), cancellationToken);
}
