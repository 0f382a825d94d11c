using System.Linq.Expressions;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Postings;

namespace Portal.Features.Interests;

/// <summary>Why a reader may not express interest in a posting; each says itself (<see cref="ExpressRefusals.Sentence"/>).</summary>
public enum ExpressRefusal
{
    /// <summary>An entry-code session: it speaks for nobody.</summary>
    NotAnAccount,

    /// <summary>The coordinator oversees connections and takes part in none.</summary>
    Coordinator,

    /// <summary>Not a posting this reader may see now: missing, not open to them, a draft, withdrawn or expired.</summary>
    NotVisible,

    /// <summary>Experiences are shared to learn from; interest is expressed in needs and offers.</summary>
    NotANeedOrOffer,

    OwnPosting,

    ApplicationsClosed,
}

public static class ExpressRefusals
{
    /// <summary>The whole sentence the posting page and the interest page show for the refusal.</summary>
    public static string Sentence(this ExpressRefusal refusal) => refusal switch
    {
        ExpressRefusal.NotAnAccount => "Interest is expressed from a participant's account: a visit with an entry code cannot express it.",
        ExpressRefusal.Coordinator => "The Implementation Support Unit oversees connections and takes part in none.",
        ExpressRefusal.NotVisible => "This posting is not open to you.",
        ExpressRefusal.NotANeedOrOffer => "Experiences are shared to learn from: interest is expressed in needs and offers.",
        ExpressRefusal.OwnPosting => "This is your participant's own posting: others express interest in it, and you find their messages under My connections.",
        ExpressRefusal.ApplicationsClosed => "Applications for this offer have closed, so interest can no longer be expressed in it.",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null),
    };

    /// <summary>
    /// Whether the posting page says the refusal where the button would be: not for a posting the reader does not see
    /// (the page is not theirs either), nor for an experience, which never takes interest.
    /// </summary>
    public static bool ShownOnPosting(this ExpressRefusal refusal) =>
        refusal is not (ExpressRefusal.NotVisible or ExpressRefusal.NotANeedOrOffer);
}

/// <summary>
/// Who may do what with expressions of interest, said once (as <see cref="Reader"/> does for postings):
/// <list type="bullet">
/// <item>express: a signed-in account (never an entry-code session, never the coordinator) of a participant that may see
/// the need or offer now (<see cref="Reader.MaySee(Posting, DateTimeOffset)"/>), not its own, and for an offer while
/// applications are open;</item>
/// <item>read a connection: the accounts of its two participants, and the coordinator; everyone else gets 404;</item>
/// <item>reply: the accounts of the two participants while it is not closed;</item>
/// <item>change its state: the owner's focal points (forward, or close), the interested participant's focal points
/// and the account that expressed it (withdraw), as <see cref="InterestStates"/> allows.</item>
/// </list>
/// </summary>
public static class InterestRights
{
    public static ExpressRefusal? WhyNotExpress(Reader reader, Posting posting, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(posting);
        if (!reader.IsAccount)
        {
            return ExpressRefusal.NotAnAccount;
        }

        if (reader.IsCoordinator)
        {
            return ExpressRefusal.Coordinator;
        }

        if (!reader.MaySee(posting, now))
        {
            return ExpressRefusal.NotVisible;
        }

        if (posting.Kind == PostingKind.Experience)
        {
            return ExpressRefusal.NotANeedOrOffer;
        }

        if (reader.Owns(posting.ParticipantId))
        {
            return ExpressRefusal.OwnPosting;
        }

        return posting.Kind == PostingKind.Offer && !OfferDeadline.IsOpen(posting.ApplicationDeadline, now)
            ? ExpressRefusal.ApplicationsClosed
            : null;
    }

    public static bool MayExpress(Reader reader, Posting posting, DateTimeOffset now) => WhyNotExpress(reader, posting, now) is null;

    /// <summary>The side the reader's account is on, or null when it is on neither (the coordinator, anyone else).</summary>
    public static InterestSide? SideOf(Reader reader, Interest interest)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(interest);
        return reader.Owns(interest.OwnerParticipantId) ? InterestSide.Owner
            : reader.Owns(interest.ParticipantId) ? InterestSide.Interested
            : null;
    }

    public static bool MayRead(Reader reader, Interest interest) => reader.IsCoordinator || SideOf(reader, interest) is not null;

    /// <summary>The connections a reader may open, for a query (the same rule as <see cref="MayRead"/>).</summary>
    public static Expression<Func<Interest, bool>> Readable(Reader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.IsCoordinator)
        {
            return i => true;
        }

        var own = reader.OwnParticipantId ?? -1;
        return i => i.OwnerParticipantId == own || i.ParticipantId == own;
    }

    public static bool MayReply(Reader reader, Interest interest) =>
        !reader.IsCoordinator && SideOf(reader, interest) is not null && InterestStates.TakesReplies(interest.State);

    /// <summary>The states this reader may move the connection to now, in the order the page offers them.</summary>
    public static IReadOnlyList<InterestState> StatesOpenTo(Reader reader, Interest interest)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(interest);
        return SideOf(reader, interest) switch
        {
            InterestSide.Owner when reader.MayPublish => InterestStates.Next(interest.State, InterestSide.Owner),
            InterestSide.Interested when reader.Role == PortalRole.FocalPoint || reader.UserId == interest.AuthorUserId =>
                InterestStates.Next(interest.State, InterestSide.Interested),
            _ => [],
        };
    }

    /// <summary>
    /// The connections a reader's statistics count: those on postings open to the reader's audience when the interest
    /// was expressed (an organisation also counts its own), as <see cref="Reader.MaySee(DateTimeOffset)"/> decides for
    /// postings, without the dates: a project agreed stays counted after its posting expired.
    /// </summary>
    public static Expression<Func<Interest, bool>> Counted(Reader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Audience switch
        {
            { StatesOnly: true } => i => true,
            { Owner: int own } => i => i.PostingVisibility == Visibility.StatesAndObservers || i.OwnerParticipantId == own || i.ParticipantId == own,
            _ => i => i.PostingVisibility == Visibility.StatesAndObservers,
        };
    }
}
