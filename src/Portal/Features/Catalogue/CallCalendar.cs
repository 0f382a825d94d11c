using Portal.Data;

namespace Portal.Features.Catalogue;

/// <summary>
/// When a call opens and closes. "Not later than 30 April" means to the end of that day in the call's time zone
/// (Geneva time unless the editors chose another), so a call closes at the first instant of the next day there,
/// whatever the server's clock zone; an extension moves that day for one participant only.
/// </summary>
public static class CallCalendar
{
    public const string DefaultTimeZone = "Europe/Zurich";

    public const int DefaultPageLimit = 10;

    /// <summary>The days before the deadline on which States that have not submitted are reminded.</summary>
    public static readonly int[] ReminderDays = [30, 7, 1];

    public static TimeZoneInfo ZoneOf(CatalogueCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return TimeZoneInfo.FindSystemTimeZoneById(call.TimeZone);
    }

    public static bool IsKnownTimeZone(string id)
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

    /// <summary>The first instant of <paramref name="day"/> in the zone, as a point in time.</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A day that starts inside a daylight-saving gap starts when the clocks show a valid time again.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static DateTimeOffset OpensAt(CatalogueCall call) => StartOf(call.OpensOn, ZoneOf(call));

    /// <summary>The instant new submissions stop for this participant: the end of its deadline day.</summary>
    public static DateTimeOffset ClosesAt(CatalogueCall call, DateOnly? extension = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        var deadline = extension is { } later && later > call.Deadline ? later : call.Deadline;
        return StartOf(deadline.AddDays(1), ZoneOf(call));
    }

    /// <summary>Whether a new submission is taken now from a participant with this extension (if any).</summary>
    public static bool TakesSubmissions(CatalogueCall call, DateTimeOffset now, DateOnly? extension = null) =>
        call.Status == CallStatus.Published && now >= OpensAt(call) && now < ClosesAt(call, extension);

    /// <summary>The calendar day in the call's zone at <paramref name="now"/>.</summary>
    public static DateOnly Today(CatalogueCall call, DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, ZoneOf(call)).DateTime);

    /// <summary>Whole days from today (in the call's zone) to the deadline day: 0 on the deadline day itself.</summary>
    public static int DaysLeft(CatalogueCall call, DateTimeOffset now, DateOnly? extension = null)
    {
        var deadline = extension is { } later && later > call.Deadline ? later : call.Deadline;
        return deadline.DayNumber - Today(call, now).DayNumber;
    }

    /// <summary>"Closes in 12 days, at the end of 30 April 2027 (Geneva time)." and the like, for the form and home page.</summary>
    public static string TimeLeft(CatalogueCall call, DateTimeOffset now, DateOnly? extension = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        var deadline = extension is { } later && later > call.Deadline ? later : call.Deadline;
        var day = deadline.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var zone = ZoneName(call.TimeZone);
        if (now >= ClosesAt(call, extension))
        {
            return $"Closed at the end of {day} ({zone}).";
        }

        if (now < OpensAt(call))
        {
            return $"Opens on {call.OpensOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}; closes at the end of {day} ({zone}).";
        }

        var left = ClosesAt(call, extension) - now;
        return DaysLeft(call, now, extension) switch
        {
            0 => (int)left.TotalHours switch
            {
                0 => $"Closes today, at the end of {day} ({zone}): less than an hour left.",
                1 => $"Closes today, at the end of {day} ({zone}): about an hour left.",
                var hours => $"Closes today, at the end of {day} ({zone}): {hours} hours left.",
            },
            1 => $"Closes tomorrow, at the end of {day} ({zone}).",
            var n => $"Closes in {n} days, at the end of {day} ({zone}).",
        };
    }

    /// <summary>How the zone is named to people: "Geneva time" for the default.</summary>
    public static string ZoneName(string timeZone) => timeZone == DefaultTimeZone ? "Geneva time" : $"{timeZone} time";
}
