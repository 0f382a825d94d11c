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
public sealed class PostingMail(Outbox outbox, IOptions<PostingOptions> options)
{
    public const string ExpiryReminderKind = "posting-expiry-reminder";

    public const string PublishedOnBehalfKind = "posting-published-on-behalf";

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
