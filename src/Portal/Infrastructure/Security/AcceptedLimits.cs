using System.Net;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Infrastructure.Security;

/// <summary>
/// The per-address limits on what a form accepts, counted only when the page is about to accept: what it refuses
/// counts in <see cref="FailureLimits"/> instead. Each limit is set to what a room of delegates behind one conference
/// address needs, and stops a script from filling someone's queue or the outbox faster than that. The counts are in
/// the database (<see cref="RateCounters"/>), shared by every app instance.
/// </summary>
public sealed class AcceptedLimits(RateCounters counters)
{
    /// <summary>
    /// Access requests one address may file in an hour: a room of a hundred delegates files one each with room to spare
    /// (one per e-mail address is pending at a time, <see cref="Features.Access.AccessRequests"/>).
    /// </summary>
    public const int AccessRequestsPerHour = 300;

    /// <summary>
    /// Expressions of interest one account may send in an hour, counted per account (they are written by people signed
    /// in): far more than a focal point reading suggestions writes, and few enough that nobody floods a State's inbox.
    /// </summary>
    public const int InterestsPerHour = 10;

    /// <summary>Replies one account may write in an hour, in all its connections together.</summary>
    public const int InterestRepliesPerHour = 60;

    public AcceptedLimit AccessRequest { get; } = new("access-request", AccessRequestsPerHour, TimeSpan.FromHours(1), counters);

    public AcceptedLimit Interest { get; } = new("interest", InterestsPerHour, TimeSpan.FromHours(1), counters);

    public AcceptedLimit InterestReply { get; } = new("interest-reply", InterestRepliesPerHour, TimeSpan.FromHours(1), counters);

    /// <summary>Password-reset POSTs (<see cref="RateLimits.PasswordResetsPerHour"/>): asking for a link and setting a password with one.</summary>
    public AcceptedLimit PasswordReset { get; } = new(RateLimits.PasswordReset, RateLimits.PasswordResetsPerHour, TimeSpan.FromHours(1), counters);
}

/// <summary>
/// One fixed window per address (<see cref="RateLimits.PartitionKey"/>) on <see cref="TimeProvider"/>, starting at its
/// first permit; a page takes a permit with <see cref="TakeAsync(HttpContext)"/> just before it accepts, and answers
/// with the refusal instead.
/// </summary>
public sealed class AcceptedLimit(string name, int permits, TimeSpan window, RateCounters counters)
{
    public string Name { get; } = name;

    /// <summary>Null when the address may have one more accepted (and the permit is taken); otherwise the 429 answer.</summary>
    public async Task<IActionResult?> TakeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var refusal = await TakeAsync(http.Connection.RemoteIpAddress, http.RequestAborted);
        return refusal is var (retryAfter, first) ? RateLimits.TooManyAttempts(retryAfter, first) : null;
    }

    /// <summary>
    /// Null when the permit is taken; otherwise how long the address must wait and whether this is the window's first
    /// refusal (audited once per address and window).
    /// </summary>
    public Task<(TimeSpan RetryAfter, bool First)?> TakeAsync(IPAddress? address, CancellationToken token = default) =>
        TakeAsync(RateLimits.PartitionKey(address), token);

    /// <summary>The same for a key of the caller's choosing, such as an account's id.</summary>
    public async Task<(TimeSpan RetryAfter, bool First)?> TakeAsync(string key, CancellationToken token = default)
    {
        // A refused request is counted too; past the permits the count only says how far past.
        var current = await counters.CountAsync(Name, key, window, token);
        if (current.Count <= permits)
        {
            return null;
        }

        var first = await counters.MarkRefusedAsync(Name, key, current, token);
        return (current.EndsAt - counters.Now, first);
    }
}
