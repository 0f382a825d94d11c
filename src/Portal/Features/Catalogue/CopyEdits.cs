using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Features.Notices;
using Portal.Features.Versions;

namespace Portal.Features.Catalogue;

/// <summary>Who was e-mailed a proposal: the State's focal points, or for a State without one the person who sent its contribution, or nobody.</summary>
public enum ProposalSentTo
{
    FocalPoints,
    Sender,
    Nobody,
}

/// <summary>A proposal filed, and who was told of it.</summary>
public sealed record ProposedCopyEdit(ContributionEdit Edit, ProposalSentTo SentTo);

/// <summary>
/// "Edited and published": an editor proposes a copy-edit of an accepted contribution, its State's focal points sign it
/// off or decline it. Only a sign-off changes the contribution (whose fields the book reads), and it keeps the new text
/// as a version. A State without a focal point account is asked through the person who sent its contribution, and an
/// editor records its answer received by e-mail, shown as recorded. Each command checks the visitor's right itself,
/// whatever the page showed.
/// </summary>
public sealed class CopyEdits(
    PortalDbContext db, CatalogueVisitors visitors, ContributionVersions versions, CatalogueMail mail, AuditLog audit, TimeProvider time)
{
    /// <summary>The proposal waiting for the State's sign-off, if any.</summary>
    public Task<ContributionEdit?> OpenAsync(int contributionId) =>
        db.ContributionEdits.AsNoTracking().SingleOrDefaultAsync(e => e.ContributionId == contributionId && e.Status == ContributionEditStatus.Proposed);

    /// <summary>
    /// Files the editor's texts as the contribution's proposal, replacing the one that waited, and e-mails the State's
    /// focal points; a State without any is asked through the person who sent its contribution, if one is recorded,
    /// with the changed lines. The contribution itself does not change. Null when the State answered the waiting
    /// proposal, or another editor filed one, at the same moment: nothing is filed then.
    /// </summary>
    public async Task<ProposedCopyEdit?> ProposeAsync(Contribution contribution, ContributionTexts texts, string note)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        ArgumentNullException.ThrowIfNull(texts);
        var visitor = await visitors.CurrentAsync();
        if (!visitor.MayCopyEdit(contribution))
        {
            throw new UnauthorizedAccessException("Only editors copy-edit accepted contributions.");
        }

        var editorId = visitor.Reader.UserId!;
        // A contribution accepted before versions were kept gets its State's text as a version first.
        var basis = await versions.KeepStateTextAsync(contribution, editorId);
        var replaced = (await OpenAsync(contribution.Id))?.Id;
        await versions.SupersedeOpenAsync(contribution.Id);
        var edit = new ContributionEdit
        {
            ContributionId = contribution.Id,
            BasedOnVersion = basis.Number,
            Title = texts.Title,
            Body = texts.Body,
            Quotes = [.. texts.Quotes],
            Note = note,
            EditorId = editorId,
            ProposedAt = time.GetUtcNow(),
            Status = ContributionEditStatus.Proposed,
        };
        db.ContributionEdits.Add(edit);
        var editor = await db.Users.AsNoTracking().SingleAsync(u => u.Id == editorId);
        var focalPoints = await FocalPointsAsync(contribution.ParticipantId);
        // The proposal waits for them: those who chose the daily summary read it there.
        foreach (var focalPoint in focalPoints.Where(NoticeChoice.IsToldAtOnce))
        {
            mail.SendCopyEditProposed(focalPoint, contribution, editor.FullName, note);
        }

        var sentTo = focalPoints.Count > 0 ? ProposalSentTo.FocalPoints
            : string.IsNullOrEmpty(contribution.ReceivedFromEmail) ? ProposalSentTo.Nobody : ProposalSentTo.Sender;
        if (sentTo == ProposalSentTo.Sender)
        {
            var state = await db.Participants.AsNoTracking().Where(p => p.Id == contribution.ParticipantId).Select(p => p.Name).SingleAsync();
            var changes = TextDiff.AsPlainText(texts.ChangesFrom(ContributionTexts.Of(contribution)));
            mail.SendCopyEditProposedToSender(contribution, state, editor, note, changes);
        }

        audit.Write(AuditEvent.ContributionCopyEditProposed, $"contribution:{contribution.Id}", contribution.Title);
        try
        {
            await db.SaveChangesAsync();
            return new ProposedCopyEdit(edit, sentTo);
        }
        catch (DbUpdateException)
        {
            // The status of the proposal replaced, or the index of open proposals, said no: someone else was first.
            db.ChangeTracker.Clear();
            if ((await OpenAsync(contribution.Id))?.Id != replaced)
            {
                return null;
            }

            throw;
        }
    }

    /// <summary>
    /// Applies the proposal the focal point read (<paramref name="editId"/>) and keeps it as a version. False when it no
    /// longer waits: answered by someone else, replaced by the editors, or made to a text that has changed since.
    /// </summary>
    public async Task<bool> SignOffAsync(Contribution contribution, int editId)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        var (visitor, edit) = await AnswerableAsync(contribution, editId);
        if (edit is null || !await ApplyAsync(contribution, edit))
        {
            return false;
        }

        Answer(edit, ContributionEditStatus.SignedOff, visitor.Reader.UserId!, time.GetUtcNow());
        versions.AddCopyEdit(edit, visitor.Reader.UserId!);
        await TellEditorAsync(edit, contribution, signedOff: true, visitor.Reader.UserId!);
        audit.Write(AuditEvent.ContributionCopyEditSignedOff, $"contribution:{contribution.Id}", contribution.Title);
        return await SaveUnlessAnsweredMeanwhileAsync(edit.Id);
    }

    /// <summary>
    /// An editor records the answer of a State without a focal point account, received by e-mail from
    /// <paramref name="fromName"/> (<paramref name="fromEmail"/>): a sign-off (<paramref name="declineReason"/> null)
    /// applies the proposal as <see cref="SignOffAsync"/> does, a decline keeps the text. Kept with who answered and who
    /// recorded it, and audited; the editor who proposed the changes is e-mailed the answer when another editor
    /// recorded it. False when the proposal no longer waits, as for the State's own answer.
    /// </summary>
    public async Task<bool> RecordAnswerAsync(Contribution contribution, int editId, string? declineReason, string fromName, string fromEmail)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        ArgumentException.ThrowIfNullOrWhiteSpace(fromName);
        ArgumentException.ThrowIfNullOrWhiteSpace(fromEmail);
        var visitor = await visitors.CurrentAsync();
        if (!visitor.MayRecordAnswer(contribution, await visitors.StateSignsOffAsync(contribution.ParticipantId)))
        {
            throw new UnauthorizedAccessException("Editors record an answer received by e-mail only for a State without a focal point account.");
        }

        var edit = await db.ContributionEdits.SingleOrDefaultAsync(e => e.Id == editId && e.ContributionId == contribution.Id
            && e.Status == ContributionEditStatus.Proposed);
        var signedOff = declineReason is null;
        if (edit is null || (signedOff && !await ApplyAsync(contribution, edit)))
        {
            return false;
        }

        var editorId = visitor.Reader.UserId!;
        Answer(edit, signedOff ? ContributionEditStatus.SignedOff : ContributionEditStatus.Declined, editorId, time.GetUtcNow());
        edit.DeclineReason = declineReason;
        edit.AnswerFromName = fromName;
        edit.AnswerFromEmail = fromEmail;
        if (signedOff)
        {
            var version = versions.AddCopyEdit(edit, editorId);
            version.SignOffFromName = fromName;
            version.SignOffFromEmail = fromEmail;
        }

        await TellProposerOfRecordedAnswerAsync(edit, contribution, editorId);
        audit.Write(signedOff ? AuditEvent.ContributionCopyEditSignOffRecorded : AuditEvent.ContributionCopyEditDeclineRecorded,
            $"contribution:{contribution.Id}", $"“{contribution.Title}”, answer received by e-mail from {fromName} <{fromEmail}>");
        return await SaveUnlessAnsweredMeanwhileAsync(edit.Id);
    }

    /// <summary>Makes the proposal's texts the contribution's; false when it was made to a text that has changed since.</summary>
    private async Task<bool> ApplyAsync(Contribution contribution, ContributionEdit edit)
    {
        if ((await versions.LatestAsync(contribution.Id))?.Number != edit.BasedOnVersion)
        {
            return false;
        }

        contribution.Title = edit.Title;
        contribution.Body = edit.Body;
        foreach (var (testimonial, quote) in contribution.Testimonials.OrderBy(t => t.Position).Zip(edit.Quotes))
        {
            testimonial.Quote = quote;
        }

        contribution.UpdatedAt = time.GetUtcNow();
        contribution.Version++;
        contribution.LaidOutPages = null;
        contribution.LaidOutPagesWithPictures = null;
        return true;
    }

    /// <summary>Turns the proposal down with a reason the editors read; the contribution keeps its text.</summary>
    public async Task<bool> DeclineAsync(Contribution contribution, int editId, string reason)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var (visitor, edit) = await AnswerableAsync(contribution, editId);
        if (edit is null)
        {
            return false;
        }

        Answer(edit, ContributionEditStatus.Declined, visitor.Reader.UserId!, time.GetUtcNow());
        edit.DeclineReason = reason;
        await TellEditorAsync(edit, contribution, signedOff: false, visitor.Reader.UserId!);
        audit.Write(AuditEvent.ContributionCopyEditDeclined, $"contribution:{contribution.Id}", contribution.Title);
        return await SaveUnlessAnsweredMeanwhileAsync(edit.Id);
    }

    private async Task<(CatalogueVisitor Visitor, ContributionEdit? Edit)> AnswerableAsync(Contribution contribution, int editId)
    {
        var visitor = await visitors.CurrentAsync();
        if (!visitor.MaySignOff(contribution))
        {
            throw new UnauthorizedAccessException("Only the State's focal points sign off or decline the editors' changes.");
        }

        var edit = await db.ContributionEdits.SingleOrDefaultAsync(e => e.Id == editId && e.ContributionId == contribution.Id
            && e.Status == ContributionEditStatus.Proposed);
        return (visitor, edit);
    }

    private static void Answer(ContributionEdit edit, ContributionEditStatus status, string by, DateTimeOffset at)
    {
        edit.Status = status;
        edit.AnsweredBy = by;
        edit.AnsweredAt = at;
    }

    // The proposal's status is its concurrency token: of two answers (or an answer and a new proposal) given at the
    // same moment, one is saved and the other changes nothing. (The loser may instead trip over the version number the
    // winner took; either way the proposal has been answered.)
    private async Task<bool> SaveUnlessAnsweredMeanwhileAsync(int editId)
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.ContributionEdits.AnyAsync(e => e.Id == editId && e.Status != ContributionEditStatus.Proposed))
            {
                return false;
            }

            throw;
        }
    }

    private async Task TellEditorAsync(ContributionEdit edit, Contribution contribution, bool signedOff, string focalPointId)
    {
        var names = await db.Users.AsNoTracking().Where(u => u.Id == edit.EditorId || u.Id == focalPointId).ToDictionaryAsync(u => u.Id);
        if (names.TryGetValue(edit.EditorId, out var editor) && !editor.IsDisabled)
        {
            mail.SendCopyEditAnswered(editor, contribution, names[focalPointId].FullName, signedOff ? null : edit.DeclineReason ?? "");
        }
    }

    /// <summary>
    /// Tells the editor who proposed the changes the State's answer that another editor recorded from an e-mail, in the
    /// unit of work that records it; nobody when the proposer recorded it or can no longer act as an editor.
    /// </summary>
    private async Task TellProposerOfRecordedAnswerAsync(ContributionEdit edit, Contribution contribution, string recordedById)
    {
        if (edit.EditorId == recordedById)
        {
            return;
        }

        var proposer = await db.Users.AsNoTracking().Where(CatalogueVisitors.ActiveEditor).SingleOrDefaultAsync(u => u.Id == edit.EditorId);
        if (proposer is not null)
        {
            var recorder = await db.Users.AsNoTracking().Where(u => u.Id == recordedById).Select(u => u.FullName).SingleAsync();
            mail.SendCopyEditAnswerRecorded(proposer, contribution, recorder, edit);
        }
    }

    private Task<List<PortalUser>> FocalPointsAsync(int participantId) =>
        db.Users.AsNoTracking().Where(CatalogueVisitor.SignsOffFor(participantId)).OrderBy(u => u.Id).ToListAsync();
}
