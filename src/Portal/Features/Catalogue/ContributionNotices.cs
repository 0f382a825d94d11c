using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Notices;

namespace Portal.Features.Catalogue;

/// <summary>
/// Nobody has to look: the editors are e-mailed when contributions wait for their decision, and the State's focal
/// points when the editors decide. Submissions are told at once in a quiet spell; a burst (many States submitting on
/// the day of the deadline) becomes one e-mail per editor and <see cref="NoticeInterval"/>, its tail sent by
/// <see cref="CatalogueJob"/>.
/// </summary>
public sealed class ContributionNotices(PortalDbContext db, CatalogueMail mail, ContributionSenderMail senderMail, TimeProvider time)
{
    public static readonly TimeSpan NoticeInterval = TimeSpan.FromMinutes(15);

    /// <summary>
    /// E-mails every active editor who chose to be told at once (<see cref="NoticeChoice"/>) about the submitted contributions they have not been told of, unless they were told
    /// within <see cref="NoticeInterval"/>. The contributions are claimed with a conditional update in the same
    /// transaction as the e-mails, so two instances never tell of the same submission twice. Returns how many were told of.
    /// </summary>
    public async Task<int> TellEditorsAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var quietSince = now - NoticeInterval;
        if (await db.Contributions.AnyAsync(c => c.EditorsToldAt > quietSince, cancellationToken))
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var untold = await db.Contributions.AsNoTracking()
            .Where(c => c.Status == ContributionStatus.Submitted && c.EditorsToldAt == null).OrderBy(c => c.Id)
            .Select(c => new CatalogueMail.Submitted(c.Id, c.Title, c.Participant!.Name)).ToListAsync(cancellationToken);
        if (untold.Count == 0)
        {
            return 0;
        }

        var ids = untold.Select(c => c.Id).ToList();
        var claimed = await db.Contributions
            .Where(c => ids.Contains(c.Id) && c.Status == ContributionStatus.Submitted && c.EditorsToldAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.EditorsToldAt, now), cancellationToken);
        if (claimed != ids.Count)
        {
            // Another instance is telling of some of them, or one was decided meanwhile: the next call tells the rest.
            return 0;
        }

        var editors = await db.Users.AsNoTracking().Where(CatalogueVisitors.ActiveEditor).Where(NoticeChoice.ToldAtOnce).Select(u => new { u.Email, u.FullName }).ToListAsync(cancellationToken);
        foreach (var editor in editors)
        {
            mail.TellEditor(editor.Email!, editor.FullName, untold);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return untold.Count;
    }

    /// <summary>
    /// Queues the decision for the State's focal points, in the caller's unit of work. An acceptance is news for all of
    /// them; a revision waits for them, so those who chose the daily summary read it there instead. A State without a
    /// focal point account is told through the person who sent its contribution by e-mail, when one is recorded, with
    /// replies going to <paramref name="editorId"/>, the editor who decided.
    /// </summary>
    public async Task TellStateAsync(Contribution contribution, bool accepted, string comment, string editorId)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        var focalPoints = await db.Users.AsNoTracking().Where(CatalogueVisitor.SignsOffFor(contribution.ParticipantId)).ToListAsync();
        foreach (var focalPoint in focalPoints.Where(f => accepted || NoticeChoice.IsToldAtOnce(f)))
        {
            mail.SendDecision(focalPoint, contribution, accepted, comment);
        }

        if (focalPoints.Count == 0 && !string.IsNullOrEmpty(contribution.ReceivedFromEmail))
        {
            var state = await db.Participants.AsNoTracking().Where(p => p.Id == contribution.ParticipantId).Select(p => p.Name).SingleAsync();
            var editor = await db.Users.AsNoTracking().SingleAsync(u => u.Id == editorId);
            senderMail.SendDecision(contribution, state, editor, accepted, comment);
        }
    }
}
