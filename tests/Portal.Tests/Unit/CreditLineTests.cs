using Portal.Features.Catalogue.Book;

namespace Portal.Tests.Unit;

/// <summary>A figure's credit line says "Photo:" once, and not at all when the contributor said what it credits.</summary>
public sealed class CreditLineTests
{
    [Theory]
    [InlineData("K. Phommachanh / Mine Action Centre", "Photo: K. Phommachanh / Mine Action Centre")]
    [InlineData("Photo: K. Phommachanh", "Photo: K. Phommachanh")]
    [InlineData("Map: National Mine Action Authority", "Map: National Mine Action Authority")]
    [InlineData("UNDP, 2021: survey data", "Photo: UNDP, 2021: survey data")]
    [InlineData(":", "Photo: :")]
    public void CreditLine_PrefixesPhotoOnlyWhenTheCreditDoesNotSayWhatItCredits(string credit, string expected) =>
        Assert.Equal(expected, ChapterMarkup.CreditLine(credit));
}
