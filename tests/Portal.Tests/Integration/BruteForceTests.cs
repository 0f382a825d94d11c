using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.EntryCodes;
using Portal.Infrastructure.Security;
using Portal.Pages.Account;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// One conference address shared by a room of delegates: only failures count against it, and past its budget only the
/// names that failed there are refused (<see cref="FailureLimit"/>).
/// </summary>
public sealed class BruteForceTests : PortalTest
{
    private const string Room = "10.200.0.1";

    private int? ghana;

    [Fact]
    public async Task CorrectCodes_FromOneAddress_AllGetIn()
    {
        // Past the address's failure budget (100): successes are never counted.
        var code = await RotateAsync();
        for (var i = 0; i < FailureLimits.Budget + 10; i++)
        {
            using var person = new Browser(Factory, Room);
            var answer = await EnterAsync(person, $"delegate{i}@example.test", code);
            Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"entry {i + 1} answered {(int)answer.StatusCode}");
        }

        Assert.Equal(FailureLimits.Budget + 10, await Factory.WithDbAsync(db => db.Sessions.CountAsync(s => s.EntryCodeId != null && s.EndedAt == null)));
    }

    [Fact]
    public async Task WrongCodes_PastTheAddressBudget_AreRefusedForTheNameThatFailed_NotForTheRestOfTheRoom()
    {
        var code = await RotateAsync();
        using var guesser = new Browser(Factory, Room);
        for (var i = 0; i < FailureLimits.Budget; i++)
        {
            var answer = await EnterAsync(guesser, "guesser@example.test", $"AAAA-BBBB-CCCC-{i:D4}");
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"wrong code {i + 1} answered {(int)answer.StatusCode}");
        }

        // That name is no longer checked from this address, not even with the right code.
        var refused = await EnterAsync(guesser, "guesser@example.test", code);
        AssertTooManyAttempts(refused);

        // Everyone else in the room still gets in with the right code.
        using var colleague = new Browser(Factory, Room);
        Assert.Equal(HttpStatusCode.Redirect, (await EnterAsync(colleague, "colleague@example.test", code)).StatusCode);

        Factory.Time.Advance(FailureLimits.Window);
        Assert.Equal(HttpStatusCode.Redirect, (await EnterAsync(guesser, "guesser@example.test", code)).StatusCode);

        var audit = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.IpAddress == Room).Select(a => a.Action).ToListAsync());
        Assert.Equal(FailureLimits.Budget, audit.Count(a => a == "EntryCodeRejected"));
        Assert.Single(audit, a => a == "RateLimited");
        Assert.Equal(2, audit.Count(a => a == "EntryCodeUsed"));
    }

    [Fact]
    public async Task SuccessfulSignIns_OfManyAccountsFromOneAddress_AllGetIn()
    {
        // More than the address's failure budget: successes never count against it.
        const int People = FailureLimits.Budget + 20;
        var delegates = await TestAccounts.CreateManyAsync(Factory, People, PortalRole.FocalPoint, "NOR");
        foreach (var (account, i) in delegates.Select((a, i) => (a, i)))
        {
            using var person = new Browser(Factory, Room);
            var answer = await SignInAsync(person, account.Email, account.Password);
            Assert.True(answer.StatusCode == HttpStatusCode.Redirect && Browser.RedirectPath(answer) == "/",
                $"sign-in {i + 1} answered {(int)answer.StatusCode}");
        }

        Assert.Equal(People, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.IpAddress == Room && a.Action == "SignIn")));
    }

    [Fact]
    public async Task WrongPasswords_LockTheAccountAfterFive_AndPastTheAddressBudgetItsNameIsRefused_WhileOthersStillSignIn()
    {
        var victim = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "NOR");
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        var colleague = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "NOR");

        // A second step that failed once from the room (the first failure of its window).
        using var coordinatorBrowser = new Browser(Factory, Room);
        await SignInAsync(coordinatorBrowser, coordinator.Email, coordinator.Password, follow: true);
        await coordinatorBrowser.SubmitAsync("form", new Dictionary<string, string> { ["Input.Code"] = "000000" });
        Assert.Contains("not right", coordinatorBrowser.Find("[data-testid=errors]"), StringComparison.Ordinal);

        // Thirty wrong passwords for one account: each is answered by the form, and the account locks after five.
        using var guesser = new Browser(Factory, Room);
        for (var i = 0; i < 30; i++)
        {
            var answer = await SignInAsync(guesser, victim.Email, $"wrong password number {i}");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains(SignInModel.FailureMessage, guesser.Text, StringComparison.Ordinal);
        }

        var lockedUntil = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == victim.Email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockedUntil > Factory.Time.GetUtcNow());

        // 31 failures so far. Other names bring the room to one short of its budget; the victim's is still checked once more.
        for (var failures = 31; failures < FailureLimits.Budget - 1; failures++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(guesser, $"nobody{failures}@example.test", "wrong password attempt")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(guesser, victim.Email, "one more wrong password")).StatusCode);

        // The budget is spent: names that failed here are refused without a check, even with the right password or code.
        AssertTooManyAttempts(await SignInAsync(guesser, victim.Email, "yet another wrong password"));
        AssertTooManyAttempts(await coordinatorBrowser.SubmitAsync("form", new Dictionary<string, string>
        {
            ["Input.Code"] = TestAccounts.CurrentCode(Factory, coordinator.AuthenticatorKey!),
        }, follow: false));

        // A correct password of anyone else in the room still gets through; a new name is still checked.
        using var colleagueBrowser = new Browser(Factory, Room);
        Assert.Equal("/", Browser.RedirectPath(await SignInAsync(colleagueBrowser, colleague.Email, colleague.Password)));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(guesser, "newcomer@example.test", "wrong password attempt")).StatusCode);

        // After the window and the lockout, the victim signs in. Both last 15 minutes from the same instant, and the
        // lockout's last instant still counts as locked, so the clock moves one second past both.
        Factory.Time.Advance(FailureLimits.Window + TimeSpan.FromSeconds(1));
        using var victimBrowser = new Browser(Factory, Room);
        await victimBrowser.SignInAsync(Factory, victim);

        var actions = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.IpAddress == Room).Select(a => a.Action).ToListAsync());
        Assert.Equal(FailureLimits.Budget + 1, actions.Count(a => a is "SignInFailed" or "SignInLockedOut" or "TwoFactorFailed"));
        Assert.Single(actions, a => a == "RateLimited");
    }

    private Task<string> RotateAsync() =>
        Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.States, "test"));

    /// <summary>Enters with a code as a person does: after a refusal they type again into the form on the page.</summary>
    private async Task<HttpResponseMessage> EnterAsync(Browser browser, string email, string code)
    {
        ghana ??= await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == "GHA").Select(p => p.Id).SingleAsync());
        if (browser.Find("form[method=post] [name='Input.Code']") is null)
        {
            await browser.OpenAsync("/Entry");
        }

        return await browser.SubmitAsync("form[method=post]", new Dictionary<string, string>
        {
            ["Input.Name"] = "Delegate",
            ["Input.Email"] = email,
            ["Input.ParticipantId"] = ghana.Value.ToString(CultureInfo.InvariantCulture),
            ["Input.Code"] = code,
        }, follow: false);
    }

    /// <summary>Signs in as a person does: after a refusal they type again into the form on the page.</summary>
    private static async Task<HttpResponseMessage> SignInAsync(Browser browser, string email, string password, bool follow = false)
    {
        if (browser.Find("form [name='Input.Password']") is null)
        {
            await browser.OpenAsync("/Account/SignIn");
        }

        return await browser.SubmitAsync("form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password }, follow);
    }

    private static void AssertTooManyAttempts(HttpResponseMessage answer)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
        var seconds = int.Parse(answer.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, (int)FailureLimits.Window.TotalSeconds);
    }
}
