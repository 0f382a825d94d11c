using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Pages.Account;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// Reset links: a room of delegates behind one address may all ask for one, one account gets at most
/// <see cref="ForgotPasswordModel.ResetsPerAccountPerHour"/> an hour, and the answer never tells whether an account exists.
/// </summary>
public sealed class PasswordResetLimitTests : PortalTest
{
    private const string Room = "10.202.0.1";
    private const string ResetSubject = "Reset your Cooperation Portal password";

    [Fact]
    public async Task ResetsOfManyAccounts_FromOneAddress_AllSend()
    {
        var accounts = await TestAccounts.CreateManyAsync(Factory, 50, PortalRole.Member, "NOR");
        foreach (var (account, i) in accounts.Select((a, i) => (a, i)))
        {
            using var person = new Browser(Factory, Room);
            var answer = await AskAsync(person, account.Email);
            Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"reset {i + 1} answered {(int)answer.StatusCode}");
        }

        var sentTo = await Factory.WithDbAsync(db => db.Outbox.Where(m => m.Subject == ResetSubject).Select(m => m.To).ToListAsync());
        Assert.Equal(accounts.Select(a => a.Email).Order(StringComparer.Ordinal), sentTo.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FourthResetForOneAccountWithinTheHour_SendsNothing_AndAnswersAsForAnUnknownEmail_UntilTheHourHasPassed()
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint);
        for (var i = 0; i < ForgotPasswordModel.ResetsPerAccountPerHour; i++)
        {
            using var person = new Browser(Factory);
            await AskAsync(person, account.Email);
            Factory.Time.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Equal(3, await ResetsQueuedForAsync(account.Email));

        // From anywhere, however typed: the same redirect and the same page as for an address nobody uses.
        using var fourth = new Browser(Factory);
        var overLimit = await AnswerAsync(fourth, " " + account.Email.ToUpperInvariant());
        using var stranger = new Browser(Factory);
        var unknown = await AnswerAsync(stranger, $"nobody.{Guid.NewGuid():N}@example.test");
        Assert.Equal(unknown, overLimit);
        Assert.Equal((HttpStatusCode.Redirect, "/Account/ForgotPassword"), (overLimit.Status, overLimit.Location));
        Assert.Contains("If an active account uses that address", overLimit.Page, StringComparison.Ordinal);
        Assert.Equal(3, await ResetsQueuedForAsync(account.Email));
        var audited = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "PasswordResetRequested")
            .OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync());
        Assert.Equal(
            ["link sent", "link sent", "link sent", "not sent: this account was already sent 3 reset links within the hour", "no active account with this e-mail"],
            audited);

        // An hour after the first, the account is sent a link again; the person receives four in all.
        Factory.Time.Advance(TimeSpan.FromMinutes(30));
        using var later = new Browser(Factory);
        await AskAsync(later, account.Email);
        Assert.Equal(4, await ResetsQueuedForAsync(account.Email));
        Assert.Equal(4, (await Mailbox.DeliverAndReadAsync(Factory, account.Email)).Count(m => m.Subject == ResetSubject));
    }

    private static async Task<HttpResponseMessage> AskAsync(Browser browser, string email)
    {
        await browser.OpenAsync("/Account/ForgotPassword");
        return await browser.SubmitAsync("form", new Dictionary<string, string> { ["Input.Email"] = email }, follow: false);
    }

    /// <summary>What the person sees: the answer to the POST, and the page it leads to.</summary>
    private static async Task<(HttpStatusCode Status, string? Location, string Page)> AnswerAsync(Browser browser, string email)
    {
        var answer = await AskAsync(browser, email);
        await browser.OpenAsync(answer.Headers.Location!.OriginalString);
        return (answer.StatusCode, Browser.RedirectPath(answer), browser.Find("main") ?? "");
    }

    private Task<int> ResetsQueuedForAsync(string email) =>
        Factory.WithDbAsync(db => db.Outbox.CountAsync(m => m.To == email && m.Subject == ResetSubject));
}
