using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// The one loop behind every background job, in the app's own services (each run takes the job's lease in the
/// database): a failed run is logged and the next one still comes, each run is counted in the portal's metrics.
/// </summary>
public sealed class ScheduledJobTests : PortalTest
{
    [Fact]
    public async Task FailedRuns_AreLoggedAndCounted_AndTheLoopGoesOn_EachRunInAScopeOfItsOwn()
    {
        var runs = new List<(long Count, string Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PortalMetrics.MeterName && instrument.Name == "portal.job.runs")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var fields = tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString());
            if (fields["job"] == nameof(FlakyJob))
            {
                lock (runs)
                {
                    runs.Add((value, fields["outcome"]!));
                }
            }
        });
        listener.Start();

        var logs = new LogCollector();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        using var job = new FlakyJob(Factory.Services.GetRequiredService<IServiceScopeFactory>(), loggers.CreateLogger<FlakyJob>(), failures: 2);

        await job.StartAsync(CancellationToken.None);
        await job.Done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await job.StopAsync(CancellationToken.None);

        Assert.Equal(3, job.Scopes.Count);
        Assert.Equal(3, job.Scopes.Distinct().Count());
        Assert.Equal(2, logs.Entries.Count(e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException));
        lock (runs)
        {
            Assert.Equal([(1L, "failure"), (1L, "failure"), (1L, "success")], runs);
        }
    }

    [Fact]
    public async Task RunOnce_LetsTheCallerSeeTheFailure()
    {
        using var loggers = LoggerFactory.Create(b => b.ClearProviders());
        using var job = new FlakyJob(Factory.Services.GetRequiredService<IServiceScopeFactory>(), loggers.CreateLogger<FlakyJob>(), failures: 1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => job.RunOnceAsync());
        await job.RunOnceAsync();
        Assert.True(job.Done.Task.IsCompleted);
    }

    /// <summary>Fails its first runs, then completes <see cref="Done"/> and ends the loop; no waiting between runs.</summary>
    private sealed class FlakyJob(IServiceScopeFactory scopes, ILogger logger, int failures) : ScheduledJob(scopes, logger)
    {
        public List<IServiceProvider> Scopes { get; } = [];

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override TimeSpan Period => TimeSpan.FromHours(1);

        protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            Scopes.Add(services);
            if (Scopes.Count <= failures)
            {
                throw new InvalidOperationException("The database is away.");
            }

            Done.TrySetResult();
            return Task.CompletedTask;
        }

        protected override Task<bool> WaitForNextRunAsync(CancellationToken cancellationToken) => Task.FromResult(!Done.Task.IsCompleted);
    }
}
