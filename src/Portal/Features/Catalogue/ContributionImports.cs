using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Features.WordImport;

namespace Portal.Features.Catalogue;

/// <summary>Where a contribution's title came from when it was started from a Word document.</summary>
public enum ImportedTitle
{
    Typed,
    DocumentTitle,
    FirstHeading,
    FileName,
}

/// <summary>
/// Contributions from Word documents, their text word for word (<see cref="DocxImporter"/>): a State's focal point
/// starts a draft from one or replaces a draft's text with one; an editor enters a contribution that reached the
/// editors by e-mail on a State's behalf, recording who sent the file, its name and its SHA-256, and the State's focal
/// points are e-mailed that a draft waits for them. The document's pictures are not imported: each needs a caption,
/// credit and description on the Pictures page, and the report says how many there were. Each command checks the
/// visitor's right and the deadline itself, through <see cref="CatalogueVisitor"/> and <see cref="ContributionCommands"/>.
/// </summary>
public sealed class ContributionImports(
    PortalDbContext db, CatalogueVisitors visitors, ContributionCommands commands, CatalogueMail mail, ContributionSenderMail senderMail,
    AuditLog audit, TimeProvider time)
{
    /// <summary>A new draft of the visitor's own State from the document; null with the reasons in <paramref name="errors"/>.</summary>
    /// <param name="call">The call it answers.</param>
    /// <param name="typedTitle">The title the focal point typed; empty, the document's title or first heading is taken.</param>
    /// <param name="upload">The document.</param>
    /// <param name="errors">Where the form's problems go ("Input.Title", or the whole form when the call is closed).</param>
    public async Task<(Contribution? Contribution, ImportedTitle Title)> StartAsync(
        CatalogueCall call, string? typedTitle, WordUpload upload, ModelStateDictionary errors)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var (title, source) = TitleOf(typedTitle, upload);
        var form = new ContributionForm { Title = title, Body = upload.Import.Markdown };
        if (await commands.StartAsync(call, form, errors) is not { } contribution)
        {
            return (null, source);
        }

        contribution.ImportReport = upload.Import.Report.ToString();
        await audit.RecordAsync(AuditEvent.ContributionImported, Target(contribution), Detail(upload));
        return (contribution, source);
    }

    /// <summary>Replaces the text of a draft (or of a contribution sent back for revision) with the document's.</summary>
    public async Task<bool> ReplaceTextAsync(Contribution contribution, WordUpload upload, ModelStateDictionary errors)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var form = ContributionForm.From(contribution);
        form.Body = upload.Import.Markdown;
        if (!await commands.SaveAsync(contribution, form, errors))
        {
            return false;
        }

        contribution.ImportReport = upload.Import.Report.ToString();
        await audit.RecordAsync(AuditEvent.ContributionImported, Target(contribution), Detail(upload));
        return true;
    }

    /// <summary>
    /// An editor enters a contribution a State sent by e-mail as that State's draft: the document's title (or first
    /// heading, or file name) and text, the sender, the file's name and SHA-256, who entered it and when. The State's
    /// focal points (the accounts that act for it, <see cref="CatalogueVisitor.SignsOffFor"/>) are e-mailed in the same
    /// unit of work, or the sender when it has none. Null, with the reason in <paramref name="errors"/>, when the call no longer takes the State's
    /// submissions or the same file was already entered.
    /// </summary>
    public async Task<Contribution?> EnterOnBehalfAsync(
        CatalogueCall call, Participant state, string senderName, string senderEmail, WordUpload upload, ModelStateDictionary errors)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(errors);
        var visitor = await visitors.CurrentAsync();
        if (!visitor.MayEnterOnBehalf(state) || call.Status != CallStatus.Published)
        {
            throw new UnauthorizedAccessException("Only editors enter a contribution on a State's behalf, to a published call.");
        }

        var extension = await commands.ExtensionAsync(call.Id, state.Id);
        if (!await commands.IsOpenForAsync(call, state.Id))
        {
            errors.AddModelError("Input.ParticipantId", ClosedMessage(call, state, extension, time.GetUtcNow()));
            return null;
        }

        var earlier = await db.Contributions.AsNoTracking()
            .Where(c => c.CallId == call.Id && c.ImportedFileSha256 == upload.Sha256 && c.Status != ContributionStatus.Withdrawn)
            .Select(c => new { c.Title, c.ImportedAt, State = c.Participant!.Name }).FirstOrDefaultAsync();
        if (earlier is not null)
        {
            errors.AddModelError("Input.Document", $"This file was already entered for {earlier.State} on {Day(earlier.ImportedAt)}, as “{earlier.Title}”; it is not entered twice.");
            return null;
        }

        var now = time.GetUtcNow();
        var editor = visitor.Reader.UserId!;
        var contribution = new Contribution
        {
            CallId = call.Id,
            ParticipantId = state.Id,
            Title = TitleOf(null, upload).Title,
            Body = upload.Import.Markdown.Replace("\r\n", "\n", StringComparison.Ordinal),
            CreatedBy = editor,
            CreatedAt = now,
            UpdatedAt = now,
            EnteredOnBehalfBy = editor,
            ReceivedFromName = senderName,
            ReceivedFromEmail = senderEmail,
            ImportedFileName = upload.FileName,
            ImportedFileSha256 = upload.Sha256,
            ImportedAt = now,
            ImportReport = upload.Import.Report.ToString(),
        };
        // One unit of work: the draft, the e-mails that link to it, the audit entry.
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Contributions.Add(contribution);
        await db.SaveChangesAsync();

        var focalPoints = await db.Users.AsNoTracking().Where(CatalogueVisitor.SignsOffFor(state.Id)).ToListAsync();
        foreach (var focalPoint in focalPoints)
        {
            mail.SendEnteredOnBehalf(focalPoint, contribution, call, state.Name, upload.Import.Images.Count, extension);
        }

        if (focalPoints.Count == 0)
        {
            // Nobody acts for the State on the portal: its sender is told instead (ContributionSenderMail).
            senderMail.SendEntered(contribution, call, state.Name);
        }

        audit.Write(AuditEvent.ContributionEnteredOnBehalf, Target(contribution),
            $"“{contribution.Title}” for {state.Name}, sent by {senderName} <{senderEmail}>: {Detail(upload)}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return contribution;
    }

    /// <summary>
    /// How a contribution entered on a State's behalf came in, as its pages say it; <paramref name="Submitted"/> when an
    /// editor also submitted it for the State.
    /// </summary>
    public sealed record Entry(
        string Editor, string State, string SenderName, string SenderEmail, string FileName, string Sha256, DateTimeOffset At, Submission? Submitted)
    {
        /// <summary>What the import did with the file's content (<see cref="DocxReport"/>); null for an entry made before reports were kept.</summary>
        public string? Report { get; init; }
    }

    /// <summary>An editor's submission on a State's behalf, from the e-mail of a sender the editor typed in (declared, not verified).</summary>
    public sealed record Submission(string Editor, string FromName, string FromEmail, DateOnly ReceivedOn)
    {
        /// <summary>The one way the portal says it, on the contribution's page, the call's page and in e-mails.</summary>
        public string Sentence() =>
            $"Submitted on the State's behalf by {Editor}, from the e-mail of {FromName} ({FromEmail}) of {ReceivedOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.";

        /// <summary>From a contribution's recorded sender (<see cref="Contribution.SubmittedFromName"/> and the rest); null when there is none.</summary>
        public static Submission? Of(string? editor, string? fromName, string? fromEmail, DateOnly? receivedOn) =>
            fromName is { } name && fromEmail is { } email && receivedOn is { } on ? new Submission(editor ?? "an editor", name, email, on) : null;
    }

    /// <summary>Null for a contribution its State started itself.</summary>
    public async Task<Entry?> EntryOfAsync(Contribution contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        if (contribution.EnteredOnBehalfBy is not { } editorId)
        {
            return null;
        }

        var names = await db.Users.AsNoTracking().Where(u => u.Id == editorId || u.Id == contribution.SubmittedBy)
            .ToDictionaryAsync(u => u.Id, u => u.FullName);
        var state = contribution.Participant?.Name
            ?? await db.Participants.AsNoTracking().Where(p => p.Id == contribution.ParticipantId).Select(p => p.Name).SingleAsync();
        var submittedBy = contribution.SubmittedBy is { } id ? names.GetValueOrDefault(id) : null;
        return new Entry(names.GetValueOrDefault(editorId) ?? "an editor", state, contribution.ReceivedFromName ?? "", contribution.ReceivedFromEmail ?? "",
            contribution.ImportedFileName ?? "", contribution.ImportedFileSha256 ?? "", contribution.ImportedAt ?? contribution.CreatedAt,
            Submission.Of(submittedBy, contribution.SubmittedFromName, contribution.SubmittedFromEmail, contribution.SubmittedFromOn))
        {
            Report = contribution.ImportReport,
        };
    }

    /// <summary>The sentence for the pictures a document held, which the focal points add on the Pictures page; empty for none.</summary>
    public static string PicturesNotImported(int pictures) => pictures switch
    {
        0 => "",
        1 => "One picture was not imported: add it on the Pictures page with a caption, credit and description.",
        _ => $"{pictures.ToString(CultureInfo.InvariantCulture)} pictures were not imported: add them on the Pictures page with a caption, credit and description.",
    };

    /// <summary>The same for the editor who entered the document: the State's focal points add them.</summary>
    public static string PicturesLeftToTheState(int pictures) => pictures switch
    {
        0 => "",
        1 => "The document holds one picture, which was not imported: the State’s focal points add it on the Pictures page with a caption, credit and description.",
        _ => $"The document holds {pictures.ToString(CultureInfo.InvariantCulture)} pictures, which were not imported: the State’s focal points add them on the Pictures page with a caption, credit and description.",
    };

    /// <summary>What the focal point is told of a title the portal chose; empty when they typed it or the document has a title.</summary>
    public static string TitleReport(ImportedTitle title) => title switch
    {
        ImportedTitle.FirstHeading => "The title is the document’s first heading; change it if it does not name the project.",
        ImportedTitle.FileName => "The document has neither a title nor a heading, so the draft is named after the file; change the title to name the project.",
        _ => "",
    };

    /// <summary>Why the call takes no contribution for the State now: not open yet, or closed for it.</summary>
    public static string ClosedMessage(CatalogueCall call, Participant state, DateOnly? extension, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(state);
        if (now < CallCalendar.OpensAt(call))
        {
            return NotOpenMessage(call, now);
        }

        var deadline = extension is { } later && later > call.Deadline ? later : call.Deadline;
        return $"The call closed for {state.Name} at the end of {Day(deadline)} ({CallCalendar.ZoneName(call.TimeZone)}). "
            + $"A contribution received by e-mail is entered only while the State may still submit: if the editors agree, give {state.Name} more time on the call’s page first.";
    }

    /// <summary>What the page says of a call that is not open to every State now.</summary>
    public static string NotOpenMessage(CatalogueCall call, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        return now < CallCalendar.OpensAt(call)
            ? $"The call opens on {Day(call.OpensOn)} ({CallCalendar.ZoneName(call.TimeZone)}); a contribution received by e-mail can be entered from then on."
            : $"The call closed at the end of {Day(call.Deadline)} ({CallCalendar.ZoneName(call.TimeZone)}). As for any submission, a contribution received by e-mail is entered now only for a State whose deadline the editors extended; give a State more time on the call’s page first.";
    }

    /// <summary>The title typed, else the document's title (style "Title"), else its first heading, else its file name; each only if it fits.</summary>
    private static (string Title, ImportedTitle Source) TitleOf(string? typed, WordUpload upload)
    {
        if (typed?.Trim() is { Length: > 0 } own)
        {
            return (own, ImportedTitle.Typed);
        }

        if (Fitting(upload.Import.Title) is { } title)
        {
            return (title, ImportedTitle.DocumentTitle);
        }

        if (Fitting(upload.Import.FirstHeading) is { } heading)
        {
            return (heading, ImportedTitle.FirstHeading);
        }

        // A cleaned file name's stem is at most 100 characters, well within a title.
        return (Path.GetFileNameWithoutExtension(upload.FileName).Trim(), ImportedTitle.FileName);

        static string? Fitting(string? text) => text?.Trim() is { Length: > 0 and <= ContributionLimits.Title } fits ? fits : null;
    }

    private static string Target(Contribution contribution) => $"contribution:{contribution.Id.ToString(CultureInfo.InvariantCulture)}";

    private static string Detail(WordUpload upload) => $"“{upload.FileName}”, SHA-256 {upload.Sha256}. {upload.Import.Report}";

    private static string Day(DateTimeOffset? at) => at?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "an earlier day";

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
