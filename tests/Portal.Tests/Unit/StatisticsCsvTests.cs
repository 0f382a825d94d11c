using Portal.Features.Statistics;

namespace Portal.Tests.Unit;

public sealed class StatisticsCsvTests
{
    [Theory]
    [InlineData("=cmd|'/C calc'!A0", "'=cmd|'/C calc'!A0")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("Mines Advisory Group", "Mines Advisory Group")]
    [InlineData("Victim assistance (Art. 5)", "Victim assistance (Art. 5)")]
    public void Field_NeutralisesWhatCouldStartAFormula(string value, string expected) =>
        Assert.Equal(expected, StatisticsCsv.Field(value));

    [Theory]
    [InlineData("Relief, Inc.", "\"Relief, Inc.\"")]
    [InlineData("The \"Relief\"", "\"The \"\"Relief\"\"\"")]
    [InlineData("Two\nlines", "\"Two\nlines\"")]
    [InlineData("=1,2", "\"'=1,2\"")]
    public void Field_QuotesCommasQuotesAndLineBreaks(string value, string expected) =>
        Assert.Equal(expected, StatisticsCsv.Field(value));
}
