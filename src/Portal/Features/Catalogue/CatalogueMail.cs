using System.Globalization;
using Portal.Data;
using Portal.Infrastructure.Email;

namespace Portal.Features.Catalogue;

/// <summary>The texts of the catalogue's e-mails, in one place.</summary>
public sealed class CatalogueMail(Outbox outbox)
{
    public const string CallOpenedKind = "catalogue-call-opened";
    public const string ReminderKind = "catalogue-call-reminder";
    public const string CopyEditProposedKind = "catalogue-copy-edit-proposed";
    public const string CopyEditAnsweredKind = "catalogue-copy-edit-answered";
    public const string EnteredOnBehalfKind = "catalogue-contribution-entered";
    public const string SubmittedKind = "catalogue-contributions-submitted";
    public const string DecisionKind = "catalogue-contribution-decided";

    /// <summary>A submitted contribution as the editors' notice names it.</summary>
    public sealed record Submitted(int Id, string Title, string State);

    /// <summary>Tells one editor that contributions wait for a decision: one in a quiet spell, or those of a burst together.</summary>
    public void TellEditor(string to, string editorName, IReadOnlyList<Submitted> contributions)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        var list = string.Join("\n", contributions.Select(c => $"- {c.Title} ({c.State})\n  {outbox.Link($"/Catalogue/Contributions/{Id(c.Id)}")}"));
        var (subject, opening) = contributions.Count == 1
            ? ($"A contribution waits for your decision: “{contributions[0].Title}”", "A contribution to the catalogue of good practices was submitted and waits for the editors' decision:")
            : ($"{contributions.Count.ToString(CultureInfo.InvariantCulture)} contributions wait for your decision",
                $"{contributions.Count.ToString(CultureInfo.InvariantCulture)} contributions to the catalogue of good practices were submitted and wait for the editors' decision:");
        outbox.Enqueue(SubmittedKind, to, subject, $"""
            Dear {editorName},

            {opening}

            {list}

            Accept a contribution or send it back for revision with a comment from its page.
            """);
    }

    /// <summary>Tells one of the State's focal points what the editors decided, with the comment its authors see.</summary>
    public void SendDecision(PortalUser focalPoint, Contribution contribution, bool accepted, string comment)
    {
        ArgumentNullException.ThrowIfNull(focalPoint);
        ArgumentNullException.ThrowIfNull(contribution);
        ArgumentNullException.ThrowIfNull(comment);
        var link = outbox.Link($"/Catalogue/Contributions/{Id(contribution.Id)}");
        if (accepted)
        {
            var note = comment.Length == 0 ? "" : $"\nThe editors' comment:\n\n{comment}\n";
            outbox.Enqueue(DecisionKind, focalPoint.Email!, $"Contribution accepted: “{contribution.Title}”", $"""
                Dear {focalPoint.FullName},

                The editors accepted your State's contribution "{contribution.Title}" for the catalogue of good practices.
                {note}
                If the editors copy-edit it, you will be asked to sign off their changes before the book uses them.
                {link}
                """);
            return;
        }

        outbox.Enqueue(DecisionKind, focalPoint.Email!, $"Revision requested: “{contribution.Title}”", $"""
            Dear {focalPoint.FullName},

            The editors ask your State to revise its contribution "{contribution.Title}" before they can accept it:

            {comment}

            Revise it and submit it again here; revisions the editors ask for remain possible after the call's deadline:
            {link}
            """);
    }

    public void SendCallOpened(PortalUser focalPoint, CatalogueCall call, DateOnly? extension)
    {
        ArgumentNullException.ThrowIfNull(focalPoint);
        ArgumentNullException.ThrowIfNull(call);
        outbox.Enqueue(CallOpenedKind, focalPoint.Email!, $"Call for contributions: {call.Title}", $"""
            Dear {focalPoint.FullName},

            The editors of the CCM catalogue of good practices invite your State to contribute to
            "{call.Title}".

            Write up one cooperation project per contribution, in English, {Pages(call.PageLimit)} at most.
            Contributions are taken until the end of {Day(Deadline(call, extension))} ({CallCalendar.ZoneName(call.TimeZone)}).

            Read the call and write your State's contribution on the portal:
            {outbox.Link($"/Catalogue/Calls/{call.Id.ToString(CultureInfo.InvariantCulture)}")}

            Questions about the call:
            {call.ContactPersons}
            """);
    }

    public void SendReminder(PortalUser focalPoint, CatalogueCall call, int daysLeft, DateOnly? extension)
    {
        ArgumentNullException.ThrowIfNull(focalPoint);
        ArgumentNullException.ThrowIfNull(call);
        var subject = daysLeft switch
        {
            <= 0 => $"Last day for contributions: {call.Title}",
            1 => $"One day left for contributions: {call.Title}",
            _ => $"{daysLeft.ToString(CultureInfo.InvariantCulture)} days left for contributions: {call.Title}",
        };
        outbox.Enqueue(ReminderKind, focalPoint.Email!, subject, $"""
            Dear {focalPoint.FullName},

            Your State has not yet submitted a contribution to "{call.Title}".
            Contributions are taken until the end of {Day(Deadline(call, extension))} ({CallCalendar.ZoneName(call.TimeZone)}).

            A draft you started is kept on the portal; submit it, or write one, here:
            {outbox.Link($"/Catalogue/Calls/{call.Id.ToString(CultureInfo.InvariantCulture)}")}

            If your State does not intend to contribute, you can ignore this message.
            """);
    }

    public void SendCopyEditProposed(PortalUser focalPoint, Contribution contribution, string editorName, string note)
    {
        ArgumentNullException.ThrowIfNull(focalPoint);
        ArgumentNullException.ThrowIfNull(contribution);
        outbox.Enqueue(CopyEditProposedKind, focalPoint.Email!, $"The editors propose changes to “{contribution.Title}”", $"""
            Dear {focalPoint.FullName},

            {editorName}, an editor of the catalogue of good practices, proposes changes to the text of your State's
            contribution "{contribution.Title}". The editor's note:

            {note}

            The book keeps your State's text until a focal point of your State signs the changes off. Read them, line
            by line, and sign them off or decline them here:
            {outbox.Link($"/Catalogue/Contributions/{Id(contribution.Id)}/SignOff")}
            """);
    }

    /// <summary>
    /// For a State without a focal point account: sends the editors' proposal to the person who sent its contribution
    /// by e-mail, with the changed lines, and asks for the State's answer by e-mail, which an editor then records.
    /// </summary>
    public void SendCopyEditProposedToSender(Contribution contribution, string stateName, PortalUser editor, string note, string changes)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        ArgumentNullException.ThrowIfNull(editor);
        outbox.Enqueue(CopyEditProposedKind, contribution.ReceivedFromEmail!, $"The editors propose changes to “{contribution.Title}”", $"""
            Dear {contribution.ReceivedFromName},

            You sent the editors of the CCM catalogue of good practices the contribution of {stateName}, "{contribution.Title}".
            {editor.FullName}, an editor, proposes changes to its text. {stateName} has no focal point account on the portal,
            so the editors ask you for the State's answer by e-mail. The editor's note:

            {note}

            The book keeps the text as you sent it until {stateName} agrees to the changes. Below are the lines that change:
            a line starting with "-" is in the text now, and the line starting with "+" replaces it; "…" stands for
            unchanged lines left out.

            {changes}
            Please reply to the editor, {editor.FullName} <{editor.Email}>, by e-mail: say whether {stateName} signs these
            changes off or declines them, and if it declines them, why. The editor records the answer on the portal with
            your name and e-mail address.
            """);
    }

    /// <summary>Tells the editor how the State answered their copy-edit; <paramref name="declineReason"/> is null for a sign-off.</summary>
    public void SendCopyEditAnswered(PortalUser editor, Contribution contribution, string focalPointName, string? declineReason)
    {
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(contribution);
        var state = contribution.Participant?.Name ?? "the contributing State";
        if (declineReason is null)
        {
            outbox.Enqueue(CopyEditAnsweredKind, editor.Email!, $"Changes signed off: “{contribution.Title}”", $"""
                Dear {editor.FullName},

                {focalPointName}, a focal point of {state}, signed off the changes you proposed to "{contribution.Title}".
                The book uses the new text from its next build. Every version of the contribution is kept here:
                {outbox.Link($"/Catalogue/Contributions/{Id(contribution.Id)}/Versions")}
                """);
            return;
        }

        outbox.Enqueue(CopyEditAnsweredKind, editor.Email!, $"Changes declined: “{contribution.Title}”", $"""
            Dear {editor.FullName},

            {focalPointName}, a focal point of {state}, declined the changes you proposed to "{contribution.Title}", for this reason:

            {declineReason}

            The book keeps the State's text. You can propose other changes here:
            {outbox.Link($"/Catalogue/Contributions/{Id(contribution.Id)}/CopyEdit")}
            """);
    }

    /// <summary>
    /// Tells the editor who proposed a copy-edit the answer of a State without a focal point account, which another
    /// editor (<paramref name="recordedBy"/>) recorded from an e-mail: whom the e-mail came from, as recorded, and for
    /// a decline the State's reason (<see cref="ContributionEdit.DeclineReason"/>).
    /// </summary>
    public void SendCopyEditAnswerRecorded(PortalUser editor, Contribution contribution, string recordedBy, ContributionEdit edit)
    {
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(contribution);
        ArgumentNullException.ThrowIfNull(edit);
        var state = contribution.Participant?.Name ?? "the contributing State";
        if (edit.Status == ContributionEditStatus.SignedOff)
        {
            outbox.Enqueue(CopyEditAnsweredKind, editor.Email!, $"Changes signed off by e-mail: “{contribution.Title}”", $"""
                Dear {editor.FullName},

                {recordedBy}, an editor, recorded that {state} signed off the changes you proposed to "{contribution.Title}",
                in an e-mail from {edit.AnswerFromName} <{edit.AnswerFromEmail}> (as recorded; the portal cannot verify who sent it).
                The book uses the new text from its next build. Every version of the contribution is kept here:
                {outbox.Link($"/Catalogue/Contributions/{Id(contribution.Id)}/Versions")}
                """);
            return;
        }

        outbox.Enqueue(CopyEditAnsweredKind, editor.Email!, $"Changes declined by e-mail: “{contribution.Title}”", $"""
            Dear {editor.FullName},

            {recordedBy}, an editor, recorded that {state} declined the changes you proposed to "{contribution.Title}",
            in an e-mail from {edit.AnswerFromName} <{edit.AnswerFromEmail}> (as recorded; the portal cannot verify who sent it),
            for this reason:

            {edit.DeclineReason}

            The book keeps the State's text. You can propose other changes here:
            {outbox.Link($"/Catalogue/Contributions/{Id(contribution.Id)}/CopyEdit")}
            """);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Tells a State's focal point that an editor entered a contribution the State sent by e-mail, as its draft.</summary>
    public void SendEnteredOnBehalf(PortalUser focalPoint, Contribution contribution, CatalogueCall call, string stateName, int pictures, DateOnly? extension)
    {
        ArgumentNullException.ThrowIfNull(focalPoint);
        ArgumentNullException.ThrowIfNull(contribution);
        ArgumentNullException.ThrowIfNull(call);
        var picturesLeft = pictures switch
        {
            0 => "",
            1 => "\nThe document holds one picture, which was not imported: add it on the draft’s Pictures page with a caption, credit and description.\n",
            _ => $"\nThe document holds {pictures.ToString(CultureInfo.InvariantCulture)} pictures, which were not imported: add them on the draft’s Pictures page with a caption, credit and description.\n",
        };
        // The subject names the call, never the document's title: a header holds no line break, whatever a file holds.
        outbox.Enqueue(EnteredOnBehalfKind, focalPoint.Email!, $"A draft contribution waits for your State: {call.Title}", $"""
            Dear {focalPoint.FullName},

            A contribution of {stateName} to "{call.Title}" reached the editors of the CCM catalogue of good practices
            by e-mail: the Word file “{contribution.ImportedFileName}”, sent by {contribution.ReceivedFromName} <{contribution.ReceivedFromEmail}>.
            An editor entered it on the portal on your State’s behalf, as a draft with the document’s text word for word.

            The draft is your State’s: check it, complete what the book needs (the authors, the CCM provisions, your
            State’s role, the modality, the period and the consent statement) and submit it to the editors.
            Contributions are taken until the end of {Day(Deadline(call, extension))} ({CallCalendar.ZoneName(call.TimeZone)}).
            {picturesLeft}
            Open the draft:
            {outbox.Link($"/Catalogue/Contributions/{contribution.Id.ToString(CultureInfo.InvariantCulture)}")}

            The SHA-256 of the file as the editors received it is {contribution.ImportedFileSha256}; the draft’s page shows it too,
            so that the sender can compare it with their copy (for example with sha256sum, or certutil -hashfile FILE SHA256).
            """);
    }

    private static DateOnly Deadline(CatalogueCall call, DateOnly? extension) =>
        extension is { } later && later > call.Deadline ? later : call.Deadline;

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Pages(int limit) => limit == 1 ? "one page" : $"{limit.ToString(CultureInfo.InvariantCulture)} pages";
}
