using Microsoft.Extensions.Options;
using Portal.Infrastructure;

namespace Portal.Features.Catalogue;

public sealed class CatalogueOptions
{
    /// <summary>False only in tests, which run the catalogue's announcements themselves so that they know when they ran.</summary>
    public bool AnnouncementsInBackground { get; set; } = true;

    /// <summary>False only in tests that run the builds themselves (<see cref="CatalogueBuilds.RunNextAsync"/>).</summary>
    public bool BuildsInBackground { get; set; } = true;
}

/// <summary>
/// Sends the announcements and reminders of calls when they are due (<see cref="CallAnnouncements"/>), and tells the
/// editors of submissions that arrived during a burst (<see cref="ContributionNotices"/>).
/// </summary>
public sealed class CatalogueJob(IServiceScopeFactory scopes, IOptions<CatalogueOptions> options, ILogger<CatalogueJob> logger)
    : ScheduledJob(scopes, logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(15);

    protected override bool RunsInBackground => options.Value.AnnouncementsInBackground;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var report = await services.GetRequiredService<CallAnnouncements>().RunAsync(cancellationToken);
        if (report.Announced + report.Reminded > 0)
        {
            Logger.LogInformation("Catalogue: {Announced} call announcement(s) and {Reminded} reminder(s) queued", report.Announced, report.Reminded);
        }

        var told = await services.GetRequiredService<ContributionNotices>().TellEditorsAsync(cancellationToken);
        if (told > 0)
        {
            Logger.LogInformation("Catalogue: told the editors of {Count} submitted contribution(s)", told);
        }
    }
}
