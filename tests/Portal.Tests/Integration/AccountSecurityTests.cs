using System.Buffers.Binary;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Features.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

public sealed class AccountSecurityTests : PortalTest
{

    private static Dictionary<string, string> Credentials(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightPassword_UntilTheLockoutEnds()
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint);
        using var browser = new Browser(Factory);
        for (var i = 0; i < 5; i++)
        {
            await browser.OpenAsync("/Account/SignIn");
            await browser.SubmitAsync("form", Credentials(account.Email, "not the password at all"));
        }

        await browser.OpenAsync("/Account/SignIn");
        await browser.SubmitAsync("form", Credentials(account.Email, account.Password));
        Assert.Contains("locked", browser.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Null(browser.Find("[data-testid=who]"));
        Assert.Contains("SignInLockedOut", await Factory.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()));

        // The answer is the same as for an unknown address: nobody learns that this account exists or is locked.
        using var stranger = new Browser(Factory);
        await stranger.OpenAsync("/Account/SignIn");
        await stranger.SubmitAsync("form", Credentials("nobody.here@example.test", "whatever it may be"));
        Assert.Equal(stranger.Find("[data-testid=errors] li"), browser.Find("[data-testid=errors] li"));

        Factory.Time.Advance(TimeSpan.FromMinutes(14));
        await browser.OpenAsync("/Account/SignIn");
        await browser.SubmitAsync("form", Credentials(account.Email, account.Password));
        Assert.Null(browser.Find("[data-testid=who]"));

        Factory.Time.Advance(TimeSpan.FromMinutes(2));
        await browser.SignInAsync(Factory, account);
    }

    [Fact]
    public async Task PasswordChange_EndsTheOtherBrowsersSession_OnItsNextRequest()
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint);
        using var office = new Browser(Factory);
        using var laptop = new Browser(Factory);
        await office.SignInAsync(Factory, account);
        await laptop.SignInAsync(Factory, account);

        await office.OpenAsync("/Account/Manage");
        await office.SubmitAsync("form[method=post]:not(.inline)", new Dictionary<string, string>
        {
            ["Input.Current"] = account.Password,
            ["Input.Password"] = "a brand new passphrase here",
            ["Input.Confirm"] = "a brand new passphrase here",
        });
        Assert.Contains("Your password has been changed", office.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/")).StatusCode);

        var refused = await laptop.GetAsync("/");
        Assert.Equal("/Entry", Browser.RedirectPath(refused));
    }

    [Fact]
    public async Task Session_EndsTwelveHoursAfterSignIn_HoweverActive()
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.Member);
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
        for (var hour = 0; hour < 11; hour++)
        {
            Factory.Time.Advance(TimeSpan.FromHours(1));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        }

        Factory.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        Assert.Equal("/Entry", Browser.RedirectPath(await browser.GetAsync("/")));
    }

    [Fact]
    public async Task SigningInAgain_EndsThePreviousSessionOfThatBrowser()
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.Member);
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
        var firstCookie = browser.Cookies.GetCookies(new Uri("http://localhost/"))["portal.session"]!.Value;

        // The sign-in form posted again from the same, signed-in browser.
        await browser.OpenAsync("/");
        var token = browser.Page!.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await browser.PostAsync("/Account/SignIn",
            [new("__RequestVerificationToken", token), new("Input.Email", account.Email), new("Input.Password", account.Password)]);
        Assert.Equal("/", Browser.RedirectPath(browser.LastResponse!));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Sessions.CountAsync(s => s.User!.Email == account.Email && s.EndedAt == null)));

        using var copy = new Browser(Factory);
        copy.Cookies.Add(new Uri("http://localhost/"), new Cookie("portal.session", firstCookie));
        Assert.Equal("/Entry", Browser.RedirectPath(await copy.GetAsync("/")));
    }

    [Fact]
    public async Task PasswordChange_WrongCurrentPasswords_LockTheAccount()
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.Member);
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
        for (var i = 0; i < 5; i++)
        {
            await browser.OpenAsync("/Account/Manage");
            await browser.SubmitAsync("form[method=post]:not(.inline)", new Dictionary<string, string>
            {
                ["Input.Current"] = $"guess number {i} here",
                ["Input.Password"] = "a brand new passphrase here",
                ["Input.Confirm"] = "a brand new passphrase here",
            });
        }

        await browser.OpenAsync("/Account/Manage");
        await browser.SubmitAsync("form[method=post]:not(.inline)", new Dictionary<string, string>
        {
            ["Input.Current"] = account.Password,
            ["Input.Password"] = "a brand new passphrase here",
            ["Input.Confirm"] = "a brand new passphrase here",
        });
        Assert.Contains("Too many wrong passwords", browser.Find("[data-testid=errors]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TurningOffTheSecondFactor_NeedsACodeFromTheApp()
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, twoFactor: true);
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
        await browser.OpenAsync("/Account/Manage/TwoFactor");
        await browser.PostAsync("/Account/Manage/TwoFactor?handler=Disable", FormFields(browser, "000000"));
        Assert.Contains("That code is not right", browser.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.True(await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == account.Email).Select(u => u.TwoFactorEnabled).SingleAsync()));

        Factory.Time.Advance(TimeSpan.FromSeconds(30));
        await browser.OpenAsync("/Account/Manage/TwoFactor");
        await browser.PostAsync("/Account/Manage/TwoFactor?handler=Disable", FormFields(browser, TestAccounts.CurrentCode(Factory, account.AuthenticatorKey!)));
        Assert.False(await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == account.Email).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    private static List<KeyValuePair<string, string>> FormFields(Browser browser, string code) =>
    [
        new("__RequestVerificationToken", browser.Page!.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
        new("Input.Code", code),
    ];

    [Fact]
    public async Task PasswordChange_AsksForTheCurrentPassword()
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.Member);
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
        await browser.OpenAsync("/Account/Manage");
        await browser.SubmitAsync("form[method=post]:not(.inline)", new Dictionary<string, string>
        {
            ["Input.Current"] = "a guess at the password",
            ["Input.Password"] = "a brand new passphrase here",
            ["Input.Confirm"] = "a brand new passphrase here",
        });
        Assert.Contains("Your current password is not right.", browser.Find("[data-testid=errors]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopiedCookie_IsRefusedAfterSignOut()
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.Member);
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
        var stolen = browser.Cookies.GetCookieHeader(new Uri("http://localhost/"));

        await browser.OpenAsync("/");
        await browser.SubmitAsync("form[action='/Account/SignOut'] button");
        Assert.Contains("You have signed out", browser.Text, StringComparison.Ordinal);

        using var thief = new Browser(Factory);
        foreach (var part in stolen.Split("; "))
        {
            var pair = part.Split('=', 2);
            thief.Cookies.Add(new Uri("http://localhost/"), new Cookie(pair[0], pair[1]));
        }

        var response = await thief.GetAsync("/");
        Assert.Equal("/Entry", Browser.RedirectPath(response));
    }

    [Fact]
    public async Task AuthenticatorCode_IsRefusedTheSecondTime()
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, twoFactor: true);
        var code = TestAccounts.CurrentCode(Factory, account.AuthenticatorKey!);
        using var first = new Browser(Factory);
        await first.OpenAsync("/Account/SignIn");
        await first.SubmitAsync("form", Credentials(account.Email, account.Password));
        await first.SubmitAsync("form", new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.NotNull(first.Find("[data-testid=who]"));

        using var replay = new Browser(Factory);
        await replay.OpenAsync("/Account/SignIn");
        await replay.SubmitAsync("form", Credentials(account.Email, account.Password));
        await replay.SubmitAsync("form", new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Contains("already been used", replay.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Null(replay.Find("[data-testid=who]"));

        // The next code, 30 seconds later, works.
        Factory.Time.Advance(TimeSpan.FromSeconds(30));
        await replay.SubmitAsync("form", new Dictionary<string, string> { ["Input.Code"] = TestAccounts.CurrentCode(Factory, account.AuthenticatorKey!) });
        Assert.NotNull(replay.Find("[data-testid=who]"));
    }

    [Fact]
    public async Task Coordinator_WithoutSecondFactor_IsSentToSetItUp_BeforeAnythingElse()
    {
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test");
        using var browser = new Browser(Factory);
        await browser.OpenAsync("/Account/SignIn");
        await browser.SubmitAsync("form", Credentials(coordinator.Email, coordinator.Password));
        Assert.Contains("Coordinators must use an authenticator app", browser.Text, StringComparison.Ordinal);
        Assert.Null(browser.Find("[data-testid=errors]"));

        foreach (var path in new[] { "/", "/Admin", "/Admin/Audit", "/Account/Manage" })
        {
            var response = await browser.GetAsync(path);
            Assert.Equal("/Account/Manage/TwoFactor", Browser.RedirectPath(response));
        }

        // Setting it up with the key shown on the page opens the portal.
        await browser.OpenAsync("/Account/Manage/TwoFactor");
        var key = browser.Find("[data-testid=shared-key]")!.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await browser.SubmitAsync("form[action*='handler=Enable'] button", new Dictionary<string, string> { ["Input.Code"] = TestAccounts.CurrentCode(Factory, key) });
        Assert.Equal(10, browser.Page!.QuerySelectorAll("[data-testid=recovery-codes] li").Length);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Admin/Audit")).StatusCode);
    }

    [Fact]
    public async Task Member_CannotOpenCoordination()
    {
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, twoFactor: true);
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, member);
        var response = await browser.GetAsync("/Admin/Requests");
        Assert.Equal("/Account/AccessDenied", Browser.RedirectPath(response));
    }

    [Theory]
    [InlineData("elevenchars", false, "at least 12")]
    [InlineData("river stone lamp", true, null)]
    [InlineData("password1234", false, "commonly used")]
    [InlineData("qwertyuiopas", false, "commonly used")]
    public async Task PasswordPolicy_IsLengthAndBlockList_NotComposition(string password, bool accepted, string? message)
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.Member);
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
        await browser.OpenAsync("/Account/Manage");
        await browser.SubmitAsync("form[method=post]:not(.inline)", new Dictionary<string, string>
        {
            ["Input.Current"] = account.Password,
            ["Input.Password"] = password,
            ["Input.Confirm"] = password,
        });
        if (accepted)
        {
            Assert.Contains("Your password has been changed", browser.Text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(message!, browser.Find("[data-testid=errors]"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PasswordPolicy_AcceptsUpTo128Characters()
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.Member);
        var validators = await Factory.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByEmailAsync(account.Email);
            var results = new List<bool>();
            foreach (var length in new[] { 128, 129 })
            {
                var ok = true;
                foreach (var v in users.PasswordValidators)
                {
                    ok &= (await v.ValidateAsync(users, user!, new string('x', length - 4) + "ab c")).Succeeded;
                }

                results.Add(ok);
            }

            return results;
        });
        Assert.Equal([true, false], validators);
    }

    [Fact]
    public async Task StoredHash_UsesAtLeast210000Iterations_AndOldHashesAreUpgradedAtSignIn()
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.Member);
        Assert.Equal(IdentitySetup.HashIterations, await IterationsAsync(account.Email));
        Assert.True(IdentitySetup.HashIterations >= 210_000);

        // An account hashed under Identity's old default (100,000) ...
        await Factory.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByEmailAsync(account.Email);
            var old = new PasswordHasher<PortalUser>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
            user!.PasswordHash = old.HashPassword(user, account.Password);
            return await users.UpdateAsync(user);
        });
        Assert.Equal(100_000, await IterationsAsync(account.Email));

        // ... is rehashed when its owner signs in.
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
        Assert.Equal(IdentitySetup.HashIterations, await IterationsAsync(account.Email));
    }

    private Task<int> IterationsAsync(string email) => Factory.WithDbAsync(async db =>
    {
        var hash = await db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync();
        var bytes = Convert.FromBase64String(hash!);
        Assert.Equal(0x01, bytes[0]); // Identity v3 format: marker, PRF, iteration count, salt size, salt, subkey.
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    });

    [Fact]
    public async Task DisabledAccount_IsSignedOutAtOnce_AndCannotSignIn()
    {
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member);
        using var memberBrowser = new Browser(Factory);
        await memberBrowser.SignInAsync(Factory, member);

        using var admin = new Browser(Factory);
        await admin.SignInAsync(Factory, coordinator);
        await admin.OpenAsync("/Admin/Accounts");
        var row = admin.Page!.QuerySelectorAll("tr").First(r => r.TextContent.Contains(member.Email, StringComparison.Ordinal));
        var action = row.QuerySelector("form[action*='handler=Disable']")!.GetAttribute("action")!;
        await admin.SubmitAsync($"form[action='{action}'] button");
        Assert.Contains("can no longer sign in", admin.Text, StringComparison.Ordinal);

        Assert.Equal("/Entry", Browser.RedirectPath(await memberBrowser.GetAsync("/")));
        await memberBrowser.OpenAsync("/Account/SignIn");
        await memberBrowser.SubmitAsync("form", Credentials(member.Email, member.Password));
        Assert.Contains("not right", memberBrowser.Find("[data-testid=errors]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnUrl_OnlyLeadsInsideThePortal()
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.Member);
        using var browser = new Browser(Factory);
        await browser.OpenAsync("/Account/SignIn?returnUrl=https%3A%2F%2Fevil.example%2F");
        var response = await browser.SubmitAsync("form", Credentials(account.Email, account.Password), follow: false);
        Assert.Equal("/", Browser.RedirectPath(response));
        Assert.Equal("/", response.Headers.Location!.OriginalString);

        using var second = new Browser(Factory);
        await second.OpenAsync("/Account/SignIn?returnUrl=%2F%2Fevil.example");
        response = await second.SubmitAsync("form", Credentials(account.Email, account.Password), follow: false);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task PasswordReset_ByEmailedLink_WorksOnce_AndEndsOtherSessions()
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint);
        using var other = new Browser(Factory);
        await other.SignInAsync(Factory, account);

        using var browser = new Browser(Factory);
        await browser.OpenAsync("/Account/ForgotPassword");
        await browser.SubmitAsync("form", new Dictionary<string, string> { ["Input.Email"] = account.Email });
        Assert.Contains("If an active account uses that address", browser.Text, StringComparison.Ordinal);
        var mail = (await Mailbox.DeliverAndReadAsync(Factory, account.Email)).Single(m => m.Subject.Contains("Reset", StringComparison.Ordinal));
        var link = Mailbox.LinkIn(mail, "/Account/ResetPassword?token=");

        await browser.OpenAsync(link);
        await browser.SubmitAsync("form", new Dictionary<string, string> { ["Input.Password"] = "lantern harbour quiet", ["Input.Confirm"] = "lantern harbour quiet" });
        Assert.Contains("Your password has been changed", browser.Text, StringComparison.Ordinal);
        await browser.SignInAsync(Factory, account with { Password = "lantern harbour quiet" });
        Assert.Equal("/Entry", Browser.RedirectPath(await other.GetAsync("/")));

        using var replay = new Browser(Factory);
        await replay.OpenAsync(link);
        Assert.Contains("no longer works", replay.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetLink_UsedByTwoRequestsAtOnce_SetsOnePasswordOnly()
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint);
        using var requester = new Browser(Factory);
        await requester.OpenAsync("/Account/ForgotPassword");
        await requester.SubmitAsync("form", new Dictionary<string, string> { ["Input.Email"] = account.Email });
        var link = Mailbox.LinkIn((await Mailbox.DeliverAndReadAsync(Factory, account.Email)).Single(), "/Account/ResetPassword?token=");

        using var one = new Browser(Factory);
        using var two = new Browser(Factory);
        await one.OpenAsync(link);
        await two.OpenAsync(link);
        var results = await Task.WhenAll(
            one.SubmitAsync("form", new Dictionary<string, string> { ["Input.Password"] = "first new passphrase", ["Input.Confirm"] = "first new passphrase" }),
            two.SubmitAsync("form", new Dictionary<string, string> { ["Input.Password"] = "second new passphrase", ["Input.Confirm"] = "second new passphrase" }));
        var changed = new[] { one, two }.Count(b => b.Text.Contains("Your password has been changed", StringComparison.Ordinal));
        var refused = new[] { one, two }.Count(b => b.Text.Contains("no longer works", StringComparison.Ordinal));
        Assert.Equal((1, 1), (changed, refused));
        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }
}
