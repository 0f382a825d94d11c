using Microsoft.Extensions.Options;
using Portal.Infrastructure;

namespace Portal.Features.Subscriptions;

public sealed class SubscriptionOptions
{
    /// <summary>False only in tests, which run the digest themselves so that they know when it ran.</summary>
    public bool DigestInBackground { get; set; } = true;
}

/// <summary>Looks every five minutes for subscription e-mails that are due: "at once" means within minutes.</summary>
public sealed class SubscriptionDigestJob(
    IServiceScopeFactory scopes, IOptions<SubscriptionOptions> options, ILogger<SubscriptionDigestJob> logger)
    : ScheduledJob(scopes, logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(5);

    protected override bool RunsInBackground => options.Value.DigestInBackground;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var sent = await services.GetRequiredService<SubscriptionDigest>().SendDueAsync(cancellationToken);
        if (sent > 0)
        {
            Logger.LogInformation("Sent {Count} subscription e-mail(s)", sent);
        }
    }
}

public static class SubscriptionsSetup
{
    public static IServiceCollection AddSubscriptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SubscriptionOptions>().Bind(configuration.GetSection("Subscriptions"));
        services.AddSingleton<UnsubscribeLinks>();
        services.AddScoped<SubscriptionMail>();
        services.AddScoped<SubscriptionDigest>();
        services.AddHostedService<SubscriptionDigestJob>();
        return services;
    }
}
