namespace Portal.Data;

/// <summary>
/// One address's (or account's) count under one rate limit, in a fixed window that starts at its first count: shared by
/// every app instance, so that N instances do not allow N times the budget (<see cref="Infrastructure.Security.RateCounters"/>).
/// Times are Unix milliseconds on <see cref="TimeProvider"/>, so that one SQL statement compares them alike on SQLite
/// and PostgreSQL.
/// </summary>
public class RateCounter
{
    /// <summary>The limit's name, such as "sign-in" or "password-reset".</summary>
    public required string Limit { get; set; }

    /// <summary>The address (<see cref="Infrastructure.Security.RateLimits.PartitionKey"/>) or the account's id.</summary>
    public required string Partition { get; set; }

    /// <summary>When the window ends, in Unix milliseconds; a count after it starts a new window.</summary>
    public long EndsAt { get; set; }

    public int Count { get; set; }

    /// <summary>True once the window has refused something: only the first refusal of a window is audited.</summary>
    public bool Refused { get; set; }

    /// <summary>A random key of this window, for the hashes of the names that failed in it.</summary>
    public required byte[] Salt { get; set; }
}

/// <summary>A name (an e-mail address typed) that failed under a limit from one partition in a window, as a keyed hash.</summary>
public class RateCounterName
{
    public required string Limit { get; set; }

    public required string Partition { get; set; }

    /// <summary>HMAC-SHA256 of the normalised name under the window's <see cref="RateCounter.Salt"/>, in hex.</summary>
    public required string NameHash { get; set; }

    /// <summary>The end of the window the name failed in (Unix milliseconds): it counts only while that window lasts.</summary>
    public long EndsAt { get; set; }
}

/// <summary>
/// Which app instance runs a background job now (<see cref="Infrastructure.JobLeases"/>): taken before a run, renewed
/// while it goes on, removed at its end; one whose instance died expires and is taken over.
/// </summary>
public class JobLease
{
    public required string Job { get; set; }

    /// <summary>The instance (<see cref="Infrastructure.PortalInstance.Id"/>) that holds it.</summary>
    public required string Holder { get; set; }

    /// <summary>Unix milliseconds on <see cref="TimeProvider"/>.</summary>
    public long ExpiresAt { get; set; }
}
