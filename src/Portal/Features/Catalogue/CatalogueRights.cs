using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;

namespace Portal.Features.Catalogue;

/// <summary>
/// Who may do what in the catalogue, said once: every catalogue page, query, download and command asks here.
/// The catalogue is for accounts only (what an entry-code visitor declares never grants a right): a State's accounts
/// see their State's contributions and the calls; its focal points write, submit and sign off copy-edits; editors (the
/// coordinator and the accounts the coordinator names) run calls, review, copy-edit accepted texts and build; editions
/// are read by States' accounts and editors, and an edition built for observers also by observers' accounts.
/// </summary>
public sealed record CatalogueVisitor(Reader Reader, bool HasEditorRight)
{
    public bool IsAccount => Reader.IsAccount;

    public bool IsEditor => Reader.IsAccount && (Reader.IsCoordinator || HasEditorRight);

    /// <summary>States' accounts and editors see calls; observers only read editions built for them.</summary>
    public bool SeesCalls => IsEditor || (Reader.IsAccount && Reader.ParticipantIsState);

    /// <summary>A State's own accounts read its contributions (drafts included).</summary>
    public bool IsOwnParticipant(int participantId) => Reader.IsAccount && Reader.Owns(participantId);

    /// <summary>
    /// Write, submit, revise, withdraw: the State's focal points; editors only enter on a State's behalf, and submit for
    /// a State that has no focal point account (<see cref="MaySubmitOnBehalf"/>).
    /// </summary>
    public bool MayWrite(int participantId) =>
        IsOwnParticipant(participantId) && Reader.ParticipantIsState && Reader.Role == PortalRole.FocalPoint;

    /// <summary>
    /// Enter a contribution that reached the editors by e-mail on a State's behalf, as a draft of that State from its
    /// Word file: editors, for States only. The State's focal points then own, complete and submit it; the editor does
    /// not write in it.
    /// </summary>
    public bool MayEnterOnBehalf(Participant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return MayEnterOnBehalf() && participant.IsState;
    }

    /// <summary>Whether the visitor enters contributions received by e-mail at all (for some State).</summary>
    public bool MayEnterOnBehalf() => IsEditor;

    /// <summary>
    /// Whether this visitor may open the contribution: its participant's accounts always; editors once it has been
    /// submitted, or a draft they entered on the participant's behalf.
    /// </summary>
    public bool MaySee(Contribution contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        return IsOwnParticipant(contribution.ParticipantId)
            || (IsEditor && (contribution.Status != ContributionStatus.Draft || (contribution.EnteredOnBehalfBy is { } by && by == Reader.UserId)));
    }

    /// <summary>
    /// Edit the contribution while it is a draft or sent back for revision: its focal points, also of one an editor
    /// entered; and the editors, for one they entered on behalf of a State without an account that may act for it
    /// (<paramref name="stateActs"/>, from <see cref="SignsOffFor"/>; the same condition as <see cref="MaySubmitOnBehalf"/>),
    /// since nobody else could complete it.
    /// </summary>
    public bool MayEdit(Contribution contribution, bool stateActs)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        return MaySubmit(contribution) || MaySubmitOnBehalf(contribution, stateActs);
    }

    /// <summary>Submit the contribution as the State's own: its focal points, while it is a draft or sent back.</summary>
    public bool MaySubmit(Contribution contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        var open = contribution.Status is ContributionStatus.Draft or ContributionStatus.RevisionRequested;
        return open && MayWrite(contribution.ParticipantId);
    }

    /// <summary>Accept, send back, group and order: editors, once submitted.</summary>
    public bool MayReview(Contribution contribution) =>
        IsEditor && contribution?.Status is ContributionStatus.Submitted or ContributionStatus.Accepted or ContributionStatus.RevisionRequested;

    /// <summary>Propose a copy-edit of the text: editors, once the contribution is accepted (it changes nothing until signed off).</summary>
    public bool MayCopyEdit(Contribution contribution) =>
        IsEditor && contribution?.Status == ContributionStatus.Accepted;

    /// <summary>
    /// Sign off or decline the editors' copy-edit: the State's focal points, who own the contribution (its authors are
    /// names in the text, not accounts). Not an editor as such, even one who entered it on the State's behalf.
    /// </summary>
    public bool MaySignOff(Contribution contribution) =>
        contribution?.Status == ContributionStatus.Accepted && MayWrite(contribution.ParticipantId);

    /// <summary>
    /// The accounts that may sign off a copy-edit of the participant's contributions (<see cref="MaySignOff"/>, for
    /// accounts that can sign in): its active focal points. The editors' proposals are e-mailed to them.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<PortalUser, bool>> SignsOffFor(int participantId) =>
        u => u.ParticipantId == participantId && u.Role == PortalRole.FocalPoint && u.IsActivated && !u.IsDisabled;

    /// <summary>
    /// Record the State's answer to a copy-edit received by e-mail: editors, and only for a State that has no account
    /// that may sign off (<paramref name="stateSignsOff"/>, from <see cref="SignsOffFor"/>), such as one whose contribution
    /// they entered on its behalf. A State with a focal point account answers itself; what an editor records is declared,
    /// and the versions show it as recorded, never as the State's own sign-off.
    /// </summary>
    public bool MayRecordAnswer(Contribution contribution, bool stateSignsOff) =>
        !stateSignsOff && MayCopyEdit(contribution);

    /// <summary>
    /// Submit, from an e-mail, a draft (or a revision the editors asked for) that editors entered on a State's behalf:
    /// editors who may open it, and only for a State that has no account that may act for it (<paramref name="stateSignsOff"/>,
    /// from <see cref="SignsOffFor"/>: the same accounts that sign off copy-edits). A State with a focal point account
    /// submits itself. The submission checks are the State's own; who sent the e-mail is declared, and shown as recorded.
    /// </summary>
    public bool MaySubmitOnBehalf(Contribution contribution, bool stateSignsOff) =>
        !stateSignsOff && IsEditor && MaySee(contribution) && contribution.EnteredOnBehalfBy is not null
        && contribution.Status is ContributionStatus.Draft or ContributionStatus.RevisionRequested;

    /// <summary>
    /// Editions are for the States' internal circulation; an edition for observers is also for the accounts of
    /// organisations. Readers see the one build of an edition the editors published; editors see every build, follow it
    /// while it runs and see why it failed. Said once, as a query filter; <see cref="MayRead"/> asks the same of one build.
    /// </summary>
    public System.Linq.Expressions.Expression<Func<CatalogueBuild, bool>> MayReadBuild()
    {
        if (IsEditor)
        {
            return b => true;
        }

        if (!Reader.IsAccount)
        {
            return b => false;
        }

        var state = Reader.ParticipantIsState;
        return b => b.Status == BuildStatus.Succeeded && b.PublishedAt != null && (state || b.ForObservers);
    }

    public bool MayRead(CatalogueBuild build)
    {
        ArgumentNullException.ThrowIfNull(build);
        return MayReadBuild().Compile()(build);
    }

    /// <summary>Give a finished build to its readers, or take it back: editors.</summary>
    public bool MayPublish(CatalogueBuild build) => IsEditor && build?.Status == BuildStatus.Succeeded;

    /// <summary>Build the book: editors.</summary>
    public bool MayBuild => IsEditor;
}

/// <summary>The current visitor's catalogue rights, read once per request.</summary>
public sealed class CatalogueVisitors(Readers readers, PortalDbContext db)
{
    private CatalogueVisitor? current;

    public async Task<CatalogueVisitor> CurrentAsync()
    {
        if (current is not null)
        {
            return current;
        }

        var reader = await readers.CurrentAsync();
        // Read from the account, not a claim, so that naming or removing an editor takes effect at once.
        var editor = reader.IsAccount && reader.UserId is { } id
            && await db.Users.AsNoTracking().AnyAsync(u => u.Id == id && u.IsEditor && !u.IsDisabled);
        current = new CatalogueVisitor(reader, editor);
        return current;
    }

    /// <summary>
    /// The editors who can act now (<see cref="CatalogueVisitor.IsEditor"/> for accounts that can sign in): the
    /// coordinators and the accounts named editors, activated and not disabled. They are told what waits for them.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<PortalUser, bool>> ActiveEditor =>
        u => (u.Role == PortalRole.Coordinator || u.IsEditor) && u.IsActivated && !u.IsDisabled;

    /// <summary>
    /// Whether the participant has an account that may act for it on the portal (<see cref="CatalogueVisitor.SignsOffFor"/>):
    /// sign off copy-edits, and submit what the editors entered on its behalf.
    /// </summary>
    public Task<bool> StateSignsOffAsync(int participantId) =>
        db.Users.AsNoTracking().AnyAsync(CatalogueVisitor.SignsOffFor(participantId));

    /// <summary><see cref="CatalogueVisitor.MayEdit"/> for the current visitor, with whether the State has an account that acts for it.</summary>
    public async Task<bool> MayEditAsync(Contribution contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        var visitor = await CurrentAsync();
        return visitor.MaySubmit(contribution) || visitor.MayEdit(contribution, await StateSignsOffAsync(contribution.ParticipantId));
    }
}
