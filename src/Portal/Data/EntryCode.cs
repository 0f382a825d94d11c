namespace Portal.Data;

public enum CodeAudience
{
    States,
    Observers,
}

/// <summary>A portal-wide passcode generation. Only a salted PBKDF2 hash is kept.</summary>
public class EntryCode
{
    public int Id { get; set; }

    public CodeAudience Audience { get; set; }

    public required string Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the background service rotates it.</summary>
    public DateTimeOffset RotateAt { get; set; }

    public DateTimeOffset? RetiredAt { get; set; }

    public string? CreatedBy { get; set; }

    /// <summary>
    /// The code itself, encrypted with the Data Protection key ring, while it is current: the portal sends it to code
    /// holders without anyone typing it, and a coordinator may show it on purpose (audited). Cleared when the code is
    /// retired. Null for a code issued before the portal kept codes: one rotation mends that.
    /// </summary>
    public string? Sealed { get; set; }
}

/// <summary>
/// A person who received an entry code because a coordinator approved their request: the portal e-mails them each new
/// code of their audience until a coordinator revokes them.
/// </summary>
public class CodeHolder
{
    public int Id { get; set; }

    public CodeAudience Audience { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    /// <summary>The address as two holders are compared by (<c>AccessRequests.NormalizeEmail</c>).</summary>
    public required string NormalizedEmail { get; set; }

    /// <summary>Who they read for, as their request declared it and the coordinator accepted it.</summary>
    public int ParticipantId { get; set; }

    public Participant? Participant { get; set; }

    public int? AccessRequestId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    /// <summary>When the holder last said they still need access (at first, when they became a holder).</summary>
    public DateTimeOffset ConfirmedAt { get; set; }

    /// <summary>When the yearly e-mail asking them to confirm went out; null while none waits for an answer.</summary>
    public DateTimeOffset? ConfirmationAskedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    /// <summary>Why the holding ended, in words the coordinator's page shows.</summary>
    public string? RevokedReason { get; set; }
}
