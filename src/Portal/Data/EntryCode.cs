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
    /// The new code, encrypted with Data Protection, until a coordinator has seen it once; then cleared.
    /// Needed because scheduled rotations happen when nobody is looking.
    /// </summary>
    public string? PendingReveal { get; set; }
}
