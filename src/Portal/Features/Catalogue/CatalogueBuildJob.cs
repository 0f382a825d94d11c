using Microsoft.Extensions.Options;
using Portal.Infrastructure;

namespace Portal.Features.Catalogue;

/// <summary>
/// Runs the builds editors ask for, one after the other, woken at once by a request (<see cref="BuildSignal"/>); after
/// builds, and once a day, removes the files older builds need not keep (<see cref="BuildPurge"/>).
/// </summary>
public sealed class CatalogueBuildJob(
    IServiceScopeFactory scopes, BuildSignal signal, IOptions<CatalogueOptions> options, TimeProvider time, ILogger<CatalogueBuildJob> logger)
    : ScheduledJob(scopes, logger)
{
    public static readonly TimeSpan PurgeEvery = TimeSpan.FromDays(1);

    private DateTimeOffset lastPurge = DateTimeOffset.MinValue;

    protected override TimeSpan Period => TimeSpan.FromMinutes(1);

    protected override bool RunsInBackground => options.Value.BuildsInBackground;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // Each build in a scope of its own, so that nothing of one build stays with the next.
        var built = false;
        while (await RunOneAsync(cancellationToken))
        {
            built = true;
        }

        if (built || time.GetUtcNow() - lastPurge >= PurgeEvery)
        {
            await services.GetRequiredService<BuildPurge>().RunAsync(cancellationToken);
            lastPurge = time.GetUtcNow();
        }

        async Task<bool> RunOneAsync(CancellationToken token)
        {
            await using var scope = CreateScope();
            return await scope.ServiceProvider.GetRequiredService<CatalogueBuilds>().RunNextAsync(token);
        }
    }

    protected override async Task<bool> WaitForNextRunAsync(CancellationToken cancellationToken)
    {
        await signal.WaitAsync(Period, cancellationToken);
        return true;
    }
}
