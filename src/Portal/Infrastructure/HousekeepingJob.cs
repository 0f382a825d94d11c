using Microsoft.Extensions.Options;

namespace Portal.Infrastructure;

/// <summary>
/// Runs <see cref="Housekeeping"/> at start and every hour. Several instances may run it at once: each delete
/// removes what is due and nothing else, so a second one finds nothing left.
/// </summary>
public sealed class HousekeepingJob(IServiceScopeFactory scopes, IOptions<HousekeepingOptions> options, ILogger<HousekeepingJob> logger)
    : ScheduledJob(scopes, logger)
{
    protected override TimeSpan Period => TimeSpan.FromHours(1);

    protected override bool RunsInBackground => options.Value.InBackground;

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<Housekeeping>().RunAsync(cancellationToken);
}
