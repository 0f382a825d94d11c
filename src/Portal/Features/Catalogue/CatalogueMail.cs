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

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static DateOnly Deadline(CatalogueCall call, DateOnly? extension) =>
        extension is { } later && later > call.Deadline ? later : call.Deadline;

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Pages(int limit) => limit == 1 ? "one page" : $"{limit.ToString(CultureInfo.InvariantCulture)} pages";
}
