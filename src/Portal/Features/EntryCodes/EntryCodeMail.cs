using Portal.Data;
using Portal.Features.Postings;
using Portal.Infrastructure.Email;

namespace Portal.Features.EntryCodes;

/// <summary>The texts of e-mails about entry codes, in one place.</summary>
public sealed class EntryCodeMail(Outbox outbox, CodeHolderLinks links)
{
    /// <summary>The kind of e-mails carrying a code of <paramref name="audience"/>: a rotation cancels those still unsent.</summary>
    public static string CodeKind(CodeAudience audience) => $"entry-code:{audience}";

    public static string ChangedKind(CodeAudience audience) => $"entry-code-changed:{audience}";

    /// <summary>Sends a code to a person whose request was approved; the body is erased once delivered.</summary>
    public void SendCode(int holderId, string to, string name, string participantName, CodeAudience audience, string code) =>
        outbox.Enqueue(CodeKind(audience), to, $"Your entry code for the CCM Cooperation Portal ({EntryCodeStore.Label(audience)})", $"""
            Dear {name},

            Your request for access has been approved with read-only access for {participantName}.
            Open {outbox.Link("/Entry")} and enter this code with your name and e-mail address:

                {EntryCodeFormat.Group(EntryCodeFormat.Normalize(code)!)}

            The code is changed regularly; the portal will e-mail you each new one. Do not forward it.

            To get e-mails about new postings, choose what you want to hear of here (no sign-in needed; the link is yours alone):
            {outbox.Link(links.SubscriptionsPath(holderId))}
            """, sensitive: true);

    /// <summary>Sends a changed code to a code holder; the body is erased once delivered.</summary>
    public void SendNewCode(int holderId, string to, string name, CodeAudience audience, string code) =>
        outbox.Enqueue(CodeKind(audience), to, $"New entry code for the CCM Cooperation Portal ({EntryCodeStore.Label(audience)})", $"""
            Dear {name},

            The entry code for the CCM Cooperation Portal has changed; the old one no longer opens it.
            Open {outbox.Link("/Entry")} and enter the new code with your name and e-mail address:

                {EntryCodeFormat.Group(EntryCodeFormat.Normalize(code)!)}

            You receive each new code because a coordinator approved your request for access. Do not forward it.

            Your e-mails about new postings (no sign-in needed; the link is yours alone):
            {outbox.Link(links.SubscriptionsPath(holderId))}
            """, sensitive: true);

    public const string ConfirmKind = "code-holder-confirm";

    /// <summary>The yearly question to a code holder, with the link that keeps them on the list.</summary>
    public void AskToConfirm(int holderId, string to, string name, CodeAudience audience, DateTimeOffset answerBy) =>
        outbox.Enqueue(ConfirmKind, to, "Do you still need the entry code for the CCM Cooperation Portal?", $"""
            Dear {name},

            A year ago or more, a coordinator approved your request for access to the CCM Cooperation Portal, and since then
            the portal has e-mailed you each new entry code for {EntryCodeStore.Label(audience)}.

            If you still need access, open this link and confirm by {PostingLabels.Date(answerBy)} (no sign-in needed):
            {outbox.Link(links.ConfirmPath(holderId))}

            If you do nothing, you will receive no more codes after that date, and your e-mails about new postings stop.
            You can request access again at any time: {outbox.Link("/Access/Request")}
            """);

    /// <summary>
    /// Cancels, in the caller's transaction, the code e-mails of <paramref name="audience"/> not sent yet, and erases
    /// them: the code they carry was just replaced.
    /// </summary>
    public Task<int> CancelUnsentCodesAsync(CodeAudience audience) =>
        outbox.CancelUnsentAsync(CodeKind(audience), "the entry code was changed before this e-mail could be sent");

    /// <summary>
    /// Tells a coordinator that a code changed on schedule and went to the code holders. The code itself is not in
    /// this e-mail: a coordinator who needs it shows it in the portal.
    /// </summary>
    public void TellCoordinatorOfRotation(string to, string coordinatorName, CodeAudience audience, int holders)
    {
        var label = EntryCodeStore.Label(audience);
        var sent = holders switch
        {
            0 => $"Nobody holds the code for {label} yet, so it was sent to nobody.",
            1 => $"The portal has e-mailed the new code to the 1 code holder for {label}.",
            _ => $"The portal has e-mailed the new code to the {holders} code holders for {label}.",
        };
        outbox.Enqueue(ChangedKind(audience), to, $"The entry code for {label} has changed", $"""
            Dear {coordinatorName},

            The entry code for {label} was changed on schedule. Everyone who entered with the old code has been signed out.
            {sent}
            Code holders: {outbox.Link("/Admin/CodeHolders")}
            The new code, if you need it yourself: {outbox.Link("/Admin/Codes")}
            """);
    }
}
