using Entente.Application.Common;

namespace Entente.Application.Treaties;

/// <summary>Either authority suspends the treaty in force, at once, giving a reason. Resumption needs both (<see cref="ConsentToResumeHandler"/>).</summary>
public sealed record SuspendTreaty(string? Reason);

public sealed class SuspendTreatyHandler(TreatySteps steps)
{
    public Task<Result<TreatyView>> HandleAsync(Actor actor, SuspendTreaty request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (TreatySteps.AuthorityOf(actor).Error is { } forbidden)
        {
            return Task.FromResult(Result<TreatyView>.Failure(forbidden));
        }

        var errors = new ValidationErrors();
        var reason = errors.Required("reason", request.Reason, TreatyRecord.ReasonMaxLength);
        if (errors.Any)
        {
            return Task.FromResult(Result<TreatyView>.Failure(errors.ToError()));
        }

        return steps.TakeAsync(actor, TreatyEventKind.Suspended, reason, (lifecycle, authority) => lifecycle.Suspend(authority, reason), cancellationToken);
    }
}
