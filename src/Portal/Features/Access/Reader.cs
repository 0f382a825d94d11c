using System.Globalization;
using System.Linq.Expressions;
using Portal.Data;

namespace Portal.Features.Access;

/// <summary>
/// Who is reading. Who may see which posting (<see cref="MaySee(DateTimeOffset)"/>) and who may manage it are decided
/// here and nowhere else, so that every list, count, search, page, download and kept read applies the same rules.
/// </summary>
/// <remarks>
/// <see cref="ParticipantId"/> of an entry-code session is only what the visitor declared: it is shown (as
/// unverified) and never grants a right. Ownership comes from an account alone (<see cref="Owns"/>), and an
/// entry-code session reads as an anonymous member of its code's audience, States or observers.
/// </remarks>
public sealed record Reader(
    int ParticipantId, bool ParticipantIsState, bool ParticipantMayPublish, PortalRole Role, bool IsAccount, string? UserId)
{
    public bool IsCoordinator => Role == PortalRole.Coordinator && IsAccount;

    /// <summary>
    /// The reader an account is: the one its requests read as, and the one e-mails written for it (digests, summaries)
    /// must read as, so that an e-mail never shows what the account's pages would not.
    /// </summary>
    public static Reader ForAccount(string userId, int participantId, ParticipantKind kind, bool participantMayPublish, PortalRole role) =>
        new(participantId, kind == ParticipantKind.State, participantMayPublish, role, IsAccount: true, userId);

    /// <summary>An entry-code session: <paramref name="declaredParticipantId"/> is shown, never trusted (see the remarks above).</summary>
    public static Reader ForCodeSession(int declaredParticipantId, ParticipantKind kind, bool participantMayPublish, PortalRole role) =>
        new(declaredParticipantId, kind == ParticipantKind.State, participantMayPublish, role, IsAccount: false, UserId: null);

    /// <summary>
    /// States see everything published; observers (organisations) only what a State opened to them. An account reads
    /// as its participant; an entry-code session as its code's audience (the observers' code gives the Observer role).
    /// </summary>
    public bool SeesStatesOnly => IsAccount ? ParticipantIsState || IsCoordinator : Role != PortalRole.Observer;

    /// <summary>The participant whose postings are this reader's own: an account's participant, never a declared one.</summary>
    public int? OwnParticipantId => IsAccount ? ParticipantId : null;

    public bool Owns(int owningParticipantId) => OwnParticipantId == owningParticipantId;

    /// <summary>
    /// Everything <see cref="MaySee(DateTimeOffset)"/> reads of the reader: readers with the same audience see exactly
    /// the same published postings, so they may share kept reads.
    /// </summary>
    public ReaderAudience Audience => new(SeesStatesOnly, SeesStatesOnly ? null : OwnParticipantId);

    /// <summary>Focal points of a State, or of an organisation the coordinator lets publish, and coordinators.</summary>
    public bool MayPublish => IsCoordinator
        || (IsAccount && Role == PortalRole.FocalPoint && (ParticipantIsState || ParticipantMayPublish));

    /// <summary>Edit, renew, withdraw, replace, attach: the owner's focal points and the coordinator.</summary>
    public bool MayManage(int owningParticipantId) =>
        IsCoordinator || (MayPublish && Owns(owningParticipantId));

    /// <summary>
    /// Whether what this reader publishes for the participant is published on its behalf: a coordinator's text for
    /// another participant, which the version records and the participant's focal points and the text's sender are told of.
    /// </summary>
    public bool PublishesOnBehalfOf(int owningParticipantId) => ParticipantId != owningParticipantId;

    /// <summary>
    /// Whether this reader sees who published a posting's versions in full, with their own e-mail address: the
    /// coordinator and the owner's accounts. Every other reader sees the name only; the posting's public contact is
    /// its contact point.
    /// </summary>
    public bool SeesPublisherDetails(int owningParticipantId) => IsCoordinator || Owns(owningParticipantId);

    /// <summary>
    /// Who may see which posting, said once: published, not past its date, and open to this reader's audience (States
    /// and the coordinator: every posting; an organisation's accounts: what States opened to observers, and their own;
    /// an observers' entry-code session: what States opened to observers). An expression EF translates on SQLite and
    /// PostgreSQL; every list, count, search and participant page starts from <c>db.Postings.Where(reader.MaySee(now))</c>.
    /// </summary>
    public Expression<Func<Posting, bool>> MaySee(DateTimeOffset now) => VisibilityRule.Visible(Audience).Bind(Moment(now));

    /// <summary>The same rule for one posting in memory (a kept posting page, a download), compiled once from the same expression.</summary>
    public bool MaySee(Posting posting, DateTimeOffset now) => VisibilityRule.Visible(Audience).Test(posting, Moment(now));

    /// <summary>
    /// Whether the posting is open to this reader's audience, whatever its state: the second half of
    /// <see cref="MaySee(DateTimeOffset)"/>, for what an old link to a replaced posting may tell.
    /// </summary>
    public bool IsOpenTo(Posting posting) =>
        VisibilityRule.Open(Audience) is not { } open || open.Test(posting, Moment(DateTimeOffset.MinValue));

    /// <summary>Whether this reader may open the posting's page and files: visible to them, or theirs to manage.</summary>
    public bool MayRead(Posting posting, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(posting);
        return MayManage(posting.ParticipantId) || MaySee(posting, now);
    }

    /// <summary>
    /// The audience half of <see cref="MaySee(DateTimeOffset)"/> in SQLite's full-text index (decision 008): an FTS5
    /// expression over the facet tokens that the view "PostingSearchContent" writes for each posting ("v1" when it is
    /// open to observers, "o" and the owner's id), or null when the audience sees every posting. The index holds only
    /// published postings not marked expired; PostingSearch leaves out by id those past their date that the lifecycle
    /// job has not marked yet. ReaderVisibilityTests hold this and the expression to agree.
    /// </summary>
    public string? MaySeeInSearchIndex() => Audience switch
    {
        { StatesOnly: true } => null,
        { Owner: int own } => $"\"Facets\" : (\"v1\" OR \"o{own.ToString(CultureInfo.InvariantCulture)}\")",
        _ => "\"Facets\" : (\"v1\")",
    };

    private VisibilityRule.Moment Moment(DateTimeOffset now) => new(now, Audience.Owner ?? 0);
}

/// <summary>
/// Everything that decides which published postings a reader sees: States and the coordinator share one audience;
/// anonymous observers (entry code) share another; each organisation's accounts have their own, with its postings.
/// </summary>
public sealed record ReaderAudience(bool StatesOnly, int? Owner);

/// <summary>
/// The parts of <see cref="Reader.MaySee(DateTimeOffset)"/>, each written once as an expression and compiled once for
/// use in memory. A reader whose audience sees everything gets no audience condition at all, so that its queries are
/// planned as they were before the rule was shared.
/// </summary>
internal static class VisibilityRule
{
    private static readonly Part Current = new((p, m) => p.Status == PostingStatus.Published && p.ValidUntil > m.Now);

    private static readonly Part OpenToOrganisation =
        new((p, m) => p.Visibility == Visibility.StatesAndObservers || p.ParticipantId == m.Owner);

    private static readonly Part OpenToObservers = new((p, m) => p.Visibility == Visibility.StatesAndObservers);

    private static readonly Part VisibleToOrganisation = Current.And(OpenToOrganisation);

    private static readonly Part VisibleToObservers = Current.And(OpenToObservers);

    /// <summary>The audience condition, or null when the audience sees every posting.</summary>
    public static Part? Open(ReaderAudience audience) => audience switch
    {
        { StatesOnly: true } => null,
        { Owner: not null } => OpenToOrganisation,
        _ => OpenToObservers,
    };

    public static Part Visible(ReaderAudience audience) => audience switch
    {
        { StatesOnly: true } => Current,
        { Owner: not null } => VisibleToOrganisation,
        _ => VisibleToObservers,
    };

    /// <summary>What the rule reads besides the posting. EF turns its fields into query parameters.</summary>
    internal sealed record Moment(DateTimeOffset Now, int Owner);

    internal sealed class Part(Expression<Func<Posting, Moment, bool>> lambda)
    {
        private readonly Func<Posting, Moment, bool> test = lambda.Compile();

        public Expression<Func<Posting, Moment, bool>> Lambda { get; } = lambda;

        public bool Test(Posting posting, Moment moment) => test(posting, moment);

        /// <summary>The condition for one reader at one moment, for a query.</summary>
        public Expression<Func<Posting, bool>> Bind(Moment moment) => Expression.Lambda<Func<Posting, bool>>(
            Replace(Lambda.Body, Lambda.Parameters[1], Expression.Constant(moment)), Lambda.Parameters[0]);

        public Part And(Part other)
        {
            var (posting, moment) = (Lambda.Parameters[0], Lambda.Parameters[1]);
            var right = Replace(Replace(other.Lambda.Body, other.Lambda.Parameters[0], posting), other.Lambda.Parameters[1], moment);
            return new(Expression.Lambda<Func<Posting, Moment, bool>>(Expression.AndAlso(Lambda.Body, right), posting, moment));
        }

        private static Expression Replace(Expression body, ParameterExpression from, Expression to) => new Replacer(from, to).Visit(body);

        private sealed class Replacer(ParameterExpression from, Expression to) : ExpressionVisitor
        {
            protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
        }
    }
}
