using System.Globalization;
using Portal.Data;
using Portal.Features.Postings;
using Portal.Infrastructure.Email;

namespace Portal.Features.Interests;

/// <summary>Someone an e-mail about a connection goes to.</summary>
public sealed record InterestRecipient(string Email, string Name);

/// <summary>
/// The texts of e-mails about connections, in one place. Each goes to one of the two sides, which may read the whole
/// connection: it carries only what the connection's page shows them, with the link to it. An answer by e-mail goes to
/// the person who wrote (<c>Reply-To</c>), whose address the connection's page shows the recipient anyway.
/// </summary>
public sealed class InterestMail(Outbox outbox)
{
    public const string ExpressedKind = "interest-expressed";
    public const string ReplyKind = "interest-reply";
    public const string StateKind = "interest-state";

    /// <summary>Tells one of the owner's focal points that a participant is interested, with its contact point.</summary>
    public void SendExpressed(InterestRecipient to, Interest interest, string participantName, string ownerName)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(interest);
        var kind = interest.PostingKind.Label().ToLowerInvariant();
        outbox.Enqueue(ExpressedKind, to.Email, $"{participantName} is interested in your {kind} “{interest.PostingTitle}”", $"""
            Dear {to.Name},

            {participantName} expressed interest in the {kind} “{interest.PostingTitle}” that {ownerName} published on the
            CCM Cooperation Portal. Their message:

            {Quote(interest.Message)}

            Contact point of {participantName}:
            {Contact(interest.AuthorName, interest.AuthorPosition, interest.AuthorEmail)}

            Read it, reply and record how it goes (you will be asked to sign in):
            {outbox.Link(PathOf(interest.Id))}
            """, replyTo: interest.AuthorEmail);
    }

    /// <summary>Tells one account of the other side that a reply was written.</summary>
    public void SendReply(InterestRecipient to, Interest interest, InterestReply reply, string replierParticipantName)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(interest);
        ArgumentNullException.ThrowIfNull(reply);
        outbox.Enqueue(ReplyKind, to.Email, $"{replierParticipantName} replied about “{interest.PostingTitle}”", $"""
            Dear {to.Name},

            {reply.AuthorName} <{reply.AuthorEmail}> of {replierParticipantName} replied in your connection about
            “{interest.PostingTitle}” on the CCM Cooperation Portal:

            {Quote(reply.Text)}

            Read the whole exchange and answer (you will be asked to sign in):
            {outbox.Link(PathOf(interest.Id))}
            """, replyTo: reply.AuthorEmail);
    }

    /// <summary>Tells one account of the other side that the connection's state changed.</summary>
    public void SendStateChanged(InterestRecipient to, Interest interest, string changedByParticipantName)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(interest);
        var state = interest.State.Label().ToLowerInvariant();
        outbox.Enqueue(StateKind, to.Email, $"Your connection about “{interest.PostingTitle}” is now: {state}", $"""
            Dear {to.Name},

            {changedByParticipantName} marked your connection about “{interest.PostingTitle}” on the CCM Cooperation
            Portal as: {state}.

            Open it (you will be asked to sign in):
            {outbox.Link(PathOf(interest.Id))}
            """);
    }

    public static string PathOf(int interestId) => "/Connections/" + interestId.ToString(CultureInfo.InvariantCulture);

    public static string Contact(string name, string? position, string email) =>
        string.IsNullOrWhiteSpace(position) ? $"{name} <{email}>" : $"{name}, {position} <{email}>";

    // Each line of the person's words set off, so it cannot pass for the portal's own text.
    private static string Quote(string text) =>
        string.Join("\n", text.ReplaceLineEndings("\n").Split('\n').Select(line => "> " + line));
}
