using System.Globalization;
using Portal.Features.Postings;

namespace Portal.Tests.Unit;

/// <summary>An offer's application deadline is open through the end of its day in Geneva, in summer and in winter.</summary>
public sealed class OfferDeadlineTests
{
    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture);

    [Theory]
    // Summer time (UTC+2): the day ends at 22:00 UTC.
    [InlineData("2027-04-30", "2027-04-30T21:59:59Z", true)]
    [InlineData("2027-04-30", "2027-04-30T22:00:00Z", false)]
    // Winter time (UTC+1): the day ends at 23:00 UTC.
    [InlineData("2027-01-15", "2027-01-15T22:59:59Z", true)]
    [InlineData("2027-01-15", "2027-01-15T23:00:00Z", false)]
    // The evening before the clocks go forward (28 March 2027) still ends at winter midnight.
    [InlineData("2027-03-27", "2027-03-27T22:59:59Z", true)]
    [InlineData("2027-03-27", "2027-03-27T23:00:00Z", false)]
    // The evening before the clocks go back (31 October 2027) still ends at summer midnight.
    [InlineData("2027-10-30", "2027-10-30T21:59:59Z", true)]
    [InlineData("2027-10-30", "2027-10-30T22:00:00Z", false)]
    // Early on the deadline day in Geneva, though still the day before in UTC.
    [InlineData("2027-05-01", "2027-04-30T22:30:00Z", true)]
    public void IsOpen_ThroughTheEndOfTheDeadlineDayInGeneva(string deadline, string now, bool open) =>
        Assert.Equal(open, OfferDeadline.IsOpen(DateOnly.Parse(deadline, CultureInfo.InvariantCulture), At(now)));

    [Fact]
    public void IsOpen_WithoutADeadline_Always() =>
        Assert.True(OfferDeadline.IsOpen(null, DateTimeOffset.MaxValue));

    [Fact]
    public void Today_IsTheCalendarDayInGeneva() =>
        Assert.Equal(new DateOnly(2027, 5, 1), OfferDeadline.Today(At("2027-04-30T22:30:00Z")));

    [Fact]
    public void Describe_SaysTheDayAndWhetherApplicationsAreClosed()
    {
        var deadline = new DateOnly(2027, 4, 30);
        Assert.Equal("Apply by 30 April 2027 (Geneva time)", OfferDeadline.Describe(deadline, At("2027-04-30T21:59:59Z")));
        Assert.Equal("Applications closed on 30 April 2027", OfferDeadline.Describe(deadline, At("2027-04-30T22:00:00Z")));
    }
}
