namespace Portal.Features.Notices;

public static class NoticesSetup
{
    /// <summary>The daily summary and its job. Each feature registers its own <see cref="IWaitingItems"/>.</summary>
    public static IServiceCollection AddNotices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NoticeOptions>().Bind(configuration.GetSection("Notices"))
            .Validate(o => o.SummaryHour is >= 0 and <= 23, "Notices:SummaryHour must be an hour from 0 to 23.")
            .Validate(o => IsKnownZone(o.TimeZone), "Notices:TimeZone must be a time zone the server knows, such as Europe/Zurich.")
            .ValidateOnStart();
        services.AddScoped<WaitingItems>();
        services.AddScoped<DailySummary>();
        services.AddScoped<NoticeMail>();
        services.AddHostedService<DailySummaryJob>();
        return services;
    }

    private static bool IsKnownZone(string id)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return false;
        }
    }
}
