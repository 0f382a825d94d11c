namespace Portal.Data;

public enum AccessRequestStatus
{
    Pending,
    Invited,
    CodeSent,
    Rejected,
}

public class AccessRequest
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    /// <summary>
    /// The e-mail address trimmed and in capitals (<see cref="Features.Access.AccessRequests.NormalizeEmail"/>), so that
    /// the database allows one pending request per address however it was typed. Null only on requests filed before
    /// this rule that repeated a request then pending (migration <c>OnePendingRequestPerEmail</c>).
    /// </summary>
    public string? NormalizedEmail { get; set; }

    public int ParticipantId { get; set; }

    public Participant? Participant { get; set; }

    public required string Position { get; set; }

    public string? Note { get; set; }

    public string? IpAddress { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// When the coordinators were e-mailed about this request; null while it waits for the next notice, which comes
    /// at most once per <see cref="Features.Access.AccessRequests.NoticeInterval"/>.
    /// </summary>
    public DateTimeOffset? CoordinatorsToldAt { get; set; }

    /// <summary>
    /// When the coordinators who are told at once were reminded that this request still waits
    /// (<see cref="Features.Access.AccessRequests.RemindAfter"/>); those who read a daily summary see it there every day.
    /// </summary>
    public DateTimeOffset? CoordinatorsRemindedAt { get; set; }

    public AccessRequestStatus Status { get; set; }

    public PortalRole? GrantedRole { get; set; }

    public string? DecisionReason { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }
}
