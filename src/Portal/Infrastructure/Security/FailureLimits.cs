using System.Net;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Infrastructure.Security;

/// <summary>
/// The per-address limits on checks of a secret: a password (sign-in, second step, recovery code, password change) and
/// an entry code; and on the access requests the form refuses (an invalid form, a request already pending), which is
/// what a script filling the queue or probing which e-mail addresses have a request waiting produces. Only failures
/// count, so a room of delegates behind one conference address signs in as often as it needs to. The pages ask
/// <see cref="FailureLimit.RefuseAsync"/> before checking and call <see cref="FailureLimit.CountFailureAsync(HttpContext, string)"/>
/// when the check fails. The counts are in the database (<see cref="RateCounters"/>), shared by every app instance.
/// </summary>
public sealed class FailureLimits(RateCounters counters)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>Failures an address may have in a window before the names that failed there are refused.</summary>
    public const int Budget = 100;

    /// <summary>Failures in a window past which the address is refused altogether: a flood, not a room of people.</summary>
    public const int Ceiling = 300;

    public FailureLimit SignIn { get; } = new("sign-in", Budget, Ceiling, Window, counters);

    public FailureLimit EntryCode { get; } = new("entry-code", Budget, Ceiling, Window, counters);

    /// <summary>Access requests refused; the name is the e-mail address typed.</summary>
    public FailureLimit AccessRequest { get; } = new("access-request-refused", Budget, Ceiling, Window, counters);
}

/// <summary>
/// One address's failures in a fixed window on <see cref="TimeProvider"/>, starting at its first failure. Within its
/// budget an address is never refused: guessing one account is stopped by the account's lockout, guessing a code by its
/// 80 bits. Past the budget, a name (the e-mail address typed, or the account at a later step) that has already failed
/// from this address in this window is refused without being checked until the window ends; a name that has not failed
/// here is still checked, so a delegate who has not got it wrong still gets in while the room's budget is spent. Past
/// the ceiling every attempt is refused: that many failures are a flood or a list of stolen passwords being tried, and
/// each check costs a slow hash. The names are kept as hashes keyed with a random key of the window.
/// </summary>
public sealed class FailureLimit(string name, int budget, int ceiling, TimeSpan window, RateCounters counters)
{
    public string Name { get; } = name;

    /// <summary>Null when the attempt may be checked; otherwise the 429 answer to give instead of checking it.</summary>
    public async Task<IActionResult?> RefuseAsync(HttpContext http, string typed)
    {
        ArgumentNullException.ThrowIfNull(http);
        var refusal = await RefusalAsync(http.Connection.RemoteIpAddress, typed, http.RequestAborted);
        return refusal is var (retryAfter, first) ? RateLimits.TooManyAttempts(retryAfter, first) : null;
    }

    public Task CountFailureAsync(HttpContext http, string typed)
    {
        ArgumentNullException.ThrowIfNull(http);
        return CountFailureAsync(http.Connection.RemoteIpAddress, typed, http.RequestAborted);
    }

    /// <summary>
    /// How long the address must wait before it may try <paramref name="typed"/> again, and whether this is the window's
    /// first refusal (audited once per address and window); null when it may try now.
    /// </summary>
    public async Task<(TimeSpan RetryAfter, bool First)?> RefusalAsync(IPAddress? address, string typed, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var partition = RateLimits.PartitionKey(address);
        if (await counters.FindAsync(Name, partition, token) is not { } current || current.Count < budget
            || (current.Count < ceiling && !await counters.HasNameAsync(Name, partition, current, Normalize(typed), token)))
        {
            return null;
        }

        var first = await counters.MarkRefusedAsync(Name, partition, current, token);
        return (current.EndsAt - counters.Now, first);
    }

    public async Task CountFailureAsync(IPAddress? address, string typed, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var partition = RateLimits.PartitionKey(address);
        // Past the ceiling nothing is checked, so nothing more is counted: the set of names stays bounded.
        await counters.CountFailureAsync(Name, partition, window, Normalize(typed), token);
    }

    private static string Normalize(string typed) => typed.Trim().ToUpperInvariant();
}
