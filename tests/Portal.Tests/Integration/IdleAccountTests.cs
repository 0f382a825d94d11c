using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// Nobody keeps an account for ever: one not signed in for a year is warned, and disabled 30 days later unless it
/// signs in; its participant's focal points are told (the coordinators when it has none). A fake clock, the real
/// sign-in page and the real SMTP sink.
/// </summary>
public sealed class IdleAccountTests : PortalTest
{
    private const string WarningSubject = "Your Cooperation Portal account will be disabled unless you sign in";

    [Fact]
    public async Task AnAccountUnusedForAYear_IsWarned_ThenDisabledUnlessItSignsIn_AndItsFocalPointsAreTold()
    {
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-idle", twoFactor: true);
        var focalPoint = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var silent = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "LAO");
        var returning = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "IRQ");
        var alone = await TestAccounts.CreateAsync(Factory, PortalRole.Observer, "ngo-idle");
        await SignInAsync(returning);

        // A day short of a year, nobody is warned.
        Factory.Time.Advance(IdleAccounts.IdleAfter - TimeSpan.FromDays(1));
        await ReviewAsync();
        await SignInAsync(focalPoint);
        foreach (var account in new[] { silent, returning, alone })
        {
            Assert.DoesNotContain(await Mailbox.DeliverAndReadAsync(Factory, account.Email), m => m.Subject == WarningSubject);
        }

        Factory.Time.Advance(TimeSpan.FromDays(1));
        await ReviewAsync();
        foreach (var account in new[] { silent, returning, alone })
        {
            var warning = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, account.Email), m => m.Subject == WarningSubject);
            Assert.Contains("/Account/SignIn", warning.Body, StringComparison.Ordinal);
        }

        // The focal point signed in within the year; a coordinator is never warned, whatever they did.
        Assert.DoesNotContain(await Mailbox.DeliverAndReadAsync(Factory, focalPoint.Email), m => m.Subject == WarningSubject);
        Assert.DoesNotContain(await Mailbox.DeliverAndReadAsync(Factory, coordinator.Email), m => m.Subject == WarningSubject);

        // One signs in after the warning: that clears it.
        await SignInAsync(returning);
        Factory.Time.Advance(IdleAccounts.Grace + TimeSpan.FromMinutes(1));
        await ReviewAsync();
        var accounts = await Factory.WithDbAsync(db => db.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!));
        Assert.False(accounts[returning.Email].IsDisabled);
        Assert.Null(accounts[returning.Email].IdleWarnedAt);
        Assert.True(accounts[silent.Email].IsDisabled);
        Assert.True(accounts[alone.Email].IsDisabled);
        Assert.False(accounts[focalPoint.Email].IsDisabled);

        // The focal point of the same State is told of their colleague; the coordinators of the account whose
        // organisation has no focal point. Each once.
        var told = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, focalPoint.Email), m => m.Subject.Contains("was disabled", StringComparison.Ordinal));
        Assert.Contains(silent.Email, told.Body, StringComparison.Ordinal);
        var coordinatorTold = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, coordinator.Email), m => m.Subject.Contains("was disabled", StringComparison.Ordinal));
        Assert.Contains(alone.Email, coordinatorTold.Body, StringComparison.Ordinal);
        Assert.Equal(2, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "AccountDisabledIdle")));

        // A disabled account cannot sign in; running the check again changes nothing.
        using var browser = new Browser(Factory);
        await browser.OpenAsync("/Account/SignIn");
        await browser.SubmitAsync("form", new Dictionary<string, string> { ["Input.Email"] = silent.Email, ["Input.Password"] = silent.Password });
        Assert.Null(browser.Find("[data-testid=who]"));
        Assert.Equal((0, 0), await ReviewAsync());
    }

    private async Task SignInAsync(TestAccount account)
    {
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
    }

    private Task<(int Warned, int Disabled)> ReviewAsync() =>
        Factory.WithServicesAsync(sp => sp.GetRequiredService<IdleAccounts>().ReviewAsync());
}
