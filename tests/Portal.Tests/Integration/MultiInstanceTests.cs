using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.EntryCodes;
using Portal.Infrastructure;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// Two app instances on one database, as behind a reverse proxy: a sign-in on one works on the other, a rotation on one
/// ends code sessions on the other, the rate limits are one budget, and a background job runs on one at a time.
/// </summary>
public sealed class MultiInstanceTests : TwoInstanceTest
{
    private const string Room = "10.203.0.1";

    [Fact]
    public async Task SessionCookie_FromOneInstance_IsAcceptedByTheOther_AndSignOutEndsItOnBoth()
    {
        var member = await TestAccounts.CreateAsync(First, PortalRole.Member);
        using var one = new Browser(First);
        await one.SignInAsync(First, member);
        _ = Second.Server;

        using var two = new Browser(Second);
        foreach (Cookie cookie in one.Cookies.GetAllCookies())
        {
            two.Cookies.Add(cookie);
        }

        Assert.Equal(HttpStatusCode.OK, (await two.GetAsync("/")).StatusCode);
        Assert.Contains(member.ParticipantName, two.Find("[data-testid=who]"), StringComparison.Ordinal);
        Assert.Equal(1, await First.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));

        await two.SubmitAsync("form[action='/Account/SignOut'] button");
        Assert.Equal("/Entry", Browser.RedirectPath(await one.GetAsync("/")));
    }

    [Fact]
    public async Task Rotation_OnOneInstance_EndsCodeSessionsOnTheOther()
    {
        var old = await RotateAsync(First);
        using var delegateBrowser = new Browser(Second);
        Assert.Equal(HttpStatusCode.Redirect, (await EnterAsync(delegateBrowser, "delegate@mission.test", old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await delegateBrowser.GetAsync("/")).StatusCode);

        await RotateAsync(First);
        Assert.Equal("/Entry", Browser.RedirectPath(await delegateBrowser.GetAsync("/")));
    }

    [Fact]
    public async Task FailuresSpentOnOneInstance_AreRefusedOnTheOther_AuditedOnce_AndThePasswordResetBudgetIsOne()
    {
        var code = await RotateAsync(First);

        // The room has all but two failures of its budget behind it (counted here; through the pages it is BruteForceTests).
        await SpendAsync(sp => sp.GetRequiredService<FailureLimits>().EntryCode.Name, FailureLimits.Budget - 2, FailureLimits.Window);

        // The guesser's last two wrong codes, one on each instance; then that name is refused on both, even with the right
        // code, while a colleague in the room still gets in.
        using var guesser = new Browser(First, Room);
        Assert.Equal(HttpStatusCode.OK, (await EnterAsync(guesser, "guesser@example.test", "AAAA-BBBB-CCCC-0001")).StatusCode);
        using var guesserOnSecond = new Browser(Second, Room);
        Assert.Equal(HttpStatusCode.OK, (await EnterAsync(guesserOnSecond, "Guesser@Example.test ", "AAAA-BBBB-CCCC-0002")).StatusCode);
        AssertTooManyAttempts(await EnterAsync(guesser, "guesser@example.test", code), FailureLimits.Window);
        AssertTooManyAttempts(await EnterAsync(guesserOnSecond, "guesser@example.test", code), FailureLimits.Window);
        using var colleague = new Browser(Second, Room);
        Assert.Equal(HttpStatusCode.Redirect, (await EnterAsync(colleague, "colleague@example.test", code)).StatusCode);
        Assert.Single(await First.WithDbAsync(db => db.AuditEntries.Where(a => a.IpAddress == Room && a.Action == "RateLimited").ToListAsync()));

        // All but three password-reset POSTs of the hour are spent; the last three go one way or the other, the next is refused.
        await SpendAsync(_ => RateLimits.PasswordReset, RateLimits.PasswordResetsPerHour - 3, TimeSpan.FromHours(1));
        foreach (var (instance, i) in new[] { First, Second, First }.Select((f, i) => (f, i)))
        {
            using var asker = new Browser(instance, Room);
            Assert.Equal(HttpStatusCode.Redirect, (await AskResetAsync(asker, $"asker{i}@example.test")).StatusCode);
        }

        using var oneTooMany = new Browser(Second, Room);
        var refused = await AskResetAsync(oneTooMany, "one.too.many@example.test");
        AssertTooManyAttempts(refused, TimeSpan.FromHours(1));
        Assert.Contains("Too many attempts from your address.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJob_RunsOnOneInstanceAtATime_AndWhenItsHolderStopsRenewing_TheOtherTakesItOverAfterAMinute()
    {
        // The two instances' clocks were started a moment apart: one time for both.
        var apart = Second.Time.GetUtcNow() - First.Time.GetUtcNow();
        (apart > TimeSpan.Zero ? First : Second).Time.Advance(apart.Duration());

        // Both instances try to take the outbox's lease at the same moment: one gets it.
        var leases = new[] { First, Second }.Select(f => f.Services.GetRequiredService<JobLeases>()).ToArray();
        var taken = await Task.WhenAll(leases.Select(l => l.TryTakeAsync(nameof(OutboxDispatcher))));
        Assert.Single(taken, t => t);
        var (holder, other) = taken[0] ? (First, Second) : (Second, First);
        var holderLease = taken[0] ? leases[0] : leases[1];

        // While the holder runs the job, the other's runs are skipped: a mail queued meanwhile waits.
        await other.WithServicesAsync(async sp =>
        {
            sp.GetRequiredService<Outbox>().Enqueue("test", "waiting@example.test", "Sent by the one instance that runs the job", "Body.");
            return await sp.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        });
        var job = other.Services.GetRequiredService<OutboxDispatcher>();
        Assert.False(await job.RunLeasedAsync());
        Assert.True(await holderLease.RenewAsync(nameof(OutboxDispatcher)));
        Assert.Equal(1, await UnsentAsync());

        // The holder dies in its run: nothing renews the lease. Until it expires the job is still skipped; then it is taken over.
        foreach (var instance in new[] { First, Second })
        {
            instance.Time.Advance(JobLeases.Duration - TimeSpan.FromSeconds(1));
        }

        Assert.False(await job.RunLeasedAsync());
        foreach (var instance in new[] { First, Second })
        {
            instance.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(await job.RunLeasedAsync());
        Assert.Equal(0, await UnsentAsync());
        Assert.Contains(other.Logs.Entries, e => e.Message.Contains("took over the lease of instance", StringComparison.Ordinal)
            && e.Message.Contains(holderLease.InstanceId, StringComparison.Ordinal));

        // The run released the lease; the old holder's late release takes nothing from anyone.
        Assert.Equal(0, await First.WithDbAsync(db => db.JobLeases.CountAsync()));
        Assert.False(await holderLease.RenewAsync(nameof(OutboxDispatcher)));
        Assert.True(await holder.Services.GetRequiredService<OutboxDispatcher>().RunLeasedAsync());
    }

    private Task<int> UnsentAsync() => First.WithDbAsync(db => db.Outbox.CountAsync(m => m.Kind == "test" && m.SentAt == null));

    private static Task<string> RotateAsync(PortalFactory instance) =>
        instance.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.States, "test"));

    private async Task<HttpResponseMessage> EnterAsync(Browser browser, string email, string code)
    {
        var ghana = await First.WithDbAsync(db => db.Participants.Where(p => p.Code == "GHA").Select(p => p.Id).SingleAsync());
        await browser.OpenAsync("/Entry");
        return await browser.SubmitAsync("form[method=post]", new Dictionary<string, string>
        {
            ["Input.Name"] = "Delegate",
            ["Input.Email"] = email,
            ["Input.ParticipantId"] = ghana.ToString(CultureInfo.InvariantCulture),
            ["Input.Code"] = code,
        }, follow: false);
    }

    private static async Task<HttpResponseMessage> AskResetAsync(Browser browser, string email)
    {
        await browser.OpenAsync("/Account/ForgotPassword");
        return await browser.SubmitAsync("form", new Dictionary<string, string> { ["Input.Email"] = email }, follow: false);
    }

    /// <summary>A window of the room under a limit that has counted <paramref name="count"/> already.</summary>
    private Task<int> SpendAsync(Func<IServiceProvider, string> limit, int count, TimeSpan window) => First.WithServicesAsync(sp =>
    {
        var db = sp.GetRequiredService<PortalDbContext>();
        db.RateCounters.Add(new RateCounter
        {
            Limit = limit(sp),
            Partition = Room,
            Count = count,
            EndsAt = (First.Time.GetUtcNow() + window).ToUnixTimeMilliseconds(),
            Salt = RandomNumberGenerator.GetBytes(16),
        });
        return db.SaveChangesAsync();
    });

    private static void AssertTooManyAttempts(HttpResponseMessage answer, TimeSpan window)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
        var seconds = int.Parse(answer.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, (int)window.TotalSeconds);
    }
}
