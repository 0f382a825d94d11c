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
            p => p.ApplicationDeadline = new DateOnly(2027, 4, 30),
            p => p.Role = CooperationRole.Donor,
            p => p.Modalities = CooperationModalities.Regional,
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

    /// <summary>An offer as published before application deadlines existed, and its canonical text and fingerprint then.</summary>
    private static Posting OfferWithoutDeadline() => new()
    {
        Kind = PostingKind.Offer,
        Title = "Sponsored places at a regional workshop",
        Summary = "The ISU offers sponsored places at a regional workshop.",
        Body = "## What is offered\n\nTravel and three nights.\n",
        Areas = CcmAreas.Transparency,
        AssistanceTypes = AssistanceTypes.Training,
        ChosenRegions = Regions.Africa,
        Budget = 60000m,
        Currency = "CHF",
        Period = "Three days in 2027",
        ContactPoint = "workshops@isu.test",
        Visibility = Visibility.StatesAndObservers,
    };

    private const string CanonicalBeforeDeadlines = """
        {
          "format": "ccm-cooperation-portal/posting/1",
          "content": {
            "participant": "isu",
            "kind": "Offer",
            "title": "Sponsored places at a regional workshop",
            "summary": "The ISU offers sponsored places at a regional workshop.",
            "areas": [
              "Transparency"
            ],
            "assistanceTypes": [
              "Training"
            ],
            "countries": [],
            "regions": [
              "Africa"
            ],
            "budget": "60000.00",
            "currency": "CHF",
            "period": "Three days in 2027",
            "contactPoint": "workshops@isu.test",
            "visibility": "StatesAndObservers",
            "body": "## What is offered\n\nTravel and three nights.\n"
          }
        }

        """;

    [Fact]
    public void WithoutADeadline_CanonicalTextAndFingerprint_AreThoseFromBeforeDeadlines()
    {
        var canonical = PostingContent.Of(OfferWithoutDeadline(), "isu").ToCanonical();
        Assert.Equal(CanonicalBeforeDeadlines, canonical);
        // Taken with the code before application deadlines existed (commit 882d9a2).
        Assert.Equal("1c7d11317088fcebc6e1cb377a6b7da1e41dfbb2ca5ba937748194310aa1a0c1", PostingContent.Fingerprint(canonical));
        Assert.Null(PostingContent.FromCanonical(CanonicalBeforeDeadlines).ApplicationDeadline);
        Assert.Equal(CanonicalBeforeDeadlines, PostingContent.FromCanonical(CanonicalBeforeDeadlines).ToCanonical());
    }

    [Fact]
    public void WithADeadline_ItIsContent_AfterThePeriod_AndRoundTrips()
    {
        var offer = OfferWithoutDeadline();
        offer.ApplicationDeadline = new DateOnly(2027, 4, 30);
        var canonical = PostingContent.Of(offer, "isu").ToCanonical();
        Assert.Contains("\"period\": \"Three days in 2027\",\n    \"applicationDeadline\": \"2027-04-30\",\n    \"contactPoint\"", canonical, StringComparison.Ordinal);
        Assert.NotEqual("1c7d11317088fcebc6e1cb377a6b7da1e41dfbb2ca5ba937748194310aa1a0c1", PostingContent.Fingerprint(canonical));
        var back = PostingContent.FromCanonical(canonical);
        Assert.Equal(new DateOnly(2027, 4, 30), back.ApplicationDeadline);
        Assert.Equal(canonical, back.ToCanonical());
    }

    [Fact]
    public void WithARoleAndModalities_TheyAreContent_AfterTheRegions_RoundTrip_AndReadAsLabels()
    {
        var offer = OfferWithoutDeadline();
        offer.Role = CooperationRole.Both;
        offer.Modalities = CooperationModalities.Triangular | CooperationModalities.SouthSouth;
        var canonical = PostingContent.Of(offer, "isu").ToCanonical();
        Assert.Contains("\"Africa\"\n    ],\n    \"role\": \"Both\",\n    \"modalities\": [\n      \"SouthSouth\",\n      \"Triangular\"\n    ],\n    \"budget\"", canonical, StringComparison.Ordinal);
        var back = PostingContent.FromCanonical(canonical);
        Assert.Equal(CooperationRole.Both, back.Role);
        Assert.Equal(canonical, back.ToCanonical());

        var lines = VersionDiff.Readable(back, code => code).Split('\n');
        Assert.Contains("Role: Both donor and recipient", lines);
        Assert.Contains("Modality: South-South, Triangular", lines);
        Assert.DoesNotContain(VersionDiff.Readable(PostingContent.FromCanonical(CanonicalBeforeDeadlines), code => code).Split('\n'),
            line => line.StartsWith("Role", StringComparison.Ordinal) || line.StartsWith("Modality", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("victim assistance", "(\"victim\" * \"assistance\" *)")]
    [InlineData("physio", "(\"physio\" *)")]
    [InlineData("\"risk education\" Laos", "(\"risk education\" \"Laos\" *)")]
    [InlineData("NEAR(a b) OR *", "(\"NEAR a\" \"b\" \"OR\")")]
    [InlineData("e-mail", "(\"e mail\")")]
    [InlineData("A3 maps \"UXO 2024\"", "({Title Summary Body} : \"A3\" \"maps\" * {Title Summary Body} : \"UXO 2024\")")]
    [InlineData("clay koffer", "({Title Summary Body} : \"clay\" * {Title Summary Body} : \"koffer\" *)")]
    [InlineData("Écoles", "({Title Summary Body} : \"Écoles\" *)")]
    [InlineData("  \"  ", null)]
    [InlineData("", null)]
    public void FullTextQuery_QuotesEveryTerm(string typed, string? expected) =>
        Assert.Equal(expected, FullTextQuery.For(postgres: false, typed));

    [Theory]
    [InlineData("physio", "'physio':*")]
    [InlineData("victim assistance", "'victim':* & 'assistance':*")]
    [InlineData("\"risk education\" Laos", "'risk' <-> 'education' & 'Laos':*")]
    [InlineData("NEAR(a b) OR * 'x' & !y | z:*", "'NEAR' <-> 'a' & 'b' & 'OR' & 'x' & 'y' & 'z'")]
    [InlineData("  \"  ", null)]
    [InlineData("alert(1)</script>'\"; DROP", "'alert' <-> '1' <-> 'script' & 'DROP':*")]
    public void FullTextQuery_ForPostgres_QuotesEveryWordAndMarksBeginnings(string typed, string? expected) =>
        Assert.Equal(expected, FullTextQuery.For(postgres: true, typed));

    [Fact]
    public void FullTextQuery_KeepsAtMostTwelveTerms() =>
        Assert.Equal(FullTextQuery.MaxTerms, FullTextQuery.Terms(string.Join(' ', Enumerable.Range(0, 50).Select(i => "w" + i))).Count);
}
