using System.Globalization;
using Portal.Features.Catalogue;

namespace Portal.Features.Postings;

/// <summary>
/// An offer's application deadline. "Apply by 30 April" means to the end of that day in Geneva time, as for a
/// catalogue call (<see cref="CallCalendar"/>), whatever the server's clock zone; an offer without one is open until it
/// expires.
/// </summary>
public static class OfferDeadline
{
    private static readonly TimeZoneInfo Geneva = TimeZoneInfo.FindSystemTimeZoneById(CallCalendar.DefaultTimeZone);

    /// <summary>Whether applications are still taken at <paramref name="now"/>: through the end of the deadline day in Geneva.</summary>
    public static bool IsOpen(DateOnly? deadline, DateTimeOffset now) =>
        deadline is not { } day || now < CallCalendar.StartOf(day.AddDays(1), Geneva);

    /// <summary>The calendar day in Geneva at <paramref name="now"/>: a deadline before it has passed.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Geneva).DateTime);

    /// <summary>"Apply by 30 April 2027 (Geneva time)", or "Applications closed on 30 April 2027" once it has passed.</summary>
    public static string Describe(DateOnly deadline, DateTimeOffset now)
    {
        var day = deadline.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        return IsOpen(deadline, now) ? $"Apply by {day} (Geneva time)" : $"Applications closed on {day}";
    }
}
