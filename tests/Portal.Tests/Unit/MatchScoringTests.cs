using Portal.Data;
using Portal.Features.Matching;

namespace Portal.Tests.Unit;

/// <summary>Hand-made needs and offers, with the ranking and the reasons a person should expect.</summary>
public sealed class MatchScoringTests
{
    // 20 April 2027, 10:00 UTC: noon in Geneva (summer time).
    private static readonly DateTimeOffset Now = new(2027, 4, 20, 10, 0, 0, TimeSpan.Zero);

    private static int nextId;

    private static MatchSide Side(
        PostingKind kind, CcmAreas areas, AssistanceTypes types = AssistanceTypes.None, string[]? countries = null,
        Regions chosen = Regions.None, Regions? regions = null, decimal? budget = null, string? currency = null,
        DateOnly? deadline = null, int participant = 0, PostingStatus status = PostingStatus.Published, DateTimeOffset? validUntil = null)
    {
        var id = Interlocked.Increment(ref nextId);
        return new MatchSide(id, participant == 0 ? 1000 + id : participant, kind, status, areas, types, countries ?? [], chosen,
            regions ?? chosen, budget, currency, deadline, validUntil ?? Now.AddDays(100));
    }

    // A Lao need for victim assistance: training and equipment, USD 50,000.
    private static MatchSide LaoNeed(int participant = 1) => Side(PostingKind.Need, CcmAreas.VictimAssistance | CcmAreas.CapacityBuilding,
        AssistanceTypes.Training | AssistanceTypes.Equipment, ["LAO"], regions: Regions.Asia, budget: 50_000m, currency: "USD",
        participant: participant);

    [Fact]
    public void Score_OfferForTheNeedsCountry_AreaTypeAndBudget_GivesEveryReasonWithItsPoints()
    {
        var need = LaoNeed();
        var offer = Side(PostingKind.Offer, CcmAreas.VictimAssistance, AssistanceTypes.Training, ["KHM", "LAO"], regions: Regions.Asia,
            budget: 200_000m, currency: "USD", deadline: new DateOnly(2027, 4, 30));

        var match = MatchScoring.Score(offer, need, Now);

        Assert.NotNull(match);
        Assert.Same(need, match.Need);
        Assert.Same(offer, match.Offer);
        Assert.Equal(
            [
                "Same area: Victim assistance (Art. 5)",
                "Eligible country: Lao People's Democratic Republic",
                "Same type of assistance: Training",
                "Budget within range: USD 50,000 needed, up to USD 200,000 offered",
            ],
            match.Reasons.Select(r => r.Describe(code => code == "LAO" ? "Lao People's Democratic Republic" : code)));
        Assert.Equal(MatchScoring.AreaPoints + MatchScoring.CountryPoints + MatchScoring.AssistancePoints + MatchScoring.BudgetPoints, match.Score);
    }

    [Fact]
    public void Score_OfferForTheNeedsSubregion_IsEligible_ButNotOneForAnotherSubregionOfTheSameRegion()
    {
        var need = Side(PostingKind.Need, CcmAreas.VictimAssistance, countries: ["LAO"], regions: Regions.Asia | Regions.SouthEasternAsia);
        var southEast = Side(PostingKind.Offer, CcmAreas.VictimAssistance, chosen: Regions.SouthEasternAsia, regions: Regions.SouthEasternAsia | Regions.Asia);
        var east = Side(PostingKind.Offer, CcmAreas.VictimAssistance, chosen: Regions.EasternAsia, regions: Regions.EasternAsia | Regions.Asia);

        Assert.Equal("Eligible region: South-East Asia", MatchScoring.Score(need, southEast, Now)!.Reasons[1].Describe(c => c));
        Assert.Null(MatchScoring.Score(need, east, Now));
    }

    [Fact]
    public void Score_RanksCountryOverRegionOverGlobal_AndMoreSharedAreasHigher()
    {
        var need = LaoNeed();
        var byCountry = Side(PostingKind.Offer, CcmAreas.VictimAssistance, countries: ["LAO"], regions: Regions.Asia);
        var byRegion = Side(PostingKind.Offer, CcmAreas.VictimAssistance, chosen: Regions.Asia);
        var global = Side(PostingKind.Offer, CcmAreas.VictimAssistance, chosen: Regions.Global);
        var globalTwoAreas = Side(PostingKind.Offer, CcmAreas.VictimAssistance | CcmAreas.CapacityBuilding, chosen: Regions.Global);

        var ranked = new[] { global, byRegion, globalTwoAreas, byCountry }
            .Select(o => MatchScoring.Score(need, o, Now)!)
            .OrderByDescending(m => m.Score).Select(m => m.Offer).ToList();

        Assert.Equal([globalTwoAreas, byCountry, byRegion, global], ranked);
        Assert.Equal("Eligible region: Asia", MatchScoring.Score(need, byRegion, Now)!.Reasons[1].Describe(c => c));
        Assert.Equal("The offer is open to every country (global)", MatchScoring.Score(need, global, Now)!.Reasons[1].Describe(c => c));
        Assert.Equal("Same areas: Victim assistance (Art. 5), Capacity building", MatchScoring.Score(need, globalTwoAreas, Now)!.Reasons[0].Describe(c => c));
    }

    [Fact]
    public void Score_OfferForAnotherCountryOnly_OrAnotherRegion_OrNoSharedArea_IsNoMatch()
    {
        var need = LaoNeed();

        // Cambodia's region is Asia too, but the offer names Cambodia alone: it is not open to the rest of Asia.
        Assert.Null(MatchScoring.Score(need, Side(PostingKind.Offer, CcmAreas.VictimAssistance, countries: ["KHM"], regions: Regions.Asia), Now));
        Assert.Null(MatchScoring.Score(need, Side(PostingKind.Offer, CcmAreas.VictimAssistance, chosen: Regions.Africa), Now));
        Assert.Null(MatchScoring.Score(need, Side(PostingKind.Offer, CcmAreas.StockpileDestruction, chosen: Regions.Global), Now));
    }

    [Fact]
    public void Score_OfferNamingNoPlace_FitsEveryNeed_AndSaysSo()
    {
        var match = MatchScoring.Score(LaoNeed(), Side(PostingKind.Offer, CcmAreas.VictimAssistance), Now);

        Assert.NotNull(match);
        Assert.Equal("The offer names no country or region", match.Reasons[1].Describe(c => c));
        Assert.Equal(MatchScoring.AreaPoints + MatchScoring.GlobalPoints, match.Score);
    }

    [Fact]
    public void Describe_SeveralTypesOrRegions_ReadsInThePlural()
    {
        var need = Side(PostingKind.Need, CcmAreas.VictimAssistance, AssistanceTypes.Training | AssistanceTypes.Legal, regions: Regions.Africa | Regions.Asia);
        var offer = Side(PostingKind.Offer, CcmAreas.VictimAssistance, AssistanceTypes.Training | AssistanceTypes.Legal, chosen: Regions.Africa | Regions.Asia);

        var lines = MatchScoring.Score(need, offer, Now)!.Reasons.Select(r => r.Describe(c => c));

        Assert.Equal(["Same area: Victim assistance (Art. 5)", "Eligible regions: Africa, Asia", "Same types of assistance: Training, Legal"], lines);
    }

    [Fact]
    public void Score_BudgetOverTheOffers_OrInAnotherCurrency_OrMissing_AddsNothing()
    {
        var need = LaoNeed();
        MatchSide Offer(decimal? budget, string? currency) =>
            Side(PostingKind.Offer, CcmAreas.VictimAssistance, chosen: Regions.Global, budget: budget, currency: currency);

        Assert.All(new[] { Offer(40_000m, "USD"), Offer(500_000m, "EUR"), Offer(null, null) },
            offer => Assert.DoesNotContain(MatchScoring.Score(need, offer, Now)!.Reasons, r => r is BudgetInRange));
        Assert.Contains(MatchScoring.Score(need, Offer(50_000m, "USD"), Now)!.Reasons, r => r is BudgetInRange);
    }

    [Fact]
    public void Score_ExpiredOrUnpublished_OrDeadlinePassed_IsNoMatch_TheDeadlineDayItselfStillCounts()
    {
        var need = LaoNeed();
        MatchSide Offer(DateOnly? deadline = null, PostingStatus status = PostingStatus.Published, DateTimeOffset? validUntil = null) =>
            Side(PostingKind.Offer, CcmAreas.VictimAssistance, chosen: Regions.Global, deadline: deadline, status: status, validUntil: validUntil);

        Assert.Null(MatchScoring.Score(need, Offer(validUntil: Now), Now));
        Assert.Null(MatchScoring.Score(need, Offer(status: PostingStatus.Draft), Now));
        Assert.Null(MatchScoring.Score(need, Offer(status: PostingStatus.Withdrawn), Now));
        Assert.Null(MatchScoring.Score(need, Offer(deadline: new DateOnly(2027, 4, 19)), Now));
        Assert.NotNull(MatchScoring.Score(need, Offer(deadline: new DateOnly(2027, 4, 20)), Now));
        Assert.NotNull(MatchScoring.Score(need, Offer(), Now));
        // An expired need is no match either.
        Assert.Null(MatchScoring.Score(Side(PostingKind.Need, CcmAreas.VictimAssistance, validUntil: Now.AddSeconds(-1)), Offer(), Now));
    }

    [Fact]
    public void Score_SameKind_Experiences_OrTheSameParticipantsOwn_IsNoMatch()
    {
        var need = LaoNeed(participant: 7);
        var offer = Side(PostingKind.Offer, CcmAreas.VictimAssistance, chosen: Regions.Global);

        Assert.Null(MatchScoring.Score(need, LaoNeed(), Now));
        Assert.Null(MatchScoring.Score(need, Side(PostingKind.Experience, CcmAreas.VictimAssistance, chosen: Regions.Global), Now));
        Assert.Null(MatchScoring.Score(need, offer with { ParticipantId = 7 }, Now));
        Assert.NotNull(MatchScoring.Score(need, offer, Now));
    }

    [Fact]
    public void Score_RegionalNeed_MatchesAnOfferForThatRegion()
    {
        var need = Side(PostingKind.Need, CcmAreas.ClearanceAndRiskEducation, chosen: Regions.Africa);
        var offer = Side(PostingKind.Offer, CcmAreas.ClearanceAndRiskEducation, chosen: Regions.Africa | Regions.Asia);

        var match = MatchScoring.Score(need, offer, Now);

        Assert.NotNull(match);
        Assert.Equal("Eligible region: Africa", match.Reasons[1].Describe(c => c));
    }
}
