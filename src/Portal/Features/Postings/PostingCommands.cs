using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Audit;
using Portal.Features.WordImport;

namespace Portal.Features.Postings;

public enum SaveOutcome
{
    Saved,

    /// <summary>Someone saved the posting after this form was opened; nothing was written.</summary>
    Conflict,
}

/// <summary>
/// Every change to a posting. Callers have already checked <see cref="Reader.MayManage"/>, or for a renewal or
/// withdrawal by a text's sender, its signed link (<see cref="PostingSenderLinks"/>); the methods record who acted in
/// the audit log and the version, in the same unit of work as the change.
/// </summary>
public sealed class PostingCommands(PortalDbContext db, AuditLog audit, TimeProvider time, Readers readers, PostingMail mail)
{
    /// <summary>A new draft of <paramref name="owner"/>'s from the form.</summary>
    /// <param name="form">The checked form.</param>
    /// <param name="budget">The budget the form's text parsed to.</param>
    /// <param name="owner">The participant the posting speaks for.</param>
    /// <param name="replacesId">The published posting this draft will replace, if any.</param>
    /// <param name="imported">The Word document the draft's text comes from: its name, SHA-256 and import report are recorded.</param>
    public async Task<Posting> CreateDraftAsync(PostingForm form, decimal? budget, Participant owner, int? replacesId = null, WordUpload? imported = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(owner);
        var now = time.GetUtcNow();
        var posting = new Posting
        {
            ParticipantId = owner.Id,
            Kind = form.Kind,
            Status = PostingStatus.Draft,
            Title = "",
            Summary = "",
            Body = "",
            ContactPoint = "",
            CreatedAt = now,
            ReplacesId = replacesId,
            ImportReport = imported?.Import.Report.ToString(),
        };
        await ApplyAsync(posting, form, budget);
        db.Postings.Add(posting);
        await db.SaveChangesAsync();
        audit.Write(AuditEvent.PostingDraftSaved, Target(posting), posting.Title);
        if (imported is not null)
        {
            audit.Write(AuditEvent.PostingImported, Target(posting), $"“{imported.FileName}”, SHA-256 {imported.Sha256}. {posting.ImportReport}");
        }

        await db.SaveChangesAsync();
        return posting;
    }

    /// <summary>
    /// Saves the form into a draft, or publishes it as a new version of a published posting. A version the coordinator
    /// publishes on the participant's behalf records <paramref name="sender"/> as the text's sender (none when null):
    /// the page that publishes on behalf asks for it (<see cref="SenderInput"/>).
    /// </summary>
    public async Task<SaveOutcome> SaveAsync(Posting posting, PostingForm form, decimal? budget, PostingSender? sender = null)
    {
        ArgumentNullException.ThrowIfNull(posting);
        ArgumentNullException.ThrowIfNull(form);
        db.Entry(posting).Property(p => p.Revision).OriginalValue = form.Revision;
        await ApplyAsync(posting, form, budget);
        if (posting.Status != PostingStatus.Draft)
        {
            await PublishVersionAsync(posting, sender);
        }
        else
        {
            audit.Write(AuditEvent.PostingDraftSaved, Target(posting), posting.Title);
        }

        return await SaveOrConflictAsync(posting);
    }

    /// <summary>Publishes the draft; on the participant's behalf, with its <paramref name="sender"/> as for <see cref="SaveAsync"/>.</summary>
    public async Task<SaveOutcome> PublishDraftAsync(Posting posting, int revision, PostingSender? sender = null)
    {
        ArgumentNullException.ThrowIfNull(posting);
        db.Entry(posting).Property(p => p.Revision).OriginalValue = revision;
        await PublishVersionAsync(posting, sender);
        return await SaveOrConflictAsync(posting);
    }

    /// <summary>
    /// Valid for another 12 months from today (never less than it already was), reminders re-armed. False, changing
    /// nothing, when renewal is not open yet (<see cref="PostingRenewal"/>). <paramref name="actor"/> names who acted
    /// when it is not the signed-in visitor (a sender, through a signed link).
    /// </summary>
    public async Task<bool> RenewAsync(Posting posting, string? actor = null)
    {
        ArgumentNullException.ThrowIfNull(posting);
        var now = time.GetUtcNow();
        if (!PostingRenewal.IsOpen(posting.ValidUntil, now))
        {
            return false;
        }

        posting.ValidUntil = PostingRenewal.RenewedUntil(now);
        posting.Reminder30SentAt = null;
        posting.Reminder7SentAt = null;
        posting.ExpiredAt = null;
        posting.Revision++;
        audit.WriteAs(actor ?? audit.CurrentActor(), AuditEvent.PostingRenewed, Target(posting), $"valid until {PostingLabels.Date(posting.ValidUntil)}");
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Deletes a draft, or withdraws a published posting; <paramref name="actor"/> as for <see cref="RenewAsync"/>.</summary>
    public async Task WithdrawAsync(Posting posting, string? actor = null)
    {
        ArgumentNullException.ThrowIfNull(posting);
        if (posting.Status == PostingStatus.Draft)
        {
            audit.Write(AuditEvent.PostingDraftDeleted, Target(posting), posting.Title);
            db.Postings.Remove(posting);
        }
        else
        {
            posting.Status = PostingStatus.Withdrawn;
            posting.ClosedAt = time.GetUtcNow();
            posting.Revision++;
            audit.WriteAs(actor ?? audit.CurrentActor(), AuditEvent.PostingWithdrawn, Target(posting), posting.Title);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>A draft copy that, once published, takes the old posting's place; the old one keeps its history.</summary>
    public async Task<Posting> StartReplacementAsync(Posting old, Participant owner)
    {
        ArgumentNullException.ThrowIfNull(old);
        var pending = await db.Postings.Where(p => p.ReplacesId == old.Id && p.Status == PostingStatus.Draft)
            .FirstOrDefaultAsync();
        if (pending is not null)
        {
            return pending;
        }

        var form = PostingForm.From(old, owner.Code);
        var now = time.GetUtcNow();
        form.ValidUntil = DateOnly.FromDateTime(now.UtcDateTime.Add(PostingForm.DefaultValidity));
        var draft = await CreateDraftAsync(form, old.Budget, owner, old.Id);
        if ((await readers.CurrentAsync()).PublishesOnBehalfOf(owner.Id) && old.SenderEmail is not null)
        {
            // The coordinator's publish step offers the old posting's sender again, and records whom it is given.
            (draft.SenderEmail, draft.SenderName) = (old.SenderEmail, old.SenderName);
            await db.SaveChangesAsync();
        }

        return draft;
    }

    private async Task PublishVersionAsync(Posting posting, PostingSender? sender)
    {
        var reader = await readers.CurrentAsync();
        var onBehalf = reader.PublishesOnBehalfOf(posting.ParticipantId);
        if (onBehalf)
        {
            (posting.SenderEmail, posting.SenderName) = (sender?.Email, sender?.Name);
        }

        var now = time.GetUtcNow();
        var ownerCode = posting.Participant?.Code
            ?? await db.Participants.Where(p => p.Id == posting.ParticipantId).Select(p => p.Code).SingleAsync();
        var first = posting.Status == PostingStatus.Draft;
        // A draft saved before the template's guidance became hint text may still hold it: it is never published.
        posting.Body = BodySections.WithoutGuidance(posting.Body);
        var version = posting.AppendVersion(ownerCode, reader.UserId ?? throw new InvalidOperationException("Only accounts publish."),
            audit.CurrentActor(), onBehalf, now);
        // The report stays with the version while the version's text is still the document's.
        version.ImportReport = posting.FromDocument.HasFlag(ImportedParts.Text) ? posting.ImportReport : null;
        audit.Write(first ? AuditEvent.PostingPublished : AuditEvent.PostingVersionPublished, Target(posting),
            onBehalf && PostingSender.Of(posting) is { } declared
                ? $"version {posting.CurrentVersion}: {posting.Title}; sent by {declared.Declared} (as the coordinator typed it, not verified)"
                : $"version {posting.CurrentVersion}: {posting.Title}");
        if (version.OnBehalf)
        {
            await TellOnBehalfAsync(posting, version);
        }

        if (first && posting.ReplacesId is int oldId)
        {
            var old = await db.Postings.SingleOrDefaultAsync(p => p.Id == oldId && p.ParticipantId == posting.ParticipantId);
            if (old is not null && old.Status == PostingStatus.Published)
            {
                old.Status = PostingStatus.Replaced;
                old.ClosedAt = now;
                old.ReplacedById = posting.Id;
                old.Revision++;
                audit.Write(AuditEvent.PostingReplaced, Target(old), $"replaced by posting {posting.Id}");
            }
        }
    }

    /// <summary>
    /// A text published in a participant's name by someone else is e-mailed to its focal points at once, to all of them,
    /// whatever they chose for notices: it asks nothing of them (nothing waits, so the daily summary would have nothing to
    /// list), it tells them what was said in their name. Its sender, when recorded and not one of them, is e-mailed the
    /// same with the links that renew or withdraw it. The mails are queued in the unit of work that publishes.
    /// </summary>
    private async Task TellOnBehalfAsync(Posting posting, PostingVersion version)
    {
        var participant = await db.Participants.Where(p => p.Id == posting.ParticipantId).Select(p => p.Name).SingleAsync();
        var focalPoints = await db.Users.AsNoTracking().Where(PostingRecipients.FocalPointsOf(posting.ParticipantId))
            .Select(u => new { u.Email, u.FullName }).ToListAsync();
        var about = new PublishedOnBehalf(posting.Id, posting.Kind, posting.Title, participant, version.Number, version.Fingerprint,
            PostingAuthor.NameOnly(version.AuthorName));
        foreach (var focalPoint in focalPoints)
        {
            mail.SendPublishedOnBehalf(focalPoint.Email!, focalPoint.FullName, about);
        }

        if (PostingSender.Of(posting) is { } sender && !focalPoints.Any(f => string.Equals(f.Email, sender.Email, StringComparison.OrdinalIgnoreCase)))
        {
            mail.SendPublishedToSender(sender, about, posting.ValidUntil);
        }
    }

    private async Task<SaveOutcome> SaveOrConflictAsync(Posting posting)
    {
        posting.Revision++;
        try
        {
            await db.SaveChangesAsync();
            return SaveOutcome.Saved;
        }
        catch (DbUpdateException)
        {
            // A concurrency token mismatch, or two publishes racing for the same version number.
            db.ChangeTracker.Clear();
            return SaveOutcome.Conflict;
        }
    }

    private async Task ApplyAsync(Posting posting, PostingForm form, decimal? budget)
    {
        var countries = form.Countries.Order(StringComparer.Ordinal).ToList();
        var countryRegions = await db.Participants
            .Where(p => p.Kind == ParticipantKind.State && countries.Contains(p.Code))
            .Select(p => new { p.Region, p.Subregion }).ToListAsync();
        var chosen = form.Regions.Aggregate(Regions.None, (all, r) => all | r);

        posting.Kind = form.Kind;
        posting.Title = form.Title ?? "";
        posting.Summary = form.Summary ?? "";
        posting.Body = form.Body ?? "";
        posting.Areas = form.Areas.Aggregate(CcmAreas.None, (all, a) => all | a);
        posting.AssistanceTypes = form.AssistanceTypes.Aggregate(AssistanceTypes.None, (all, a) => all | a);
        posting.ChosenRegions = chosen;
        posting.Role = form.ChosenRole;
        posting.Modalities = form.ChosenModalities;
        posting.Regions = M49Regions.Concerned(chosen, countryRegions.Select(c => (c.Region, c.Subregion)));
        posting.Budget = form.HasBudget ? budget : null;
        posting.Currency = form.HasBudget && budget is not null ? form.Currency : null;
        posting.Period = string.IsNullOrEmpty(form.Period) ? null : form.Period;
        posting.ApplicationDeadline = form.Deadline;
        posting.ContactPoint = form.ContactPoint ?? "";
        posting.FromDocument = form.Imported?.KeptIn(form) ?? ImportedParts.None;
        posting.Visibility = form.Visibility;
        // The form holds a date; renewal and the sample data store a time of day too. Only another date counts.
        if (form.ValidUntil!.Value != DateOnly.FromDateTime(posting.ValidUntil.UtcDateTime))
        {
            // A new date is a renewal by hand: the reminders are due again for it, and an expired posting is back.
            posting.ValidUntil = new DateTimeOffset(form.ValidUntil.Value.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero);
            posting.Reminder30SentAt = null;
            posting.Reminder7SentAt = null;
            posting.ExpiredAt = null;
            if (db.Entry(posting).State is EntityState.Unchanged or EntityState.Modified)
            {
                // Written even if they were empty when the posting was read: the lifecycle job sets them with its own
                // UPDATE, which the revision check does not see.
                db.Entry(posting).Property(p => p.Reminder30SentAt).IsModified = true;
                db.Entry(posting).Property(p => p.Reminder7SentAt).IsModified = true;
                db.Entry(posting).Property(p => p.ExpiredAt).IsModified = true;
            }
        }

        posting.Countries.RemoveAll(c => !countries.Contains(c.CountryCode));
        foreach (var code in countries.Where(code => posting.Countries.All(c => c.CountryCode != code)))
        {
            posting.Countries.Add(new PostingCountry { CountryCode = code });
        }
    }

    public static string Target(Posting posting) => $"posting {posting.Id}";
}
