using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Features.Audit;

namespace Portal.Infrastructure.Security;

/// <summary>
/// The per-address limits, all generous enough for a room of delegates behind one conference address (an IPv6 /64
/// counts as one address, <see cref="PartitionKey"/>), all on <see cref="TimeProvider"/> so tests move past a window
/// without sleeping, and all answered alike (<see cref="RefuseAsync"/>):
/// <list type="bullet">
/// <item>checks of a secret (sign-in, entry code) count only their failures, in <see cref="FailureLimits"/>;</item>
/// <item>access requests count what the form refuses in <see cref="FailureLimits"/> and what it files in
/// <see cref="AcceptedLimits"/>; one e-mail address has at most one request pending (<see cref="Features.Access.AccessRequests"/>);</item>
/// <item>password resets count every POST here, <see cref="PasswordResetsPerHour"/> an hour: counting only what fails
/// would tell which e-mail addresses have an account. One account gets at most three reset e-mails an hour, however
/// many addresses ask (<see cref="Pages.Account.ForgotPasswordModel.ResetsPerAccountPerHour"/>).</item>
/// </list>
/// </summary>
public static class RateLimits
{
    /// <summary>Asking for a reset link and setting a password with one (the same counter).</summary>
    public const string PasswordReset = "password-reset";

    /// <summary>Password-reset POSTs one address may send in an hour: a room of delegates who all forgot.</summary>
    public const int PasswordResetsPerHour = 300;

    private static readonly (string Name, int Permits, TimeSpan Window)[] Policies =
    [
        (PasswordReset, PasswordResetsPerHour, TimeSpan.FromHours(1)),
    ];

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<FailureLimits>();
        services.AddSingleton<AcceptedLimits>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = OnRejectedAsync;
            foreach (var (name, permits, window) in Policies)
            {
                options.AddPolicy(name, http =>
                {
                    if (!HttpMethods.IsPost(http.Request.Method))
                    {
                        return RateLimitPartition.GetNoLimiter("read");
                    }

                    var time = http.RequestServices.GetRequiredService<TimeProvider>();
                    return RateLimitPartition.Get(PartitionKey(http.Connection.RemoteIpAddress), _ => new WindowRateLimiter(permits, window, time));
                });
            }
        });
        return services;
    }

    /// <summary>
    /// An IPv4 address, or the /64 network of an IPv6 address: one IPv6 subscriber usually holds a whole /64 and
    /// could otherwise take a fresh budget for every request.
    /// </summary>
    public static string PartitionKey(System.Net.IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken token)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var first = context.Lease.TryGetMetadata(WindowRateLimiter.FirstRefusal, out var isFirst) && isFirst;
        await RefuseAsync(context.HttpContext, retryAfter, first, token);
    }

    /// <summary>The answer of a page to an address over its limit (<see cref="FailureLimit"/>, <see cref="AcceptedLimit"/>).</summary>
    public static IActionResult TooManyAttempts(TimeSpan retryAfter, bool firstRefusal) => new TooManyAttemptsResult(retryAfter, firstRefusal);

    /// <summary>
    /// The answer to an address over a limit, here or in a page: 429 with Retry-After and a sentence,
    /// audited on the first refusal of a window only, so a flood does not flood the log.
    /// </summary>
    public static async Task RefuseAsync(HttpContext http, TimeSpan retryAfter, bool firstRefusal, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(http);
        var response = http.Response;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/plain; charset=utf-8";
        if (firstRefusal)
        {
            var audit = http.RequestServices.GetRequiredService<AuditLog>();
            await audit.RecordAsync(AuditEvent.RateLimited, http.Request.Path, $"retry after {seconds} s");
        }

        await response.WriteAsync($"Too many attempts from your address. {WaitSentence(retryAfter)}", token);
    }

    /// <summary>How long to wait before trying again, as a whole sentence, in minutes rounded up: "Wait 1 minute, then try again."</summary>
    public static string WaitSentence(TimeSpan retryAfter)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        return minutes == 1
            ? "Wait 1 minute, then try again."
            : string.Create(CultureInfo.InvariantCulture, $"Wait {minutes} minutes, then try again.");
    }

    private sealed class TooManyAttemptsResult(TimeSpan retryAfter, bool first) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) =>
            RefuseAsync(context.HttpContext, retryAfter, first, context.HttpContext.RequestAborted);
    }
}

/// <summary>A fixed-window counter on <see cref="TimeProvider"/>; no queueing, failed leases carry Retry-After.</summary>
public sealed class WindowRateLimiter(int permitLimit, TimeSpan window, TimeProvider time) : RateLimiter
{
    /// <summary>Lease metadata: true on the first refusal of a window.</summary>
    public static readonly MetadataName<bool> FirstRefusal = new("PORTAL_FIRST_REFUSAL");

    private readonly Lock gate = new();
    private DateTimeOffset windowStart = time.GetUtcNow();
    private int used;
    private bool refused;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (gate)
            {
                var sinceEnd = time.GetUtcNow() - (windowStart + window);
                return sinceEnd > TimeSpan.Zero ? sinceEnd : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, permitLimit - used) };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Acquire(permitCount, markRefusal: false);

    // ASP.NET Core's middleware tries AttemptAcquire first and, when refused, AcquireAsync: only the second call of
    // a refused request may count as the window's first refusal.
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult<RateLimitLease>(Acquire(permitCount, markRefusal: true));

    private Lease Acquire(int permitCount, bool markRefusal)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (now >= windowStart + window)
            {
                windowStart = now;
                used = 0;
                refused = false;
            }

            if (used + permitCount <= permitLimit)
            {
                used += permitCount;
                return new Lease(true, null, false);
            }

            var first = markRefusal && !refused;
            refused |= markRefusal;
            return new Lease(false, windowStart + window - now, first);
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter, bool firstRefusal) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames =>
            retryAfter is null ? [] : [MetadataName.RetryAfter.Name, FirstRefusal.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is not null && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = retryAfter.Value;
                return true;
            }

            if (retryAfter is not null && metadataName == FirstRefusal.Name)
            {
                metadata = firstRefusal;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
