using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// A State's focal point manages its people through the real forms: invites (the link from the SMTP sink works once),
/// re-sends, cancels, changes a role, disables and enables; the last focal point stays; the coordinator sees it all in
/// the audit log.
/// </summary>
public sealed class PeopleTests : PortalTest
{
    private TestAccount focal = null!;
    private Browser browser = null!;

    public override async Task InitializeAsync()
    {
        focal = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        browser = new Browser(Factory);
        await browser.SignInAsync(Factory, focal);
    }

    public override async Task DisposeAsync()
    {
        browser.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task FocalPoint_InvitesAMember_FromTheHomePage_AndTheLinkWorksOnce_AndTheCoordinatorSeesWhoDidIt()
    {
        var email = $"colleague.{Guid.NewGuid():N}@mofa.test";
        await browser.OpenAsync("/");
        await browser.OpenAsync(browser.Page!.QuerySelector("[data-testid=people-card] a")!.GetAttribute("href")!);
        Assert.Equal("/People/LAO", browser.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath);
        await browser.OpenAsync(browser.Page!.QuerySelector("main a[href$='/Invite']")!.GetAttribute("href")!);

        // Sent empty first: each field says what it needs, in the summary too.
        await browser.SubmitAsync("main form", new Dictionary<string, string> { ["Input.Role"] = "" });
        Assert.Equal(["Enter the person's full name.", "Enter the person's e-mail address."],
            browser.Page!.QuerySelectorAll("[data-testid=errors] li").Select(li => li.TextContent.Trim()).Take(2));

        await browser.SubmitAsync("main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Souksavanh Phommachanh",
            ["Input.Email"] = email,
            ["Input.Role"] = "Member",
        });
        Assert.Equal("Invitation sent", browser.Find("[data-testid=confirmation] h1"));
        Assert.Contains("Souksavanh Phommachanh is invited as a member of Lao", browser.Find("[data-testid=confirmation]"), StringComparison.Ordinal);

        await browser.OpenAsync("/People/LAO");
        var row = RowOf(email);
        Assert.Contains("Invited, no password yet", row, StringComparison.Ordinal);

        var mail = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, email));
        Assert.Contains("Test FocalPoint, focal point of Lao", mail.Body, StringComparison.Ordinal);
        Assert.Contains("as member", mail.Body, StringComparison.Ordinal);
        var link = Mailbox.LinkIn(mail, "/Account/Invitation?token=");

        using (var colleague = new Browser(Factory))
        {
            await SetPasswordAsync(colleague, link);
            Assert.Contains("Your password is set and you are signed in.", colleague.Find("[role=status]"), StringComparison.Ordinal);
            var who = colleague.Find("[data-testid=who]");
            Assert.Contains("Souksavanh Phommachanh", who, StringComparison.Ordinal);
            Assert.Contains("Member", who, StringComparison.Ordinal);
        }

        using (var again = new Browser(Factory))
        {
            await again.OpenAsync(link);
            Assert.Equal("This invitation link no longer works", again.Find("h1"));
            Assert.Empty(again.Page!.QuerySelectorAll("input[type=password]"));
        }

        await browser.OpenAsync("/People/LAO");
        Assert.Contains("Active", RowOf(email), StringComparison.Ordinal);

        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        using var admin = new Browser(Factory);
        await admin.SignInAsync(Factory, coordinator);
        await admin.OpenAsync("/Admin/Audit?action=AccountCreated");
        var entry = Assert.Single(admin.Page!.QuerySelectorAll("[data-testid=audit] tbody tr"));
        Assert.Contains($"Test FocalPoint <{focal.Email}>", entry.QuerySelector("td[data-label=Who]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(email, entry.QuerySelector("td[data-label=Target]")!.TextContent);
        Assert.Contains("Member of Lao", entry.QuerySelector("td[data-label=Detail]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelledInvitation_LinkNoLongerWorks_AndTheAddressMayBeInvitedAgain()
    {
        var email = $"typo.{Guid.NewGuid():N}@mofa.test";
        await InviteAsync("Wrong Spelling", email, "FocalPoint");
        var link = Mailbox.LinkIn(Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, email)), "/Account/Invitation?token=");

        await browser.OpenAsync("/People/LAO");
        await browser.OpenAsync(LinkIn(RowElement(email), "/Cancel"));
        Assert.StartsWith("Are you sure you want to cancel the invitation of Wrong Spelling", browser.Find("h1"), StringComparison.Ordinal);
        await browser.SubmitAsync("main form button.danger");
        Assert.Equal("The invitation of Wrong Spelling is cancelled: its link no longer works.", browser.Find("[role=status]"));
        Assert.DoesNotContain(email, browser.Text, StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        using (var invitee = new Browser(Factory))
        {
            await invitee.OpenAsync(link);
            Assert.Equal("This invitation link no longer works", invitee.Find("h1"));
        }

        var cancelled = await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "AccountInvitationCancelled"));
        Assert.Equal((email, $"Test FocalPoint <{focal.Email}>"), (cancelled.Target, cancelled.Actor));

        // The address is free again: the right spelling goes out, and its link works.
        await InviteAsync("Right Spelling", email, "FocalPoint");
        var second = (await Mailbox.DeliverAndReadAsync(Factory, email)).Select(m => Mailbox.LinkIn(m, "/Account/Invitation?token=")).Single(l => l != link);
        using var colleague = new Browser(Factory);
        await SetPasswordAsync(colleague, second);
        Assert.Contains("Right Spelling", colleague.Find("[data-testid=who]"), StringComparison.Ordinal);

        // Once the password is set there is no invitation left to cancel: the page says so, a forged POST changes nothing.
        var id = await IdOfAsync(email);
        await browser.OpenAsync($"/People/LAO/{id}/Cancel");
        Assert.Contains("Right Spelling has already set a password", browser.Find("[data-testid=refusal]"), StringComparison.Ordinal);
        await browser.PostAsync($"/People/LAO/{id}/Cancel", [new("__RequestVerificationToken", browser.Token())]);
        Assert.True(await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == id && u.IsActivated && !u.IsDisabled)));
    }

    [Fact]
    public async Task ResentInvitation_ArrivesAgain_AfterTheFirstLinkExpired()
    {
        var email = $"slow.{Guid.NewGuid():N}@mofa.test";
        await InviteAsync("Slow Reader", email, "Member");
        var first = Mailbox.LinkIn(Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, email)), "/Account/Invitation?token=");

        Factory.Time.Advance(AccountTokens.InvitationLifetime + TimeSpan.FromMinutes(1));
        await browser.SignInAsync(Factory, focal);
        await browser.OpenAsync("/People/LAO");
        Assert.Contains("The link has expired: re-send the invitation.", RowOf(email), StringComparison.Ordinal);
        using (var invitee = new Browser(Factory))
        {
            await invitee.OpenAsync(first);
            Assert.Equal("This invitation link no longer works", invitee.Find("h1"));
        }

        await browser.SubmitAsync($"form[action*='handler=Resend'][action*='{Uri.EscapeDataString(await IdOfAsync(email))}'] button");
        Assert.Equal("A new invitation has been sent to Slow Reader; it is valid for 7 days.", browser.Find("[role=status]"));
        var mails = await Mailbox.DeliverAndReadAsync(Factory, email);
        Assert.Equal(2, mails.Count);
        var second = mails.Select(m => Mailbox.LinkIn(m, "/Account/Invitation?token=")).Single(l => l != first);
        using var colleague = new Browser(Factory);
        await SetPasswordAsync(colleague, second);
        Assert.Contains("Slow Reader", colleague.Find("[data-testid=who]"), StringComparison.Ordinal);
        var details = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "AccountCreated" && a.Target == email).Select(a => a.Detail).ToListAsync());
        Assert.Equal(["Member of Lao People's Democratic Republic; invitation sent", "Member of Lao People's Democratic Republic; invitation sent again"], details.Order());
    }

    [Fact]
    public async Task FocalPoint_DisablesAColleagueFocalPoint_WhoIsSignedOutAndToldByEmail_ThenEnablesThem()
    {
        var colleague = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var other = new Browser(Factory);
        await other.SignInAsync(Factory, colleague);

        await browser.OpenAsync("/People/LAO");
        await browser.OpenAsync(LinkIn(RowElement(colleague.Email), "/Disable"));
        Assert.Equal("Are you sure you want to disable the account of Test FocalPoint?", browser.Find("h1"));
        Assert.Contains("receives an e-mail saying that you disabled the account", browser.Text, StringComparison.Ordinal);
        await browser.SubmitAsync("main form button.danger");
        Assert.Equal("Test FocalPoint can no longer sign in; their sessions have ended.", browser.Find("[role=status]"));
        Assert.Contains("Disabled", RowOf(colleague.Email), StringComparison.Ordinal);

        Assert.Equal("/Entry", Browser.RedirectPath(await other.GetAsync("/")));
        var told = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, colleague.Email), m => m.Subject.Contains("disabled", StringComparison.Ordinal));
        Assert.Contains("Test FocalPoint, focal point of Lao", told.Body, StringComparison.Ordinal);
        var disabled = await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "AccountDisabled"));
        Assert.Equal((colleague.Email, $"Test FocalPoint <{focal.Email}>"), (disabled.Target, disabled.Actor));

        await browser.SubmitAsync($"form[action*='handler=Enable'] button");
        Assert.Equal("Test FocalPoint can sign in again.", browser.Find("[role=status]"));
        await other.SignInAsync(Factory, colleague);
        Assert.Single(await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "AccountEnabled" && a.Actor.Contains(focal.Email)).ToListAsync()));
    }

    [Fact]
    public async Task TheLastFocalPoint_CannotDisableThemselves_NorBecomeAMember_ButMayLeaveOnceAColleagueIsFocalPoint()
    {
        var self = await IdOfAsync(focal.Email);
        await browser.OpenAsync("/People/LAO");
        Assert.Contains("You are the last active focal point of Lao", browser.Find("[data-testid=last-focal-point]"), StringComparison.Ordinal);
        Assert.Empty(RowElement(focal.Email).QuerySelectorAll("a"));

        await browser.OpenAsync($"/People/LAO/{self}/Disable");
        Assert.Equal("You cannot disable your own account yet", browser.Find("h1"));
        Assert.StartsWith("You are the last active focal point of Lao", browser.Find("[data-testid=refusal]"), StringComparison.Ordinal);
        Assert.Empty(browser.Page!.QuerySelectorAll("main button"));

        // A forged POST is refused by the command itself, with the same words.
        await browser.OpenAsync("/People/LAO");
        await browser.PostAsync($"/People/LAO/{self}/Disable", [new("__RequestVerificationToken", browser.Token())]);
        await browser.OpenAsync(browser.LastResponse!.Headers.Location!.OriginalString);
        Assert.StartsWith("You are the last active focal point of Lao", browser.Find("[role=status]"), StringComparison.Ordinal);
        await browser.OpenAsync($"/People/LAO/{self}/Role");
        await browser.SubmitAsync("main form", new Dictionary<string, string> { ["Input.Role"] = "Member" });
        Assert.Contains("You are the last active focal point of Lao", browser.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.True(await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == self && !u.IsDisabled && u.Role == PortalRole.FocalPoint)));

        // A member made focal point: now the first may leave.
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "LAO");
        await browser.OpenAsync("/People/LAO");
        await browser.OpenAsync(LinkIn(RowElement(member.Email), "/Role"));
        await browser.SubmitAsync("main form", new Dictionary<string, string> { ["Input.Role"] = "FocalPoint" });
        Assert.Equal("Test Member is now a focal point; their sessions have ended, so that the new role applies at once.", browser.Find("[role=status]"));
        Assert.Null(browser.Page!.QuerySelector("[data-testid=last-focal-point]"));

        await browser.OpenAsync(LinkIn(RowElement(focal.Email), "/Disable"));
        Assert.Equal("Are you sure you want to disable your own account?", browser.Find("h1"));
        Assert.Equal("/", Browser.RedirectPath(await browser.SubmitAsync("main form button.danger", follow: false)));
        Assert.Equal("/Entry", Browser.RedirectPath(await browser.GetAsync("/")));
        await browser.OpenAsync("/Entry");
        Assert.Equal("Your account is disabled and you have been signed out.", browser.Find("[role=status]"));
        Assert.True(await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == self && u.IsDisabled)));
    }

    [Fact]
    public async Task Coordinator_CancelsAnInvitationFromTheAccountsPage_AndIsToldWhichRequestsAStatesFocalPointsCanAnswer()
    {
        var email = $"pending.{Guid.NewGuid():N}@mofa.test";
        await InviteAsync("Pending Person", email, "Member");
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        using var admin = new Browser(Factory);
        await admin.SignInAsync(Factory, coordinator);

        await admin.OpenAsync("/Admin/Accounts");
        var row = admin.Page!.QuerySelectorAll("[data-testid=accounts] tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));
        await admin.OpenAsync(LinkIn(row, "/Cancel"));
        Assert.Equal("/Admin/Accounts", admin.Page!.QuerySelector("main form a")!.GetAttribute("href"));
        await admin.SubmitAsync("main form button.danger");
        Assert.Equal("/Admin/Accounts", admin.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("The invitation of Pending Person is cancelled: its link no longer works.", admin.Find("[role=status]"));
        Assert.Contains(coordinator.Email, await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "AccountInvitationCancelled").Select(a => a.Actor).SingleAsync()),
            StringComparison.Ordinal);

        // The coordinator approves a State's first focal point; later requests say that the State's own can invite.
        await Factory.WithServicesAsync(async sp =>
        {
            var requests = sp.GetRequiredService<AccessRequests>();
            var ghana = await sp.GetRequiredService<PortalDbContext>().Participants.Where(p => p.Code == "GHA").Select(p => p.Id).SingleAsync();
            await requests.SubmitAsync("New Colleague", "colleague@mofa.test", focal.ParticipantId, "Desk officer", null, "10.1.1.1");
            return await requests.SubmitAsync("First Ghanaian", "first@mofa.gh.test", ghana, "Director", null, "10.1.1.2");
        });
        await admin.OpenAsync("/Admin/Requests");
        var hints = admin.Page!.QuerySelectorAll("[data-testid=request]")
            .ToDictionary(r => r.QuerySelector("h2")!.TextContent, r => r.QuerySelector("[data-testid=has-focal-points]")?.TextContent);
        Assert.Equal("Lao People's Democratic Republic already has an active focal point on the portal, who can invite this person.",
            hints.Single(h => h.Key.Contains("New Colleague", StringComparison.Ordinal)).Value);
        Assert.Null(hints.Single(h => h.Key.Contains("First Ghanaian", StringComparison.Ordinal)).Value);
    }

    private async Task InviteAsync(string name, string email, string role)
    {
        await browser.OpenAsync("/People/LAO/Invite");
        await browser.SubmitAsync("main form", new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Role"] = role });
        Assert.Equal("Invitation sent", browser.Find("[data-testid=confirmation] h1"));
    }

    private static async Task SetPasswordAsync(Browser person, string link)
    {
        await person.OpenAsync(link);
        await person.SubmitAsync("main form", new Dictionary<string, string> { ["Input.Password"] = "cedar valley morning walk", ["Input.Confirm"] = "cedar valley morning walk" });
    }

    private AngleSharp.Dom.IElement RowElement(string email) =>
        browser.Page!.QuerySelectorAll("[data-testid=people] tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));

    private string RowOf(string email) => RowElement(email).TextContent;

    private static string LinkIn(AngleSharp.Dom.IElement row, string suffix) =>
        row.QuerySelector($"a[href$='{suffix}']")?.GetAttribute("href") ?? throw new InvalidOperationException($"No {suffix} link in: {row.TextContent}");

    private Task<string> IdOfAsync(string email) =>
        Factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
