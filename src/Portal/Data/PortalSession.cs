namespace Portal.Data;

public enum SessionKind
{
    Account,
    EntryCode,
}

/// <summary>
/// A server-side record of every sign-in. The cookie only carries its id, so signing out, rotating a code,
/// disabling an account or changing a password ends sessions on the server.
/// </summary>
public class PortalSession
{
    public required string Id { get; set; }

    public SessionKind Kind { get; set; }

    public string? UserId { get; set; }

    public PortalUser? User { get; set; }

    public int? EntryCodeId { get; set; }

    public EntryCode? EntryCode { get; set; }

    public int ParticipantId { get; set; }

    public Participant? Participant { get; set; }

    public PortalRole Role { get; set; }

    public required string DisplayName { get; set; }

    public required string Email { get; set; }

    public string? IpAddress { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? EndReason { get; set; }
}
