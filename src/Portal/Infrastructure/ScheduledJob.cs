using System.Diagnostics;

namespace Portal.Infrastructure;

/// <summary>
/// The one loop behind every background job: run once at start, then every <see cref="Period"/>, each run in a DI
/// scope of its own; a failed run is logged and the next one tries again, so a database outage never stops the host
/// (and with it the portal). The period is a heartbeat in real time, not business time: whether something is due is
/// decided inside the run, on <see cref="TimeProvider"/>, so tests call the work directly on a fake clock.
/// </summary>
public abstract class ScheduledJob(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    protected ILogger Logger { get; } = logger;

    /// <summary>Time between the end of one run and the start of the next.</summary>
    protected abstract TimeSpan Period { get; }

    /// <summary>False: the job never runs in the background (tests run the work themselves; a missing setting).</summary>
    protected virtual bool RunsInBackground => true;

    /// <summary>One run, in the scope the loop made for it.</summary>
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>One run in a scope of its own, as the loop does it, with failures left to the caller.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = CreateScope();
        await RunAsync(scope.ServiceProvider, cancellationToken);
    }

    protected AsyncServiceScope CreateScope() => scopes.CreateAsyncScope();

    /// <summary>Waits for the next run; false ends the loop. A job woken by events overrides this.</summary>
    protected virtual async Task<bool> WaitForNextRunAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Period, cancellationToken);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!RunsInBackground)
        {
            return;
        }

        PortalMetrics metrics;
        using (var scope = scopes.CreateScope())
        {
            metrics = scope.ServiceProvider.GetRequiredService<PortalMetrics>();
        }

        do
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await RunOnceAsync(stoppingToken);
                metrics.JobRan(GetType().Name, succeeded: true, Stopwatch.GetElapsedTime(started));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                metrics.JobRan(GetType().Name, succeeded: false, Stopwatch.GetElapsedTime(started));
                Logger.LogError(ex, "Background job {Job} failed; it runs again in {Period}", GetType().Name, Period);
            }
        }
        while (await WaitForNextRunAsync(stoppingToken));
    }
}
