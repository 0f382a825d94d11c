using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Infrastructure.Email;

namespace Portal.Features.Postings;

/// <summary>What a reminder says about the posting that expires.</summary>
public sealed record ExpiringPosting(int Id, PostingKind Kind, string Title, string ParticipantName, DateTimeOffset ValidUntil);

/// <summary>The texts of e-mails about postings, in one place.</summary>
public sealed class PostingMail(Outbox outbox, IOptions<PostingOptions> options)
{
    public const string ExpiryReminderKind = "posting-expiry-reminder";

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
