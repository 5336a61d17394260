using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Entente.Application.TransparencyLog;

/// <summary>Signs a checkpoint about every <see cref="TransparencyLogOptions.CheckpointInterval"/> while entries arrive.</summary>
public sealed partial class CheckpointService(IServiceScopeFactory scopes, IOptions<TransparencyLogOptions> options, TimeProvider clock, ILogger<CheckpointService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval, clock);
        try
        {
            do
            {
                await RoundAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task RoundAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var signed = await scope.ServiceProvider.GetRequiredService<CheckpointSigner>().SignAsync(stoppingToken);
            if (signed is not null)
            {
                LogSigned(signed.Size);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failed round (database restarting, lock timeout) must not stop the service; the next tick retries.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Signed a checkpoint of size {Size}")]
    private partial void LogSigned(long size);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signing a checkpoint failed; retrying on the next tick")]
    private partial void LogFailed(Exception exception);
}
