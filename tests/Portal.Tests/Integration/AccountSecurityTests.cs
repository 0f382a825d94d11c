using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>Sessions and sign-in: lockout, revocation, second factor, roles, return addresses.</summary>
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
        await admin.OpenAsync(row.QuerySelector("a[href$='/Disable']")!.GetAttribute("href")!);
        await admin.SubmitAsync("form.actions button");
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
    public async Task ResetPassword_OfAnAccountWithASecondFactor_SignsInOnlyAfterItsCode()
    {
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        using var browser = new Browser(Factory);
        await browser.OpenAsync("/Account/ForgotPassword");
        await browser.SubmitAsync("form", new Dictionary<string, string> { ["Input.Email"] = coordinator.Email });
        var link = Mailbox.LinkIn((await Mailbox.DeliverAndReadAsync(Factory, coordinator.Email)).Single(), "/Account/ResetPassword?token=");

        await browser.OpenAsync(link);
        await browser.SubmitAsync("form", new Dictionary<string, string> { ["Input.Password"] = "orchard river lantern", ["Input.Confirm"] = "orchard river lantern" });

        Assert.Equal("/Account/SignInTwoFactor", browser.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Enter the code from your authenticator app to finish signing in.", browser.Find("[role=status]"), StringComparison.Ordinal);
        Assert.Null(browser.Find("[data-testid=who]"));
        Assert.Equal("/Entry", Browser.RedirectPath(await browser.GetAsync("/Admin")));

        await browser.OpenAsync("/Account/SignInTwoFactor");
        await browser.SubmitAsync("form", new Dictionary<string, string> { ["Input.Code"] = TestAccounts.CurrentCode(Factory, coordinator.AuthenticatorKey!) });
        Assert.Contains(coordinator.ParticipantName, browser.Find("[data-testid=who]"), StringComparison.Ordinal);
    }
}
