using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;

namespace Portal.Features.Catalogue;

/// <summary>
/// Starting, saving, submitting and withdrawing contributions, and the editors' decisions. Each command checks the
/// visitor's right and the call's deadline itself (on the server, in the call's time zone), whatever the page showed.
/// </summary>
public sealed class ContributionCommands(
    PortalDbContext db, CatalogueVisitors visitors, ContributionLength length, ContributionVersions versions, ContributionNotices notices,
    AuditLog audit, TimeProvider time)
{
    /// <summary>The contribution with everything the form and the book need, or null when this visitor may not see it.</summary>
    public async Task<Contribution?> FindAsync(int id)
    {
        var visitor = await visitors.CurrentAsync();
        var contribution = await db.Contributions
            .Include(c => c.Call)
            .Include(c => c.Participant)
            .Include(c => c.Authors)
            .Include(c => c.Testimonials)
            .Include(c => c.Figures)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id);
        return contribution is not null && visitor.MaySee(contribution) ? contribution : null;
    }

    /// <summary>The participant's deadline extension for the call, if the editors granted one.</summary>
    public Task<DateOnly?> ExtensionAsync(int callId, int participantId) =>
        db.CallExtensions.AsNoTracking().Where(x => x.CallId == callId && x.ParticipantId == participantId)
            .Select(x => (DateOnly?)x.Deadline).SingleOrDefaultAsync();

    /// <summary>Whether the call takes this participant's new submissions now.</summary>
    public async Task<bool> IsOpenForAsync(CatalogueCall call, int participantId) =>
        CallCalendar.TakesSubmissions(call, time.GetUtcNow(), await ExtensionAsync(call.Id, participantId));

    /// <summary>A new draft for the visitor's own State, while the call takes submissions.</summary>
    public async Task<Contribution?> StartAsync(CatalogueCall call, ContributionForm form, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary errors)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(form);
        var visitor = await visitors.CurrentAsync();
        if (visitor.Reader.OwnParticipantId is not int participantId || !visitor.MayWrite(participantId))
        {
            throw new UnauthorizedAccessException("Only a State's focal points start its contributions.");
        }

        if (!await IsOpenForAsync(call, participantId))
        {
            errors.AddModelError("", ClosedMessage(call, await ExtensionAsync(call.Id, participantId)));
            return null;
        }

        var now = time.GetUtcNow();
        var contribution = new Contribution
        {
            CallId = call.Id,
            ParticipantId = participantId,
            Title = "",
            CreatedBy = visitor.Reader.UserId!,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!form.TryApply(contribution, errors, "Input"))
        {
            return null;
        }

        db.Contributions.Add(contribution);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditEvent.ContributionSaved, $"contribution:{contribution.Id}", contribution.Title);
        return contribution;
    }

    /// <summary>Saves the form's fields on a draft or a contribution sent back for revision.</summary>
    public async Task<bool> SaveAsync(Contribution contribution, ContributionForm form, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary errors)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        ArgumentNullException.ThrowIfNull(form);
        if (!await visitors.MayEditAsync(contribution))
        {
            throw new UnauthorizedAccessException("This contribution cannot be changed by this visitor now.");
        }

        if (!form.TryApply(contribution, errors, "Input"))
        {
            return false;
        }

        MarkChanged(contribution, time.GetUtcNow());
        audit.Write(AuditEvent.ContributionSaved, $"contribution:{contribution.Id}", contribution.Title);
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Lays the saved contribution out as the book would and keeps the count; null when it cannot be measured here.</summary>
    public async Task<PageCount?> MeasureAsync(Contribution contribution, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        var count = await length.CountAsync(contribution, cancellation);
        if (count is not null)
        {
            contribution.LaidOutPages = count.Pages;
            contribution.LaidOutPagesWithPictures = count.PagesWithPictures;
            await db.SaveChangesAsync(cancellation);
        }

        return count;
    }

    /// <summary>
    /// Sends the saved contribution to the editors, or adds the reasons it cannot go yet to <paramref name="errors"/>:
    /// anything the book needs that is missing, a text over the page limit, a call that has closed for this participant
    /// (a revision the editors asked for may still be submitted).
    /// </summary>
    public async Task<bool> SubmitAsync(Contribution contribution, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary errors, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        ArgumentNullException.ThrowIfNull(errors);
        var visitor = await visitors.CurrentAsync();
        if (!visitor.MaySubmit(contribution))
        {
            throw new UnauthorizedAccessException("This contribution cannot be submitted by this visitor now.");
        }

        if (!await PassesChecksAsync(contribution, errors, problem => $"Input.{problem.Field}", cancellation))
        {
            return false;
        }

        MarkSubmitted(contribution, visitor.Reader.UserId!);
        audit.Write(AuditEvent.ContributionSubmitted, $"contribution:{contribution.Id}", contribution.Title);
        await db.SaveChangesAsync(cancellation);
        await notices.TellEditorsAsync(cancellation);
        return true;
    }

    /// <summary>
    /// An editor submits, for a State without a focal point account, a contribution entered on its behalf, as the e-mail
    /// of <paramref name="fromName"/> (<paramref name="fromEmail"/>) of <paramref name="receivedOn"/> asks. The State's own
    /// checks apply (deadline with its extension, revisions after it, required fields, pictures, testimonials, page limit);
    /// the consent statement is what <paramref name="senderConsents"/> says the e-mail states. The editor is the
    /// submitter, the sender is kept as declared, and both are audited. The problems go to <paramref name="errors"/>
    /// under "Input.Consent" for the consent and the whole form for the rest, which only the State's text can fix.
    /// </summary>
    public async Task<bool> SubmitOnBehalfAsync(
        Contribution contribution, string fromName, string fromEmail, DateOnly receivedOn, bool senderConsents,
        Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary errors, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        ArgumentException.ThrowIfNullOrWhiteSpace(fromName);
        ArgumentException.ThrowIfNullOrWhiteSpace(fromEmail);
        ArgumentNullException.ThrowIfNull(errors);
        var visitor = await visitors.CurrentAsync();
        if (!visitor.MaySubmitOnBehalf(contribution, await visitors.StateSignsOffAsync(contribution.ParticipantId)))
        {
            throw new UnauthorizedAccessException("Editors submit on a State's behalf only what they entered for a State without a focal point account.");
        }

        var stated = contribution.Consent;
        if (!await PassesChecksAsync(contribution, errors, problem => problem.Field == "Consent" ? "Input.Consent" : "", cancellation, senderConsents))
        {
            contribution.Consent = stated;
            return false;
        }

        MarkSubmitted(contribution, visitor.Reader.UserId!);
        contribution.SubmittedFromName = fromName;
        contribution.SubmittedFromEmail = fromEmail;
        contribution.SubmittedFromOn = receivedOn;
        audit.Write(AuditEvent.ContributionSubmittedOnBehalf, $"contribution:{contribution.Id}",
            $"“{contribution.Title}”, from the e-mail of {fromName} <{fromEmail}> of {receivedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}");
        await db.SaveChangesAsync(cancellation);
        await notices.TellEditorsAsync(cancellation);
        return true;
    }

    /// <summary>
    /// What every submission must pass, said once for the State's and the editors': the call still takes the
    /// participant's submissions (a revision the editors asked for always may go), and <see cref="SubmissionCheck"/> with
    /// the page count laid out now. Problems go to <paramref name="errors"/> under the key <paramref name="keyOf"/> gives.
    /// <paramref name="consent"/>, when given, is the consent statement checked (and kept if it passes) instead of the
    /// contribution's; it is set only after the page count is saved, so that a refusal saves none of it.
    /// </summary>
    private async Task<bool> PassesChecksAsync(
        Contribution contribution, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary errors, Func<SubmissionProblem, string> keyOf,
        CancellationToken cancellation, bool? consent = null)
    {
        var call = contribution.Call ?? await db.CatalogueCalls.SingleAsync(c => c.Id == contribution.CallId, cancellation);
        if (contribution.Status == ContributionStatus.Draft && !await IsOpenForAsync(call, contribution.ParticipantId))
        {
            errors.AddModelError("", ClosedMessage(call, await ExtensionAsync(call.Id, contribution.ParticipantId)));
            return false;
        }

        var count = await MeasureAsync(contribution, cancellation);
        if (count is null)
        {
            errors.AddModelError("", "The portal could not lay the contribution out to count its pages just now, so it cannot check the page limit. Your text is saved; try again in a few minutes.");
            return false;
        }

        contribution.Consent = consent ?? contribution.Consent;
        var problems = SubmissionCheck.Problems(contribution, call.PageLimit, count.Pages);
        foreach (var problem in problems)
        {
            errors.AddModelError(keyOf(problem), problem.Message);
        }

        return problems.Count == 0;
    }

    private void MarkSubmitted(Contribution contribution, string by)
    {
        var now = time.GetUtcNow();
        contribution.Status = ContributionStatus.Submitted;
        contribution.SubmittedAt = now;
        contribution.SubmittedBy = by;
        contribution.SubmittedFromName = null;
        contribution.SubmittedFromEmail = null;
        contribution.SubmittedFromOn = null;
        contribution.EditorsToldAt = null;
        contribution.UpdatedAt = now;
        contribution.Version++;
    }

    /// <summary>Takes the contribution back from the call; it stays with its State, withdrawn.</summary>
    public async Task WithdrawAsync(Contribution contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        var visitor = await visitors.CurrentAsync();
        if (!visitor.MayWrite(contribution.ParticipantId) || contribution.Status == ContributionStatus.Withdrawn)
        {
            throw new UnauthorizedAccessException("This contribution cannot be withdrawn by this visitor.");
        }

        contribution.Status = ContributionStatus.Withdrawn;
        contribution.UpdatedAt = time.GetUtcNow();
        contribution.Version++;
        await versions.SupersedeOpenAsync(contribution.Id);
        audit.Write(AuditEvent.ContributionWithdrawn, $"contribution:{contribution.Id}", contribution.Title);
        await db.SaveChangesAsync();
    }

    /// <summary>An editor accepts the contribution or sends it back with a comment the authors see.</summary>
    public async Task ReviewAsync(Contribution contribution, bool accept, string comment)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        ArgumentNullException.ThrowIfNull(comment);
        var visitor = await visitors.CurrentAsync();
        if (!visitor.MayReview(contribution))
        {
            throw new UnauthorizedAccessException("Only editors review submitted contributions.");
        }

        var decision = accept ? ContributionStatus.Accepted : ContributionStatus.RevisionRequested;
        contribution.Status = decision;
        contribution.EditorComment = comment.Length == 0 ? null : comment;
        contribution.UpdatedAt = time.GetUtcNow();
        contribution.Version++;
        if (accept && contribution.ChapterGroup is null)
        {
            var call = contribution.Call ?? await db.CatalogueCalls.SingleAsync(c => c.Id == contribution.CallId);
            contribution.ChapterGroup = ChapterGroups.Default(contribution, call.Grouping);
            contribution.ChapterOrder = 1 + (await db.Contributions.Where(c => c.CallId == contribution.CallId && c.ChapterGroup == contribution.ChapterGroup)
                .MaxAsync(c => (int?)c.ChapterOrder) ?? 0);
        }

        // The accepted text is kept as a version; sent back, the State will change it, so a copy-edit waiting is void.
        if (accept)
        {
            await versions.KeepStateTextAsync(contribution, visitor.Reader.UserId!);
        }
        else
        {
            await versions.SupersedeOpenAsync(contribution.Id);
        }

        db.ContributionReviews.Add(new ContributionReview
        {
            ContributionId = contribution.Id,
            Decision = decision,
            Comment = comment,
            EditorId = visitor.Reader.UserId!,
            At = time.GetUtcNow(),
        });
        await notices.TellStateAsync(contribution, accept, comment, visitor.Reader.UserId!);
        audit.Write(accept ? AuditEvent.ContributionAccepted : AuditEvent.ContributionSentBack, $"contribution:{contribution.Id}",
            accept ? await AcceptedTextAsync(contribution) : contribution.Title);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Whose text the editors accepted, as the audit says it: the title, and for a text an editor submitted on the
    /// State's behalf, the sender as declared and the editor who entered it (the editor is not its writer).
    /// </summary>
    private async Task<string> AcceptedTextAsync(Contribution contribution)
    {
        if (contribution.SubmittedFromName is not { } name)
        {
            return contribution.Title;
        }

        var editor = await db.Users.AsNoTracking().Where(u => u.Id == contribution.SubmittedBy).Select(u => u.FullName).SingleOrDefaultAsync() ?? "an editor";
        return $"“{contribution.Title}”, the State's text as sent by e-mail from {name} <{contribution.SubmittedFromEmail}>, entered by {editor}";
    }

    /// <summary>
    /// What every change to what the book prints does (the text, the pictures or their order): a new version, and the
    /// page count laid out before is no longer the contribution's.
    /// </summary>
    internal static void MarkChanged(Contribution contribution, DateTimeOffset at)
    {
        contribution.UpdatedAt = at;
        contribution.Version++;
        contribution.LaidOutPages = null;
        contribution.LaidOutPagesWithPictures = null;
    }

    public static string ClosedMessage(CatalogueCall call, DateOnly? extension)
    {
        ArgumentNullException.ThrowIfNull(call);
        var deadline = extension is { } later && later > call.Deadline ? later : call.Deadline;
        return $"The call closed at the end of {deadline.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)} ({CallCalendar.ZoneName(call.TimeZone)}). If your State needs more time, ask the editors for an extension.";
    }
}
