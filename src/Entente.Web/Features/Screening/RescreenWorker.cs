using Entente.Application.Screening;

namespace Entente.Web.Features.Screening;

/// <summary>
/// Watches for new list versions and screens every organisation again. Every web node runs it; the lease in
/// <see cref="RescreenHandler"/> lets one node at a time do the work, and each version is done once.
/// </summary>
internal sealed partial class RescreenWorker(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<RescreenWorker> logger) : BackgroundService
{
    private readonly string _holder = Environment.MachineName + "/" + Environment.ProcessId + "/" + Guid.NewGuid().ToString("N")[..8];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Entente:Screening:RescreenIntervalSeconds", 30)));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<RescreenHandler>().HandleAsync(_holder, stoppingToken);
                if (outcome is not null)
                {
                    LogRescreened(outcome.Versions, outcome.Organisations, outcome.Counterparties, outcome.HitsOpened);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            // A failed round (database briefly away, schema not yet migrated) is retried at the next tick.
#pragma warning disable CA1031 // The worker must outlive any one failed round; the failure is logged.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Screened {Organisations} organisations and {Counterparties} counterparties against {Versions} new list version(s); {Hits} hit(s) opened")]
    private partial void LogRescreened(int versions, int organisations, int counterparties, int hits);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rescreening failed; retrying at the next tick")]
    private partial void LogFailed(Exception exception);
}
