using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Infrastructure.Email;

namespace Portal.Features.Postings;

/// <summary>What a reminder says about the posting that expires.</summary>
public sealed record ExpiringPosting(int Id, PostingKind Kind, string Title, string ParticipantName, DateTimeOffset ValidUntil);

/// <summary>What the e-mail to a participant's focal points says about a version the coordinator published for it.</summary>
public sealed record PublishedOnBehalf(
    int Id, PostingKind Kind, string Title, string ParticipantName, int Version, string Fingerprint, string PublishedBy);

/// <summary>The texts of e-mails about postings, in one place.</summary>
public sealed class PostingMail(Outbox outbox, IOptions<PostingOptions> options, PostingSenderLinks senderLinks)
{
    public const string ExpiryReminderKind = "posting-expiry-reminder";

    public const string PublishedOnBehalfKind = "posting-published-on-behalf";

    public const string SenderPublishedKind = "posting-published-sender";

    public const string SenderReminderKind = "posting-expiry-reminder-sender";

    /// <summary>
    /// Tells a focal point that the coordinator published a text in its participant's name, with the link and the
    /// version's fingerprint, so that they can check the text is theirs.
    /// </summary>
    public void SendPublishedOnBehalf(string to, string name, PublishedOnBehalf posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        var what = posting.Version == 1
            ? $"{posting.PublishedBy} of the Implementation Support Unit published {PostingLabels.WithArticle(posting.Kind)} on behalf of {posting.ParticipantName}"
            : $"{posting.PublishedBy} of the Implementation Support Unit published version {posting.Version} of {PostingLabels.WithArticle(posting.Kind)} on behalf of {posting.ParticipantName}";
        outbox.Enqueue(PublishedOnBehalfKind, to, $"Published on behalf of {posting.ParticipantName}: please check “{posting.Title}”", $"""
            Dear {name},

            {what} on the CCM Cooperation Portal:
            “{posting.Title}”

            Please check that the text is yours. Open it here (you will be asked to sign in):
            {outbox.Link($"/Postings/{posting.Id}")}

            The fingerprint of version {posting.Version} is:
            {posting.Fingerprint}
            The posting's page shows the fingerprint of the text it shows: if it is the same, you read the text that was published.

            If the text is not yours, or should not have been published, a focal point of {posting.ParticipantName} can edit or withdraw it on that page; please also tell the Implementation Support Unit.
            """);
    }

    /// <summary>
    /// Tells the person who sent the coordinator a text that it is published, with the link, the version's fingerprint
    /// and the signed links that renew or withdraw it without an account. Sealed in the outbox (<see cref="Outbox"/>)
    /// and erased once sent, since the links act for whoever holds them.
    /// </summary>
    public void SendPublishedToSender(PostingSender sender, PublishedOnBehalf posting, DateTimeOffset validUntil)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(posting);
        var what = posting.Version == 1
            ? $"{posting.PublishedBy} of the Implementation Support Unit published it on the CCM Cooperation Portal on behalf of {posting.ParticipantName}, as {PostingLabels.WithArticle(posting.Kind)}:"
            : $"{posting.PublishedBy} of the Implementation Support Unit published version {posting.Version} of it on the CCM Cooperation Portal on behalf of {posting.ParticipantName}:";
        outbox.Enqueue(SenderPublishedKind, sender.Email, $"Published on behalf of {posting.ParticipantName}: “{posting.Title}”", $"""
            {sender.Greeting}

            You sent the Implementation Support Unit a text of {posting.ParticipantName}. {what}
            “{posting.Title}”

            The fingerprint of version {posting.Version} is:
            {posting.Fingerprint}
            The posting's page shows the fingerprint of the text it shows: if it is the same, the text published is the one you sent.
            The page is open to people who sign in to the portal or enter it with the entry code:
            {outbox.Link($"/Postings/{posting.Id}")}

            It is valid until {PostingLabels.Date(validUntil)}. We will e-mail you 30 days and 7 days before it expires.
            The two links below need no account. They work for this posting only, until it would be deleted, so please do not forward this e-mail.

            To keep it for another 12 months, from {PostingLabels.Date(PostingRenewal.OpensOn(validUntil))} on:
            {outbox.Link(senderLinks.RenewPath(posting.Id, sender.Email, validUntil))}

            To withdraw it, so that nobody finds it any more:
            {outbox.Link(senderLinks.WithdrawPath(posting.Id, sender.Email, validUntil))}

            If the text is not the one you sent, or should not have been published, please tell the Implementation Support Unit.
            """, sensitive: true);
    }

    /// <summary>Asks a text's sender to renew the posting before it expires, through signed links (no account needed).</summary>
    public void SendExpiryReminderToSender(PostingSender sender, ExpiringPosting posting)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(posting);
        var label = posting.Kind.Label().ToLowerInvariant();
        outbox.Enqueue(SenderReminderKind, sender.Email, $"The {label} of {posting.ParticipantName} expires on {PostingLabels.Date(posting.ValidUntil)}: renew it?", $"""
            {sender.Greeting}

            The {label} “{posting.Title}”, which you sent the Implementation Support Unit and which it published on behalf of
            {posting.ParticipantName} on the CCM Cooperation Portal, expires on {PostingLabels.Date(posting.ValidUntil)}.
            After that date nobody else can find it.

            To keep it for another 12 months as it is, open this link and press "Renew" (no account needed):
            {outbox.Link(senderLinks.RenewPath(posting.Id, sender.Email, posting.ValidUntil))}

            If it is no longer needed, do nothing: it expires, and is deleted {options.Value.GraceDays} days later.
            To withdraw it at once instead, open this link and press "Withdraw":
            {outbox.Link(senderLinks.WithdrawPath(posting.Id, sender.Email, posting.ValidUntil))}

            To change its text, send the new text to the Implementation Support Unit. These links work for this posting
            only, so please do not forward this e-mail.
            """, sensitive: true);
    }

    /// <summary>Asks an owner's focal point (or a coordinator) to renew a posting before it expires.</summary>
    public void SendExpiryReminder(string to, string name, ExpiringPosting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        var label = posting.Kind.Label().ToLowerInvariant();
        outbox.Enqueue(ExpiryReminderKind, to, $"Your {label} expires on {PostingLabels.Date(posting.ValidUntil)}: renew it?", $"""
            Dear {name},

            The {label} “{posting.Title}” that {posting.ParticipantName} published on the CCM Cooperation Portal
            expires on {PostingLabels.Date(posting.ValidUntil)}. After that date nobody else can find it.

            To keep it for another 12 months as it is, open this link and press "Renew" (you will be asked to sign in):
            {outbox.Link($"/Postings/{posting.Id}/Renew")}

            To change it first, open it and choose Edit or Replace:
            {outbox.Link($"/Postings/{posting.Id}")}

            If it is no longer needed, do nothing: it expires, and is deleted {options.Value.GraceDays} days later.
            """);
    }
}
