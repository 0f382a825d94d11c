using System.Diagnostics;

namespace Portal.Infrastructure;

/// <summary>
/// The one loop behind every background job: run once at start, then every <see cref="Period"/>, each run in a DI
/// scope of its own; a failed run is logged and the next one tries again, so a database outage never stops the host
/// (and with it the portal). The period is a heartbeat in real time, not business time: whether something is due is
/// decided inside the run, on <see cref="TimeProvider"/>, so tests call the work directly on a fake clock.
/// Every background run holds the job's lease (<see cref="JobLeases"/>), so that of several app instances on one
/// database only one runs a job at a time; the others skip that run. <see cref="RunOnceAsync"/>, which tests call,
/// takes no lease.
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

    /// <summary>
    /// One run as the background loop does it: only if this instance can take the job's lease, which is renewed while the
    /// run goes on and released at its end. False when another instance holds it (this run is skipped).
    /// </summary>
    public async Task<bool> RunLeasedAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = CreateScope();
        var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var job = GetType().Name;
        if (!await leases.TryTakeAsync(job, cancellationToken))
        {
            Logger.LogDebug("Job {Job} is running on another instance; this run is skipped", job);
            return false;
        }

        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = RenewAsync(leases, time, job, renewing.Token);
        try
        {
            await RunOnceAsync(cancellationToken);
            return true;
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            // Released even when the host is stopping, so that another instance need not wait for the lease to expire.
            await leases.ReleaseAsync(job, CancellationToken.None);
        }
    }

    private async Task RenewAsync(JobLeases leases, TimeProvider time, string job, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(JobLeases.RenewEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    if (!await leases.RenewAsync(job, stopping))
                    {
                        // The work inside keeps its own claims: the run goes on, and another instance's may overlap it.
                        Logger.LogWarning("Job {Job} lost its lease while running (not renewed within {Duration})", job, JobLeases.Duration);
                        return;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Logger.LogWarning(ex, "The lease of job {Job} could not be renewed; it tries again in {Interval}", job, JobLeases.RenewEvery);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The run has ended.
        }
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
                if (await RunLeasedAsync(stoppingToken))
                {
                    metrics.JobRan(GetType().Name, succeeded: true, Stopwatch.GetElapsedTime(started));
                }
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
