namespace Portal.Data;

public enum AccountTokenPurpose
{
    Invitation,
    PasswordReset,
}

/// <summary>A single-use link token (invitation or password reset); only its SHA-256 is stored.</summary>
public class AccountToken
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public PortalUser? User { get; set; }

    public AccountTokenPurpose Purpose { get; set; }

    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}
