using Portal.Data;
using Portal.Features.Subscriptions;

namespace Portal.Tests.Unit;

public sealed class SubscriptionFilterTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static Subscription Asking(PostingKinds kinds = PostingKinds.None, CcmAreas areas = CcmAreas.None, Regions regions = Regions.None,
        DigestTiming timing = DigestTiming.Weekly) =>
        new() { UserId = "u", Kinds = kinds, Areas = areas, Regions = regions, Timing = timing, CoveredUntil = Monday };

    [Fact]
    public void NothingChosen_MatchesEveryPosting()
    {
        Assert.True(SubscriptionFilter.Matches(Asking(), PostingKind.Experience, CcmAreas.Transparency, Regions.Europe));
    }

    [Theory]
    [InlineData(PostingKind.Offer, CcmAreas.ClearanceAndRiskEducation, Regions.Africa, true)]
    [InlineData(PostingKind.Need, CcmAreas.ClearanceAndRiskEducation, Regions.Africa, false)]
    [InlineData(PostingKind.Offer, CcmAreas.VictimAssistance, Regions.Africa, false)]
    [InlineData(PostingKind.Offer, CcmAreas.ClearanceAndRiskEducation | CcmAreas.VictimAssistance, Regions.Africa | Regions.Asia, true)]
    [InlineData(PostingKind.Offer, CcmAreas.ClearanceAndRiskEducation, Regions.Asia, false)]
    [InlineData(PostingKind.Offer, CcmAreas.ClearanceAndRiskEducation, Regions.Global, true)]
    public void EveryChosenSet_MustMeetThePostings_AndAGlobalPostingConcernsEveryRegion(PostingKind kind, CcmAreas areas, Regions regions, bool expected)
    {
        var clearanceOffersInAfrica = Asking(PostingKinds.Offers, CcmAreas.ClearanceAndRiskEducation, Regions.Africa);

        Assert.Equal(expected, SubscriptionFilter.Matches(clearanceOffersInAfrica, kind, areas, regions));
    }

    [Fact]
    public void SeveralKinds_AreAnyOfThem()
    {
        var needsAndOffers = Asking(PostingKinds.Needs | PostingKinds.Offers);

        Assert.True(SubscriptionFilter.Matches(needsAndOffers, PostingKind.Need, CcmAreas.Transparency, Regions.Europe));
        Assert.True(SubscriptionFilter.Matches(needsAndOffers, PostingKind.Offer, CcmAreas.Transparency, Regions.Europe));
        Assert.False(SubscriptionFilter.Matches(needsAndOffers, PostingKind.Experience, CcmAreas.Transparency, Regions.Europe));
    }

    [Fact]
    public void Weekly_IsDueAWeekAfterTheLastPeriod_WhateverWasPublished()
    {
        var weekly = Asking();

        Assert.False(SubscriptionFilter.IsDue(weekly, Monday.AddDays(7).AddMinutes(-1), Monday.AddDays(1)));
        Assert.True(SubscriptionFilter.IsDue(weekly, Monday.AddDays(7), null));
    }

    [Fact]
    public void AtOnce_IsDueWhenSomethingWasPublishedSinceTheLastPeriod()
    {
        var atOnce = Asking(timing: DigestTiming.AtOnce);

        Assert.False(SubscriptionFilter.IsDue(atOnce, Monday.AddHours(1), null));
        Assert.False(SubscriptionFilter.IsDue(atOnce, Monday.AddHours(1), Monday));
        Assert.True(SubscriptionFilter.IsDue(atOnce, Monday.AddHours(1), Monday.AddMinutes(3)));
    }

    [Fact]
    public void Describe_NamesEverySet_AndSaysEveryWhenNothingIsChosen()
    {
        Assert.Equal(
            [("Kinds", "Needs, Offers"), ("Areas", "Every area"), ("Regions", "Africa")],
            SubscriptionFilter.Describe(Asking(PostingKinds.Needs | PostingKinds.Offers, regions: Regions.Africa)));
        Assert.Equal([("Kinds", "Every kind"), ("Areas", "Every area"), ("Regions", "Every region")], SubscriptionFilter.Describe(Asking()));
    }
}
