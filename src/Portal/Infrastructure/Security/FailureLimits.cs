using System.Net;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Infrastructure.Security;

/// <summary>
/// The per-address limits on checks of a secret: a password (sign-in, second step, recovery code, password change) and
/// an entry code; and on the access requests the form refuses (an invalid form, a request already pending), which is
/// what a script filling the queue or probing which e-mail addresses have a request waiting produces. Only failures
/// count, so a room of delegates behind one conference address signs in as often as it needs to. The pages ask
/// <see cref="FailureLimit.Refuse"/> before checking and call <see cref="FailureLimit.CountFailure(HttpContext, string)"/>
/// when the check fails.
/// </summary>
public sealed class FailureLimits(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>Failures an address may have in a window before the names that failed there are refused.</summary>
    public const int Budget = 100;

    /// <summary>Failures in a window past which the address is refused altogether: a flood, not a room of people.</summary>
    public const int Ceiling = 300;

    public FailureLimit SignIn { get; } = new(Budget, Ceiling, Window, time);

    public FailureLimit EntryCode { get; } = new(Budget, Ceiling, Window, time);

    /// <summary>Access requests refused; the name is the e-mail address typed.</summary>
    public FailureLimit AccessRequest { get; } = new(Budget, Ceiling, Window, time);
}

/// <summary>
/// One address's failures in a fixed window on <see cref="TimeProvider"/>. Within its budget an address is never
/// refused: guessing one account is stopped by the account's lockout, guessing a code by its 80 bits. Past the budget,
/// a name (the e-mail address typed, or the account at a later step) that has already failed from this address in this
/// window is refused without being checked until the window ends; a name that has not failed here is still checked,
/// so a delegate who has not got it wrong still gets in while the room's budget is spent. Past the ceiling every
/// attempt is refused: that many failures are a flood or a list of stolen passwords being tried, and each check costs
/// a slow hash.
/// </summary>
public sealed class FailureLimit(int budget, int ceiling, TimeSpan window, TimeProvider time)
{
    // A flood from many addresses leaves many finished windows behind; they are swept when a new one starts.
    private const int SweepAtAddresses = 10_000;

    private readonly Lock gate = new();
    private readonly Dictionary<string, AddressWindow> addresses = new(StringComparer.Ordinal);

    /// <summary>Null when the attempt may be checked; otherwise the 429 answer to give instead of checking it.</summary>
    public IActionResult? Refuse(HttpContext http, string name)
    {
        ArgumentNullException.ThrowIfNull(http);
        var refusal = Refusal(http.Connection.RemoteIpAddress, name);
        return refusal is var (retryAfter, first) ? RateLimits.TooManyAttempts(retryAfter, first) : null;
    }

    public void CountFailure(HttpContext http, string name)
    {
        ArgumentNullException.ThrowIfNull(http);
        CountFailure(http.Connection.RemoteIpAddress, name);
    }

    /// <summary>
    /// How long the address must wait before it may try <paramref name="name"/> again, and whether this is the window's
    /// first refusal (audited once per address and window); null when it may try now.
    /// </summary>
    public (TimeSpan RetryAfter, bool First)? Refusal(IPAddress? address, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (!addresses.TryGetValue(RateLimits.PartitionKey(address), out var current) || current.EndsAt <= now
                || current.Failures < budget || (current.Failures < ceiling && !current.Names.Contains(Normalize(name))))
            {
                return null;
            }

            var first = !current.Refused;
            current.Refused = true;
            return (current.EndsAt - now, first);
        }
    }

    public void CountFailure(IPAddress? address, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var now = time.GetUtcNow();
        var key = RateLimits.PartitionKey(address);
        lock (gate)
        {
            if (!addresses.TryGetValue(key, out var current) || current.EndsAt <= now)
            {
                if (addresses.Count >= SweepAtAddresses)
                {
                    foreach (var ended in addresses.Where(a => a.Value.EndsAt <= now).Select(a => a.Key).ToList())
                    {
                        addresses.Remove(ended);
                    }
                }

                current = new AddressWindow(now + window);
                addresses[key] = current;
            }

            // Past the ceiling nothing is checked, so nothing more is counted: the set of names stays bounded.
            current.Failures++;
            current.Names.Add(Normalize(name));
        }
    }

    private static string Normalize(string name) => name.Trim().ToUpperInvariant();

    private sealed class AddressWindow(DateTimeOffset endsAt)
    {
        public DateTimeOffset EndsAt { get; } = endsAt;

        public int Failures { get; set; }

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public bool Refused { get; set; }
    }
}
