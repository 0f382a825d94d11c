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

    public int ParticipantId { get; set; }

    public Participant? Participant { get; set; }

    public required string Position { get; set; }

    public string? Note { get; set; }

    public string? IpAddress { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public AccessRequestStatus Status { get; set; }

    public PortalRole? GrantedRole { get; set; }

    public string? DecisionReason { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }
}
