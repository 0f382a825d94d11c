using Portal.Data;
using Portal.Features.Participants;

namespace Portal.Tests.Unit;

public class StatesFileTests
{
    private static readonly string Path = System.IO.Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "states.csv");

    [Fact]
    public void ShippedFile_HasEveryStateOnceWithRegionAndStatus()
    {
        var (rows, asOf, source) = StatesFile.Read(Path);
        Assert.Equal(197, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.Iso3).Distinct().Count());
        Assert.All(rows, r =>
        {
            Assert.Matches("^[A-Z]{3}$", r.Iso3);
            Assert.Matches("^[0-9]{3}$", r.M49);
            Assert.False(string.IsNullOrWhiteSpace(r.Region));
            Assert.False(string.IsNullOrWhiteSpace(r.Subregion));
        });
        Assert.True(DateOnly.TryParse(asOf, System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.False(string.IsNullOrWhiteSpace(source));
    }

    [Fact]
    public void ShippedFile_MatchesTheOfficialTotalsOfItsDate()
    {
        var (rows, _, _) = StatesFile.Read(Path);
        Assert.Equal(111, rows.Count(r => r.Status == CcmStatus.StateParty));
        Assert.Equal(12, rows.Count(r => r.Status == CcmStatus.Signatory));
        Assert.Equal(CcmStatus.NotParty, rows.Single(r => r.Iso3 == "LTU").Status);
        Assert.Equal(CcmStatus.StateParty, rows.Single(r => r.Iso3 == "LAO").Status);
    }

    [Theory]
    [InlineData("a,b,c", new[] { "a", "b", "c" })]
    [InlineData("\"Korea, Republic of\",x", new[] { "Korea, Republic of", "x" })]
    [InlineData("\"say \"\"hi\"\"\",", new[] { "say \"hi\"", "" })]
    public void SplitCsv_FollowsRfc4180(string line, string[] expected) => Assert.Equal(expected, StatesFile.SplitCsv(line));
}
