namespace Portal.Data;

/// <summary>Where an expression of interest stands (<c>Features/Interests/InterestStates</c> says who moves it where).</summary>
public enum InterestState
{
    /// <summary>Expressed; the owner has not answered yet.</summary>
    Open,

    /// <summary>The two sides are talking: the owner answered, or said so.</summary>
    InDiscussion,

    /// <summary>The owner recorded that a project was agreed. Counted on the statistics page.</summary>
    ProjectAgreed,

    /// <summary>Closed by the owner, or withdrawn by the interested participant. Nothing more can be added.</summary>
    Closed,
}

/// <summary>
/// An expression of interest: an account, acting for its participant (the interested one), tells the owner of a need or
/// an offer that it would like to work with them, in a short message; the two sides then exchange short replies.
/// </summary>
/// <remarks>
/// The owner, the posting's title and audience are copied when it is expressed: the posting is deleted after its grace
/// period (the link is then cleared), and the connection and its count remain.
/// </remarks>
public class Interest
{
    public int Id { get; set; }

    /// <summary>Null once the posting has been deleted after its grace period.</summary>
    public int? PostingId { get; set; }

    public PostingKind PostingKind { get; set; }

    public required string PostingTitle { get; set; }

    /// <summary>The posting's audience when the interest was expressed: who may count it on the statistics page.</summary>
    public Visibility PostingVisibility { get; set; }

    /// <summary>The participant that published the posting.</summary>
    public int OwnerParticipantId { get; set; }

    public Participant? OwnerParticipant { get; set; }

    /// <summary>The interested participant: the one the author's account acts for.</summary>
    public int ParticipantId { get; set; }

    public Participant? Participant { get; set; }

    /// <summary>The account that expressed it; null if that account was deleted.</summary>
    public string? AuthorUserId { get; set; }

    /// <summary>The interested side's contact point as it was when expressed: name, position and e-mail address.</summary>
    public required string AuthorName { get; set; }

    public string? AuthorPosition { get; set; }

    public required string AuthorEmail { get; set; }

    /// <summary>Plain text, shown as typed (never as HTML).</summary>
    public required string Message { get; set; }

    public InterestState State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset StateChangedAt { get; set; }

    public List<InterestReply> Replies { get; set; } = [];
}

/// <summary>One short reply in the thread of an <see cref="Interest"/>, by an account of one of the two participants.</summary>
public class InterestReply
{
    public long Id { get; set; }

    public int InterestId { get; set; }

    /// <summary>The participant the author acted for: which side wrote.</summary>
    public int ParticipantId { get; set; }

    public string? AuthorUserId { get; set; }

    public required string AuthorName { get; set; }

    public required string AuthorEmail { get; set; }

    /// <summary>Plain text, shown as typed.</summary>
    public required string Text { get; set; }

    public DateTimeOffset At { get; set; }
}

public static class InterestLimits
{
    public const int Message = 1000;

    public const int Reply = 1000;
}
