using Portal.Data;
using Portal.Features.Catalogue;

namespace Portal.Tests.Unit;

public sealed class CallCalendarTests
{
    private static CatalogueCall Call(string zone = "Europe/Zurich") => new()
    {
        Title = "Call",
        Instructions = "",
        ContactPersons = "",
        TimeZone = zone,
        OpensOn = new DateOnly(2027, 1, 15),
        Deadline = new DateOnly(2027, 4, 30),
        PageLimit = 10,
        Status = CallStatus.Published,
    };

    [Theory]
    [InlineData("Europe/Zurich", "2027-04-30T22:00:00Z")]
    [InlineData("Asia/Bangkok", "2027-04-30T17:00:00Z")]
    [InlineData("America/New_York", "2027-05-01T04:00:00Z")]
    [InlineData("UTC", "2027-05-01T00:00:00Z")]
    public void ClosesAt_IsTheEndOfTheDeadlineDayInTheCallsZone(string zone, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CallCalendar.ClosesAt(Call(zone)));
    }

    [Fact]
    public void ClosesAt_InWinter_UsesWinterTime()
    {
        var call = Call();
        call.Deadline = new DateOnly(2027, 1, 31);
        Assert.Equal(new DateTimeOffset(2027, 1, 31, 23, 0, 0, TimeSpan.Zero), CallCalendar.ClosesAt(call));
    }

    [Fact]
    public void StartOf_ADayThatBeginsInADaylightSavingGap_IsTheFirstValidInstant()
    {
        // Santiago de Chile moved its clocks from 00:00 to 01:00 on 8 September 2024: that day has no midnight.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        var start = CallCalendar.StartOf(new DateOnly(2024, 9, 8), zone);
        Assert.Equal(new DateTimeOffset(2024, 9, 8, 1, 0, 0, TimeSpan.FromHours(-3)), start);
    }

    [Fact]
    public void Extension_MovesTheDeadline_ButNeverEarlier()
    {
        var call = Call();
        Assert.Equal(CallCalendar.ClosesAt(call), CallCalendar.ClosesAt(call, new DateOnly(2027, 4, 1)));
        Assert.Equal(new DateTimeOffset(2027, 5, 15, 22, 0, 0, TimeSpan.Zero), CallCalendar.ClosesAt(call, new DateOnly(2027, 5, 15)));
    }

    [Theory]
    [InlineData("2027-01-14T12:00:00Z", false)]
    [InlineData("2027-01-14T23:00:00Z", true)]
    [InlineData("2027-04-30T21:59:59Z", true)]
    [InlineData("2027-04-30T22:00:00Z", false)]
    public void TakesSubmissions_FromOpeningToDeadline_InTheCallsZone(string now, bool open)
    {
        Assert.Equal(open, CallCalendar.TakesSubmissions(Call(), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void TakesSubmissions_NotForADraftOrCancelledCall()
    {
        var call = Call();
        var now = new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
        call.Status = CallStatus.Draft;
        Assert.False(CallCalendar.TakesSubmissions(call, now));
        call.Status = CallStatus.Cancelled;
        Assert.False(CallCalendar.TakesSubmissions(call, now));
    }

    [Theory]
    [InlineData("2027-04-18T10:00:00Z", "Closes in 12 days, at the end of 30 April 2027 (Geneva time).")]
    [InlineData("2027-04-29T21:59:00Z", "Closes tomorrow, at the end of 30 April 2027 (Geneva time).")]
    [InlineData("2027-04-30T10:00:00Z", "Closes today, at the end of 30 April 2027 (Geneva time): 12 hours left.")]
    [InlineData("2027-04-30T20:30:00Z", "Closes today, at the end of 30 April 2027 (Geneva time): about an hour left.")]
    [InlineData("2027-04-30T21:30:00Z", "Closes today, at the end of 30 April 2027 (Geneva time): less than an hour left.")]
    [InlineData("2027-05-01T08:00:00Z", "Closed at the end of 30 April 2027 (Geneva time).")]
    [InlineData("2027-01-01T08:00:00Z", "Opens on 15 January 2027; closes at the end of 30 April 2027 (Geneva time).")]
    public void TimeLeft_SaysItInAWholeSentence(string now, string expected)
    {
        Assert.Equal(expected, CallCalendar.TimeLeft(Call(), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
