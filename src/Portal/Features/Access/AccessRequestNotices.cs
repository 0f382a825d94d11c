using Microsoft.Extensions.Options;
using Portal.Features.Accounts;
using Portal.Infrastructure;

namespace Portal.Features.Access;

public sealed class AccessRequestOptions
{
    /// <summary>False only in tests, which run the coordinators' notices themselves so that they know when they ran.</summary>
    public bool NoticesInBackground { get; set; } = true;
}

/// <summary>
/// Tells the coordinators of requests that arrived while they were told of others (<see cref="AccessRequests.TellCoordinatorsAsync"/>):
/// a burst becomes one e-mail per coordinator and <see cref="AccessRequests.NoticeInterval"/>, and the last of it is not
/// left waiting for the next request; and reminds them of requests still waiting after
/// <see cref="AccessRequests.RemindAfter"/> (<see cref="AccessRequests.RemindCoordinatorsAsync"/>); and runs the yearly
/// check of unused accounts (<see cref="IdleAccounts"/>).
/// </summary>
public sealed class AccessRequestNotices(IServiceScopeFactory scopes, IOptions<AccessRequestOptions> options, ILogger<AccessRequestNotices> logger)
    : ScheduledJob(scopes, logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(1);

    protected override bool RunsInBackground => options.Value.NoticesInBackground;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var requests = services.GetRequiredService<AccessRequests>();
        var told = await requests.TellCoordinatorsAsync(cancellationToken);
        if (told > 0)
        {
            Logger.LogInformation("Told the coordinators of {Count} access request(s)", told);
        }

        var reminded = await requests.RemindCoordinatorsAsync(cancellationToken);
        if (reminded > 0)
        {
            Logger.LogInformation("Reminded the coordinators of {Count} access request(s) waiting {Days} days", reminded, AccessRequests.RemindAfter.Days);
        }

        var (warned, disabled) = await services.GetRequiredService<IdleAccounts>().ReviewAsync(cancellationToken);
        if (warned + disabled > 0)
        {
            Logger.LogInformation("Warned {Warned} account(s) not used for a year; disabled {Disabled} warned {Days} days ago", warned, disabled, IdleAccounts.Grace.Days);
        }
    }
}
