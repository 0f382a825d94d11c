using Microsoft.Extensions.Options;
using Portal.Infrastructure;

namespace Portal.Features.Notices;

/// <summary>
/// Looks every few minutes whether the daily summary is due (<see cref="DailySummary.SendDueAsync"/>): at the summary
/// hour, or at the first run after it if the portal was down then.
/// </summary>
public sealed class DailySummaryJob(IServiceScopeFactory scopes, IOptions<NoticeOptions> options, ILogger<DailySummaryJob> logger)
    : ScheduledJob(scopes, logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(5);

    protected override bool RunsInBackground => options.Value.SummaryInBackground;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var sent = await services.GetRequiredService<DailySummary>().SendDueAsync(cancellationToken);
        if (sent > 0)
        {
            Logger.LogInformation("Sent {Count} daily summary e-mail(s)", sent);
        }
    }
}
