using Portal.Data;
using Portal.Features.Postings;

namespace Portal.Features.Subscriptions;

/// <summary>Which new postings a subscription asks for, and when its e-mail is due. Pure, so that it is tested by hand-made cases.</summary>
public static class SubscriptionFilter
{
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public static readonly PostingKinds[] AllKinds = [PostingKinds.Needs, PostingKinds.Offers, PostingKinds.Experiences];

    public static PostingKinds KindOf(PostingKind kind) => (PostingKinds)(1 << (int)kind);

    /// <summary>
    /// Every chosen set must meet the posting's: one of its kinds, one of its areas, one of its regions. A set left
    /// empty asks for everything, and a global posting concerns every region.
    /// </summary>
    public static bool Matches(Subscription subscription, PostingKind kind, CcmAreas areas, Regions regions)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return (subscription.Kinds == PostingKinds.None || subscription.Kinds.HasFlag(KindOf(kind)))
            && (subscription.Areas == CcmAreas.None || (subscription.Areas & areas) != 0)
            && (subscription.Regions == Regions.None || (subscription.Regions & regions) != 0
                || (regions & M49Regions.ApplyingToRegion(subscription.Regions)) != 0);
    }

    /// <summary>At once: as soon as something was published since the last e-mail. Weekly: a week after the last.</summary>
    public static bool IsDue(Subscription subscription, DateTimeOffset now, DateTimeOffset? lastPublished)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return subscription.Timing == DigestTiming.Weekly
            ? now - subscription.CoveredUntil >= Week
            : lastPublished > subscription.CoveredUntil;
    }

    public static string Label(this PostingKinds kind) => kind switch
    {
        PostingKinds.Needs => "Needs",
        PostingKinds.Offers => "Offers",
        PostingKinds.Experiences => "Experiences",
        _ => kind.ToString(),
    };

    public static string Label(this DigestTiming timing) => timing switch
    {
        DigestTiming.AtOnce => "At once",
        DigestTiming.Weekly => "Once a week",
        _ => timing.ToString(),
    };

    /// <summary>What the subscription asks for, as the page's table and the e-mail show it, one line per set.</summary>
    public static IReadOnlyList<(string Name, string Value)> Describe(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return
        [
            ("Kinds", subscription.Kinds == PostingKinds.None ? "Every kind" : PostingLabels.Join(subscription.Kinds, Label)),
            ("Areas", subscription.Areas == CcmAreas.None ? "Every area" : PostingLabels.Join(subscription.Areas, PostingLabels.Label)),
            ("Regions", subscription.Regions == Regions.None ? "Every region" : PostingLabels.Join(subscription.Regions, PostingLabels.Label)),
        ];
    }
}
