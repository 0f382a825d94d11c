using Microsoft.AspNetCore.Identity;

namespace Portal.Data;

public enum PortalRole
{
    Member,
    FocalPoint,
    Observer,
    Coordinator,
}

/// <summary>How an account hears of what waits for it (an access request, a contribution to review, a copy-edit to sign off).</summary>
public enum NoticeTiming
{
    /// <summary>An e-mail as soon as something waits (a burst together): the default.</summary>
    AtOnce,

    /// <summary>One e-mail a day, at the summary hour, listing what waits then.</summary>
    DailySummary,
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

    /// <summary>The last time the account signed in; null for one that has not since this was recorded.</summary>
    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>When the account was told that it will be disabled for not being used; cleared when it signs in.</summary>
    public DateTimeOffset? IdleWarnedAt { get; set; }

    /// <summary>At once or in a daily summary: the account holder's choice (<c>Features/Notices</c>).</summary>
    public NoticeTiming Notices { get; set; }

    /// <summary>
    /// The last local day whose daily summary this account had (sent, or nothing waited), claimed before the e-mail is
    /// queued so that a day gives one summary whatever the number of instances or restarts.
    /// </summary>
    public DateOnly? LastSummaryDay { get; set; }

    /// <summary>Last accepted TOTP time step, so that one code is accepted only once.</summary>
    public long LastTotpTimeStep { get; set; }
}
