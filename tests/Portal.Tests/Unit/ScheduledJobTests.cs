using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Unit;

/// <summary>The one loop behind every background job: a failed run is logged and the next one still comes.</summary>
public sealed class ScheduledJobTests
{
    [Fact]
    public async Task FailedRuns_AreLoggedAndTheLoopGoesOn_EachRunInAScopeOfItsOwn()
    {
        await using var services = new ServiceCollection().AddScoped<RunScope>().BuildServiceProvider();
        var logs = new LogCollector();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        using var job = new FlakyJob(services.GetRequiredService<IServiceScopeFactory>(), loggers.CreateLogger<FlakyJob>(), failures: 2);

        await job.StartAsync(CancellationToken.None);
        await job.Done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await job.StopAsync(CancellationToken.None);

        Assert.Equal(3, job.Scopes.Count);
        Assert.Equal(3, job.Scopes.Distinct().Count());
        Assert.Equal(2, logs.Entries.Count(e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException));
    }

    [Fact]
    public async Task RunOnce_LetsTheCallerSeeTheFailure()
    {
        await using var services = new ServiceCollection().AddScoped<RunScope>().BuildServiceProvider();
        using var loggers = LoggerFactory.Create(b => b.ClearProviders());
        using var job = new FlakyJob(services.GetRequiredService<IServiceScopeFactory>(), loggers.CreateLogger<FlakyJob>(), failures: 1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => job.RunOnceAsync());
        await job.RunOnceAsync();
        Assert.True(job.Done.Task.IsCompleted);
    }

    private sealed class RunScope;

    /// <summary>Fails its first runs, then completes <see cref="Done"/> and ends the loop; no waiting between runs.</summary>
    private sealed class FlakyJob(IServiceScopeFactory scopes, ILogger logger, int failures) : ScheduledJob(scopes, logger)
    {
        public List<object> Scopes { get; } = [];

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override TimeSpan Period => TimeSpan.FromHours(1);

        protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            Scopes.Add(services.GetRequiredService<RunScope>());
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
