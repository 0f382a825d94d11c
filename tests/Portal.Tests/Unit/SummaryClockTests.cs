using System.Globalization;
using Portal.Features.Notices;

namespace Portal.Tests.Unit;

/// <summary>The daily summary falls due at its local hour, whatever daylight saving time does to that day.</summary>
public sealed class SummaryClockTests
{
    private static readonly TimeZoneInfo Zurich = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-03-28", 7, "2026-03-28T06:00:00Z")] // winter time, UTC+1
    [InlineData("2026-03-29", 7, "2026-03-29T05:00:00Z")] // the day summer time starts, UTC+2
    [InlineData("2026-10-24", 7, "2026-10-24T05:00:00Z")]
    [InlineData("2026-10-25", 7, "2026-10-25T06:00:00Z")] // the day winter time returns
    [InlineData("2026-03-29", 2, "2026-03-29T01:00:00Z")] // 02:00 does not exist that night: 03:00 summer time
    [InlineData("2026-10-25", 2, "2026-10-25T00:00:00Z")] // 02:00 comes twice that night: the first, in summer time
    [InlineData("2026-07-01", 0, "2026-06-30T22:00:00Z")]
    public void At_IsTheLocalHourOfTheDay(string day, int hour, string expected)
    {
        Assert.Equal(At(expected), SummaryClock.At(DateOnly.Parse(day, CultureInfo.InvariantCulture), Zurich, hour));
    }

    [Theory]
    [InlineData("2026-03-29T04:59:59Z", "2026-03-28")] // 06:59:59 summer time: not yet
    [InlineData("2026-03-29T05:00:00Z", "2026-03-29")]
    [InlineData("2026-12-06T21:59:00Z", "2026-12-06")] // 22:59 the same evening
    [InlineData("2026-12-06T23:30:00Z", "2026-12-06")] // 00:30 local, the next day: still the day before's
    public void DayDue_IsTodayFromTheHourOn_YesterdayBefore(string now, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), SummaryClock.DayDue(At(now), Zurich, 7));
    }

    [Theory]
    [InlineData("2026-03-28T06:30:00Z", "2026-03-29T05:00:00Z")] // 23 hours later across the change to summer time
    [InlineData("2026-10-24T05:30:00Z", "2026-10-25T06:00:00Z")] // 25 hours later across the change back
    [InlineData("2026-12-06T05:59:59Z", "2026-12-06T06:00:00Z")] // a second before the hour: that hour
    [InlineData("2026-12-06T06:00:00Z", "2026-12-07T06:00:00Z")] // at the hour: today's is due, the next is tomorrow's
    public void NextAt_IsTheComingSummaryHour(string now, string expected)
    {
        Assert.Equal(At(expected), SummaryClock.NextAt(At(now), Zurich, 7));
    }
}
