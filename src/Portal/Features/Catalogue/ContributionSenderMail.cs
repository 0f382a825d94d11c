using Portal.Data;
using Portal.Infrastructure.Email;

namespace Portal.Features.Catalogue;

/// <summary>
/// The e-mails to the person who sent the editors a State's contribution (<see cref="Contribution.ReceivedFromEmail"/>),
/// for a State without a focal point account (<see cref="CatalogueVisitor.SignsOffFor"/>): what its focal points would
/// be told, the sender is told instead, so that no editor has to write it by hand. The address is as the editor typed
/// it, and grants nothing; nothing in these e-mails acts without the editors, so they carry no signed link.
/// The copy-edit proposal to the sender is <see cref="CatalogueMail.SendCopyEditProposedToSender"/>.
/// </summary>
public sealed class ContributionSenderMail(Outbox outbox)
{
    public const string EnteredKind = "catalogue-contribution-entered-sender";
    public const string DecisionKind = "catalogue-contribution-decided-sender";

    /// <summary>The receipt: the file was entered as the State's draft, with its SHA-256 to compare, and what happens next.</summary>
    public void SendEntered(Contribution contribution, CatalogueCall call, string stateName)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        ArgumentNullException.ThrowIfNull(call);
        outbox.Enqueue(EnteredKind, contribution.ReceivedFromEmail!, $"Your file was entered for {stateName}: {call.Title}", $"""
            Dear {contribution.ReceivedFromName},

            You sent the editors of the CCM catalogue of good practices the contribution of {stateName} to "{call.Title}",
            as the Word file “{contribution.ImportedFileName}”. An editor entered it on the portal, with the document's text
            word for word, as the draft "{contribution.Title}".

            The SHA-256 of the file as the editors received it is {contribution.ImportedFileSha256}. You can compare it with
            your copy (for example with sha256sum, or certutil -hashfile FILE SHA256).

            {stateName} has no focal point account on the portal, so the editors complete the draft with you by e-mail and
            submit it when {stateName} asks them to. They will e-mail you their decision.
            """);
    }

    /// <summary>The editors' decision, with the comment the State's authors would see; replies go to the editor who decided.</summary>
    public void SendDecision(Contribution contribution, string stateName, PortalUser editor, bool accepted, string comment)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(comment);
        if (accepted)
        {
            var note = comment.Length == 0 ? "" : $"\nThe editors' comment:\n\n{comment}\n";
            outbox.Enqueue(DecisionKind, contribution.ReceivedFromEmail!, $"Contribution accepted: “{contribution.Title}”", $"""
                Dear {contribution.ReceivedFromName},

                The editors accepted the contribution of {stateName}, "{contribution.Title}", which you sent them, for the
                catalogue of good practices.
                {note}
                If the editors copy-edit it, they will send you the changed lines and ask for {stateName}'s answer by e-mail.
                """, replyTo: editor.Email);
            return;
        }

        outbox.Enqueue(DecisionKind, contribution.ReceivedFromEmail!, $"Revision requested: “{contribution.Title}”", $"""
            Dear {contribution.ReceivedFromName},

            The editors ask {stateName} to revise its contribution "{contribution.Title}", which you sent them, before they
            can accept it:

            {comment}

            Please send the revised text to the editor, {editor.FullName} <{editor.Email}>, by replying to this e-mail.
            The editors enter the revision for {stateName} and submit it when {stateName} asks them to; revisions the editors
            ask for remain possible after the call's deadline.
            """, replyTo: editor.Email);
    }
}
