using System.Globalization;
using System.Text;
using Portal.Data;
using Portal.Features.EntryCodes;
using Portal.Features.Postings;
using Portal.Infrastructure.Email;

namespace Portal.Features.Subscriptions;

/// <summary>The texts of subscription e-mails, in one place.</summary>
public sealed class SubscriptionMail(Outbox outbox, UnsubscribeLinks links, CodeHolderLinks holderLinks)
{
    public const string DigestKind = "subscription-digest";

    /// <summary>The new postings that match one subscription, each with its link, and the link that stops these e-mails.</summary>
    public void SendDigest(string to, string name, Subscription subscription, DateTimeOffset since, IReadOnlyList<DigestPosting> postings)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(postings);
        var list = new StringBuilder();
        foreach (var posting in postings)
        {
            list.Append(CultureInfo.InvariantCulture, $"- {posting.Kind.Label()}: {posting.Title} ({posting.ParticipantName})\n  {outbox.Link($"/Postings/{posting.Id}")}\n");
        }

        var asked = string.Join("\n", SubscriptionFilter.Describe(subscription).Select(d => $"  {d.Name}: {d.Value}"));
        var subject = postings.Count == 1
            ? "1 new posting on the CCM Cooperation Portal for your subscription"
            : $"{postings.Count} new postings on the CCM Cooperation Portal for your subscription";
        var opening = postings.Count == 1
            ? $"This posting was published on the CCM Cooperation Portal since {PostingLabels.Date(since)} and matches your subscription:"
            : $"These {postings.Count} postings were published on the CCM Cooperation Portal since {PostingLabels.Date(since)} and match your subscription:";
        var timing = subscription.Timing == DigestTiming.Weekly
            ? "You get this e-mail once a week when something new matches."
            : "You get this e-mail soon after something new that matches is published.";
        var unsubscribe = outbox.Link(links.PathFor(subscription.Id));
        var change = subscription.CodeHolderId is int holder
            ? $"To change your subscriptions, open this link (no sign-in needed; it is yours alone):\n{outbox.Link(holderLinks.SubscriptionsPath(holder))}"
            : $"To change your subscriptions, sign in and open:\n{outbox.Link("/Account/Manage/Subscriptions")}";
        outbox.Enqueue(DigestKind, to, subject, $"""
            Dear {name},

            {opening}

            {list.ToString().TrimEnd()}

            Your subscription asks for:
            {asked}
            {timing}

            To stop these e-mails, open this link (no sign-in needed):
            {unsubscribe}

            {change}
            """, unsubscribeUrl: outbox.Link(links.OneClickPathFor(subscription.Id)));
    }
}
