using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Portal.Features.Audit;

namespace Portal.Infrastructure.Security;

/// <summary>
/// The per-address limits, all generous enough for a room of delegates behind one conference address (an IPv6 /64
/// counts as one address, <see cref="PartitionKey"/>), all on <see cref="TimeProvider"/> so tests move past a window
/// without sleeping, all counted in the database so that every app instance spends one budget (<see cref="RateCounters"/>),
/// and all answered alike (<see cref="RefuseAsync"/>):
/// <list type="bullet">
/// <item>checks of a secret (sign-in, entry code) count only their failures, in <see cref="FailureLimits"/>;</item>
/// <item>access requests count what the form refuses in <see cref="FailureLimits"/> and what it files in
/// <see cref="AcceptedLimits"/>; one e-mail address has at most one request pending (<see cref="Features.Access.AccessRequests"/>);</item>
/// <item>password resets count every POST (<see cref="UsePortalRateLimits"/>), <see cref="PasswordResetsPerHour"/> an hour: counting only what fails
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

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services)
    {
        services.AddScoped<RateCounters>();
        services.AddScoped<FailureLimits>();
        services.AddScoped<AcceptedLimits>();
        return services;
    }

    /// <summary>
    /// Counts every POST to a page marked <see cref="PasswordResetLimitAttribute"/> against the address's
    /// <see cref="AcceptedLimits.PasswordReset"/>, before anything else reads the request, and refuses what is over.
    /// After routing (the page must be known), before authentication.
    /// </summary>
    public static IApplicationBuilder UsePortalRateLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (HttpMethods.IsPost(http.Request.Method) && http.GetEndpoint()?.Metadata.GetMetadata<PasswordResetLimitAttribute>() is not null)
        {
            var limit = http.RequestServices.GetRequiredService<AcceptedLimits>().PasswordReset;
            if (await limit.TakeAsync(http.Connection.RemoteIpAddress, http.RequestAborted) is var (retryAfter, first))
            {
                await RefuseAsync(http, retryAfter, first, http.RequestAborted);
                return;
            }
        }

        await next(http);
    });

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

/// <summary>
/// Marks a page whose every POST counts against the address's password-reset limit (<see cref="RateLimits.UsePortalRateLimits"/>):
/// asking for a reset link and setting a password with one share the count.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PasswordResetLimitAttribute : Attribute;
