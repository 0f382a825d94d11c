using Microsoft.AspNetCore.Identity;

namespace Portal.Data;

public enum PortalRole
{
    Member,
    FocalPoint,
    Observer,
    Coordinator,
}

/// <summary>A personal account. Every account belongs to one participant and has exactly one role.</summary>
public class PortalUser : IdentityUser
{
    public required string FullName { get; set; }

    public string? Position { get; set; }

    public int ParticipantId { get; set; }

    public Participant? Participant { get; set; }

    public PortalRole Role { get; set; }

    /// <summary>
    /// Catalogue editor: opens calls, reviews contributions and builds the book. A right the coordinator gives an
    /// account of any role, not a role of its own; coordinators are editors whatever this says.
    /// </summary>
    public bool IsEditor { get; set; }

    public bool IsDisabled { get; set; }

    /// <summary>False until the invitation is used and a password set.</summary>
    public bool IsActivated { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last accepted TOTP time step, so that one code is accepted only once.</summary>
    public long LastTotpTimeStep { get; set; }
}
