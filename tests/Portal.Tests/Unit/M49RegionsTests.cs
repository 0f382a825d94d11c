using Portal.Data;
using Portal.Features.Participants;
using Portal.Features.Postings;

namespace Portal.Tests.Unit;

public class M49RegionsTests
{
    private static readonly CountryPlace Lao = new("LAO", "Lao People's Democratic Republic", Regions.Asia, Regions.SouthEasternAsia);

    [Fact]
    public void EveryRegionAndSubregionOfTheStatesFile_IsKnown_AndEachSubregionLiesInItsRegion()
    {
        var (rows, _, _) = StatesFile.Read(Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "states.csv"));
        Assert.All(rows, row =>
        {
            var region = M49Regions.FromM49Name(row.Region);
            var subregion = M49Regions.FromM49Name(row.Subregion);
            Assert.True(M49Regions.Continents.Contains(region), $"{row.Iso3}: region {row.Region}");
            Assert.True(M49Regions.IsSubregion(subregion), $"{row.Iso3}: sub-region {row.Subregion}");
            Assert.Equal(region, M49Regions.RegionOf(subregion));
        });
    }

    [Fact]
    public void InOrder_IsGlobalThenEachRegionFollowedByItsSubregions_EveryFlagOnce()
    {
        Assert.Equal(Regions.Global, M49Regions.InOrder[0]);
        Assert.Equal([Regions.Asia, Regions.CentralAsia, Regions.EasternAsia, Regions.SouthEasternAsia, Regions.SouthernAsia, Regions.WesternAsia],
            M49Regions.InOrder.SkipWhile(r => r != Regions.Asia).Take(6));
        Assert.Equal(Enum.GetValues<Regions>().Where(r => r != Regions.None).Order(), M49Regions.InOrder.Order());
    }

    [Fact]
    public void Concerned_AddsTheRegionOfAChosenSubregion_AndTheRegionAndSubregionOfEachCountry()
    {
        Assert.Equal(Regions.SouthEasternAsia | Regions.Asia, M49Regions.Concerned(Regions.SouthEasternAsia, []));
        Assert.Equal(Regions.Global | Regions.Asia | Regions.SouthEasternAsia | Regions.Europe | Regions.WesternEurope,
            M49Regions.Concerned(Regions.Global, [("Asia", "South-eastern Asia"), ("Europe", "Western Europe")]));
        Assert.Equal(Regions.None, M49Regions.Concerned(Regions.None, [(null, null), ("Atlantis", "Nowhere")]));
    }

    [Fact]
    public void ApplyingTo_ACountry_IsItsSubregionRegionAndGlobal() =>
        Assert.Equal(Regions.SouthEasternAsia | Regions.Asia | Regions.Global, M49Regions.ApplyingTo(Lao));

    [Theory]
    [InlineData(true, Regions.Global, "Applies to Lao People's Democratic Republic: named in the posting.")]
    [InlineData(false, Regions.SouthEasternAsia | Regions.Global, "Applies to South-East Asia.")]
    [InlineData(false, Regions.Asia | Regions.Global, "Applies to Asia.")]
    [InlineData(false, Regions.Global | Regions.Africa, "Applies worldwide.")]
    [InlineData(false, Regions.EasternAsia | Regions.Europe, null)]
    public void WhyItApplies_NamesTheNearestPlaceThatHoldsTheCountry(bool namesCountry, Regions chosen, string? expected) =>
        Assert.Equal(expected, M49Regions.WhyItApplies(Lao, namesCountry, chosen));

    [Fact]
    public void Labels_AreM49Names_ButSouthEastAsia()
    {
        Assert.Equal("South-East Asia", Regions.SouthEasternAsia.Label());
        Assert.Equal("Latin America and the Caribbean", Regions.LatinAmericaAndTheCaribbean.Label());
        Assert.Equal("the Americas", Regions.Americas.Place());
        Assert.Equal("Global", Regions.Global.Label());
    }
}
