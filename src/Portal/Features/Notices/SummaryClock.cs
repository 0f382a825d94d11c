namespace Portal.Features.Notices;

/// <summary>
/// When the daily summary falls due, in the summary's time zone: each local day at its hour. Pure, so that the turns of
/// daylight saving time are tested without a clock.
/// </summary>
public static class SummaryClock
{
    /// <summary>The latest local day whose summary hour has come: today from the hour on, yesterday before it.</summary>
    public static DateOnly DayDue(DateTimeOffset now, TimeZoneInfo zone, int hour)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        return local.Hour >= hour ? today : today.AddDays(-1);
    }

    /// <summary>The next moment the summary falls due: the coming summary hour of the day after <see cref="DayDue"/>.</summary>
    public static DateTimeOffset NextAt(DateTimeOffset now, TimeZoneInfo zone, int hour) =>
        At(DayDue(now, zone, hour).AddDays(1), zone, hour);

    /// <summary>
    /// The moment a day's summary falls due. An hour that a change to summer time skips becomes the first moment after
    /// it; an hour that the change back shows twice is its first showing. In UTC.
    /// </summary>
    public static DateTimeOffset At(DateOnly day, TimeZoneInfo zone, int hour)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        // In UTC, as every moment the portal stores (PostgreSQL takes no other offset).
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
