using Portal.Data;
using Portal.Features.Postings;

namespace Portal.Tests.Unit;

public class PostingContentTests
{
    private static Posting Sample() => new()
    {
        Kind = PostingKind.Need,
        Title = "Survey of Xieng Khouang",
        Summary = "A non-technical survey.",
        Body = "## Context\r\n\r\nLine one.\r\nLine two.\r\n",
        Areas = CcmAreas.VictimAssistance | CcmAreas.ClearanceAndRiskEducation,
        AssistanceTypes = AssistanceTypes.Financial,
        Countries = [new() { CountryCode = "VNM" }, new() { CountryCode = "LAO" }],
        ChosenRegions = Regions.Global,
        Budget = 250000m,
        Currency = "USD",
        ContactPoint = "Programme officer",
        Visibility = Visibility.StatesOnly,
        ValidUntil = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };

    private static string FingerprintOf(Posting posting) => PostingContent.Fingerprint(PostingContent.Of(posting, "LAO").ToCanonical());

    [Fact]
    public void Fingerprint_IsStable_AcrossRunsOrderAndLineEndings()
    {
        var a = Sample();
        var b = Sample();
        b.Countries.Reverse();
        b.Body = b.Body.Replace("\r\n", "\n", StringComparison.Ordinal);
        b.Budget = 250000.00m;
        Assert.Equal(FingerprintOf(a), FingerprintOf(b));
        // Pinned: a change of canonical form would silently break every published fingerprint.
        Assert.Equal("ccm-cooperation-portal/posting/1", PostingContent.Format);
        Assert.Matches("^[0-9a-f]{64}$", FingerprintOf(a));
    }

    [Fact]
    public void Fingerprint_ChangesWithAnyContent_ButNotWithValidity()
    {
        var original = FingerprintOf(Sample());
        var changes = new Action<Posting>[]
        {
            p => p.Title += ".",
            p => p.Summary = "A non-technical survey!",
            p => p.Body += " ",
            p => p.Areas |= CcmAreas.Transparency,
            p => p.AssistanceTypes = AssistanceTypes.Legal,
            p => p.Countries.Add(new() { CountryCode = "KHM" }),
            p => p.ChosenRegions = Regions.None,
            p => p.Budget = 250001m,
            p => p.Currency = "EUR",
            p => p.Period = "2027",
            p => p.ContactPoint = "Someone else",
            p => p.Visibility = Visibility.StatesAndObservers,
            p => p.Kind = PostingKind.Offer,
        };
        foreach (var change in changes)
        {
            var posting = Sample();
            change(posting);
            Assert.NotEqual(original, FingerprintOf(posting));
        }

        var renewed = Sample();
        renewed.ValidUntil = renewed.ValidUntil.AddYears(1);
        Assert.Equal(original, FingerprintOf(renewed));
    }

    [Fact]
    public void Canonical_RoundTrips_AndKeepsTextReadable()
    {
        var canonical = PostingContent.Of(Sample(), "LAO").ToCanonical();
        Assert.Contains("\"title\": \"Survey of Xieng Khouang\"", canonical, StringComparison.Ordinal);
        Assert.EndsWith("\n", canonical, StringComparison.Ordinal);
        var back = PostingContent.FromCanonical(canonical);
        Assert.Equal(["LAO", "VNM"], back.Countries);
        Assert.Equal("250000.00", back.Budget);
        Assert.Equal(canonical, back.ToCanonical());
    }

    [Theory]
    [InlineData("victim assistance", "(\"victim\" \"assistance\")")]
    [InlineData("\"risk education\" Laos", "(\"risk education\" \"Laos\")")]
    [InlineData("NEAR(a b) OR *", "(\"NEAR a\" \"b\" \"OR\")")]
    [InlineData("e-mail", "(\"e mail\")")]
    [InlineData("A3 maps \"UXO 2024\"", "({Title Summary Body} : \"A3\" \"maps\" {Title Summary Body} : \"UXO 2024\")")]
    [InlineData("  \"  ", null)]
    [InlineData("", null)]
    public void FullTextQuery_QuotesEveryTerm(string typed, string? expected) =>
        Assert.Equal(expected, FullTextQuery.For(postgres: false, typed));

    [Fact]
    public void FullTextQuery_KeepsAtMostTwelveTerms() =>
        Assert.Equal(FullTextQuery.MaxTerms, FullTextQuery.Terms(string.Join(' ', Enumerable.Range(0, 50).Select(i => "w" + i))).Count);
}
