namespace Portal.Data;

/// <summary>Append-only: the app inserts entries and never updates or deletes them.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Account id, or null for an anonymous visitor or a code session.</summary>
    public string? ActorUserId { get; set; }

    /// <summary>Who, as shown: a name and e-mail, "anonymous" or "system".</summary>
    public required string Actor { get; set; }

    public int? ActorParticipantId { get; set; }

    public required string Action { get; set; }

    public string? Target { get; set; }

    public string? Detail { get; set; }

    public string? IpAddress { get; set; }
}
