using Entente.Application.Common;

namespace Entente.Application.Treaties;

/// <summary>An authority officer, for its own party's authority, consents to resume the suspended treaty; it is back in force once both authorities consent.</summary>
public sealed class ConsentToResumeHandler(TreatySteps steps)
{
    public Task<Result<TreatyView>> HandleAsync(Actor actor, CancellationToken cancellationToken) =>
        steps.TakeAsync(actor, TreatyEventKind.ResumptionConsented, null, (lifecycle, authority) => lifecycle.AgreeToResume(authority), cancellationToken);
}
