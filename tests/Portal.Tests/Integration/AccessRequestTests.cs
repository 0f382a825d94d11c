using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.EntryCodes;
using Portal.Infrastructure.Email;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>The request → decision → e-mail path, through the real forms and the real SMTP sink.</summary>
public sealed class AccessRequestTests : PortalTest
{
    private TestAccount coordinator = null!;

    public override async Task InitializeAsync() =>
        coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);

    /// <summary>The coordinator, signed in, looking at the queue of access requests.</summary>
    private async Task<Browser> OpenQueueAsync()
    {
        var admin = new Browser(Factory);
        await admin.SignInAsync(Factory, coordinator);
        await admin.OpenAsync("/Admin/Requests");
        return admin;
    }

    private Task<string> RequestAccessAsync(string participantCode, string email) =>
        AccessSteps.RequestAccessAsync(Factory, participantCode, email);

    [Fact]
    public async Task NewRequest_ReachesEveryActiveCoordinatorByEmail_AndWaitsOnTheirHomePage()
    {
        var disabled = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == disabled.Email).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true)));
        await RequestAccessAsync("LBN", $"amina.{Guid.NewGuid():N}@mine-action.test");

        var told = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, coordinator.Email));
        Assert.StartsWith("A request for access is waiting", told.Subject, StringComparison.Ordinal);
        Assert.Contains("As typed by the person (not verified): Amina Diallo, Head of mine action", told.Body, StringComparison.Ordinal);
        Assert.Contains("for Lebanon", told.Body, StringComparison.Ordinal);
        Assert.Contains("http://portal.test/Admin/Requests", told.Body, StringComparison.Ordinal);
        Assert.Empty(await Mailbox.DeliverAndReadAsync(Factory, disabled.Email));

        using var admin = new Browser(Factory);
        await admin.SignInAsync(Factory, coordinator);
        await admin.OpenAsync("/");
        Assert.Equal("1 access request is waiting for your decision.", admin.Find("[data-testid=pending-requests]"));
        await admin.OpenAsync("/Admin/Requests");
        await admin.SubmitAsync("form[action*='handler=Invite'] button", new Dictionary<string, string> { ["Input.Role"] = "Member" });
        await admin.OpenAsync("/");
        Assert.Null(admin.Find("[data-testid=pending-requests]"));
    }

    [Fact]
    public async Task ARequestStillWaitingAfterThreeDays_IsEmailedAgain_OnceOnly_ToCoordinatorsToldAtOnce()
    {
        var daily = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-daily", twoFactor: true);
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == daily.Email)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Notices, NoticeTiming.DailySummary)));
        var old = await RequestAccessAsync("LBN", $"old.{Guid.NewGuid():N}@example.test");
        Factory.Time.Advance(TimeSpan.FromDays(2));
        await RequestAccessAsync("IRQ", $"young.{Guid.NewGuid():N}@example.test");
        Task<int> RemindAsync() => Factory.WithServicesAsync(sp => sp.GetRequiredService<Portal.Features.Access.AccessRequests>().RemindCoordinatorsAsync());

        Assert.Equal(0, await RemindAsync());
        Factory.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await RemindAsync());
        Assert.Equal(0, await RemindAsync());

        var reminder = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, coordinator.Email), m => m.Subject.Contains("waited 3 days", StringComparison.Ordinal));
        Assert.StartsWith("A request for access has waited 3 days (#", reminder.Subject, StringComparison.Ordinal);
        Assert.Contains(old, reminder.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("young.", reminder.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(await Mailbox.DeliverAndReadAsync(Factory, daily.Email), m => m.Subject.Contains("waited", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RequestForm_WithMissingFields_ExplainsEachProblem()
    {
        using var visitor = new Browser(Factory);
        await visitor.OpenAsync("/Access/Request");
        await visitor.SubmitAsync("form", new Dictionary<string, string> { ["Input.Email"] = "not-an-address" });
        var errors = visitor.Find("[data-testid=errors]") ?? "";
        Assert.Contains("Enter your full name.", errors, StringComparison.Ordinal);
        Assert.Contains("Enter an e-mail address like name@ministry.gov.", errors, StringComparison.Ordinal);
        Assert.Contains("Choose the State or organisation you work for.", errors, StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.AccessRequests.CountAsync()));

        // The summary follows the form's order and links to each field; each field says it is invalid and why.
        var links = visitor.Page!.QuerySelectorAll("[data-testid=errors] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#Input_Name", "#Input_Email", "#Input_ParticipantId", "#Input_Position"], links);
        var name = visitor.Page.QuerySelector("#Input_Name")!;
        Assert.Equal("true", name.GetAttribute("aria-invalid"));
        Assert.Equal("Error: Enter your full name.", visitor.Find("#" + name.GetAttribute("aria-describedby")));
        Assert.Null(visitor.Page.QuerySelector("#Input_Note")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Approve_AsFocalPoint_SendsInvitationThatSetsPasswordOnceAndSignsIn()
    {
        var email = await RequestAccessAsync("LBN", $"amina.{Guid.NewGuid():N}@mine-action.test");
        var confirmation = await Mailbox.DeliverAndReadAsync(Factory, email);
        Assert.Contains(confirmation, m => m.Subject.Contains("We received your request", StringComparison.Ordinal));

        using var admin = await OpenQueueAsync();
        Assert.Contains("Amina Diallo", admin.Text, StringComparison.Ordinal);
        await admin.SubmitAsync("form[action*='handler=Invite'] button", new Dictionary<string, string> { ["Input.Role"] = "FocalPoint" });
        Assert.Contains("Invitation sent", admin.Text, StringComparison.Ordinal);

        var invitation = (await Mailbox.DeliverAndReadAsync(Factory, email)).Single(m => m.Subject.Contains("invitation", StringComparison.OrdinalIgnoreCase));
        var link = Mailbox.LinkIn(invitation, "/Account/Invitation?token=");

        using var person = new Browser(Factory);
        await person.OpenAsync(link);
        Assert.Contains("Lebanon", person.Text, StringComparison.Ordinal);
        await person.SubmitAsync("form", new Dictionary<string, string> { ["Input.Password"] = "cedar valley morning walk", ["Input.Confirm"] = "cedar valley morning walk" });
        // Signed in at once, without typing the new password again.
        Assert.Equal("/", person.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Your password is set and you are signed in.", person.Find("[role=status]"), StringComparison.Ordinal);
        Assert.Contains("Focal point", person.Find("[data-testid=who]"), StringComparison.Ordinal);
        Assert.Contains("Lebanon", person.Find("[data-testid=who]"), StringComparison.Ordinal);
        using var later = new Browser(Factory);
        await later.SignInAsync(Factory, new TestAccount(email, "cedar valley morning walk", null, 0, "Lebanon"));

        // The link works once.
        using var again = new Browser(Factory);
        await again.OpenAsync(link);
        Assert.Contains("no longer works", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitation_ExpiresAfterSevenDays()
    {
        var email = await RequestAccessAsync("LAO", $"late.{Guid.NewGuid():N}@example.test");
        using var admin = await OpenQueueAsync();
        await admin.SubmitAsync("form[action*='handler=Invite'] button", new Dictionary<string, string> { ["Input.Role"] = "Member" });
        var invitation = (await Mailbox.DeliverAndReadAsync(Factory, email)).Single(m => m.Subject.Contains("invitation", StringComparison.OrdinalIgnoreCase));

        var link = Mailbox.LinkIn(invitation, "/Account/Invitation?token=");
        using var person = new Browser(Factory);
        Factory.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        await person.OpenAsync(link);
        Assert.Contains("Create your password", person.Text, StringComparison.Ordinal);

        Factory.Time.Advance(TimeSpan.FromMinutes(2));
        await person.OpenAsync(link);
        Assert.Contains("no longer works", person.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_WithReason_EmailsTheRequesterAndRecordsTheDecision()
    {
        var email = await RequestAccessAsync("LAO", $"unknown.{Guid.NewGuid():N}@example.test");
        using var admin = await OpenQueueAsync();
        await admin.OpenAsync(admin.Page!.QuerySelector("[data-testid=request] a[href$='/Reject']")!.GetAttribute("href")!);
        await admin.SubmitAsync("form button.danger", new Dictionary<string, string> { ["Input.Reason"] = "We could not confirm your accreditation." });
        Assert.Contains("rejected", admin.Text, StringComparison.Ordinal);

        var mail = (await Mailbox.DeliverAndReadAsync(Factory, email)).Single(m => m.Body.Contains("could not approve", StringComparison.Ordinal));
        Assert.Contains("We could not confirm your accreditation.", mail.Body, StringComparison.Ordinal);
        var status = await Factory.WithDbAsync(db => db.AccessRequests.Where(r => r.Email == email).Select(r => r.Status).SingleAsync());
        Assert.Equal(AccessRequestStatus.Rejected, status);
    }

    private Task SendCodeAsync(Browser admin, string email) => AccessSteps.SendCodeAsync(Factory, admin, email);

    [Fact]
    public async Task SendCode_EmailsTheCurrentCodeAsThePortalHoldsIt_WhichOpensThePortal_AndIsNowhereInClear()
    {
        Factory.Logs.Minimum = Microsoft.Extensions.Logging.LogLevel.Trace;
        var email = await RequestAccessAsync("IRQ", $"reader.{Guid.NewGuid():N}@example.test");
        var code = await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.States, "test"));
        using var admin = await OpenQueueAsync();
        await SendCodeAsync(admin, email);
        Assert.Contains("Entry code sent", admin.Find("[role=status]"), StringComparison.Ordinal);

        var mail = (await Mailbox.DeliverAndReadAsync(Factory, email)).Single(m => m.Subject.Contains("entry code", StringComparison.Ordinal));
        Assert.Contains(code, mail.Body, StringComparison.Ordinal);
        using var reader = new Browser(Factory);
        await reader.OpenAsync("/Entry");
        await reader.SubmitAsync("form[method=post]", new Dictionary<string, string>
        {
            ["Input.Name"] = "Amina Diallo",
            ["Input.Email"] = email,
            ["Input.ParticipantId"] = (await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == "IRQ").Select(p => p.Id).SingleAsync()))
                .ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Code"] = code,
        });
        Assert.Contains("Iraq", reader.Find("[data-testid=who]"), StringComparison.Ordinal);

        // The person is now a code holder, listed for the coordinator.
        await admin.OpenAsync("/Admin/CodeHolders");
        Assert.Contains(email, Assert.Single(admin.Page!.QuerySelectorAll("[data-testid=holder]")).TextContent, StringComparison.Ordinal);

        // Neither the e-mail kept in the outbox, nor the audit log, nor the codes table, nor what the app logged, nor
        // the pages the coordinator saw hold the code in clear (with or without its dashes).
        var clear = new[] { code, EntryCodeFormat.Normalize(code)! };
        var stored = await Factory.WithDbAsync(async db =>
            (await db.Outbox.Select(m => m.Subject + m.Body).ToListAsync())
            .Concat(await db.AuditEntries.Select(a => a.Action + a.Target + a.Detail + a.Actor).ToListAsync())
            .Concat(await db.EntryCodes.Select(c => c.Hash + c.Sealed).ToListAsync()).ToList());
        foreach (var text in stored.Concat(Factory.Logs.Entries.Select(e => e.ToString())).Append(admin.Text))
        {
            Assert.DoesNotContain(clear, c => text.Contains(c, StringComparison.OrdinalIgnoreCase));
        }

        if (!TestEnvironment.IsPostgres)
        {
            // The SQLite file itself, free pages included.
            await Factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);"));
            var file = await File.ReadAllBytesAsync(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Factory.ConnectionString).DataSource);
            var bytes = System.Text.Encoding.ASCII.GetString(file);
            Assert.DoesNotContain(clear, c => bytes.Contains(c, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ACodeChange_EmailsTheNewCode_ToEveryCurrentHolderOfThatAudienceOnly_NeverToARevokedOne()
    {
        await TestAccounts.CreateAsync(Factory, PortalRole.Observer, "ngo-holders");
        var kept = await RequestAccessAsync("IRQ", $"kept.{Guid.NewGuid():N}@example.test");
        var revoked = await RequestAccessAsync("LAO", $"revoked.{Guid.NewGuid():N}@example.test");
        var observer = await RequestAccessAsync("ngo-holders", $"observer.{Guid.NewGuid():N}@example.test");
        await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.States, "test"));
        await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.Observers, "test"));
        using var admin = await OpenQueueAsync();
        foreach (var email in new[] { kept, revoked, observer })
        {
            await SendCodeAsync(admin, email);
        }

        var before = new Dictionary<string, int>();
        foreach (var email in new[] { kept, revoked, observer })
        {
            before[email] = (await Mailbox.DeliverAndReadAsync(Factory, email)).Count;
        }

        await admin.OpenAsync("/Admin/CodeHolders");
        Assert.Equal(3, admin.Page!.QuerySelectorAll("[data-testid=holder]").Length);
        var holder = await Factory.WithDbAsync(db => db.CodeHolders.Where(h => h.Email == revoked).Select(h => h.Id).SingleAsync());
        await admin.SubmitAsync($"#holder-{holder} form[action*='handler=Revoke'] button");
        Assert.Contains("will not receive the next code for States", admin.Find("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(2, admin.Page!.QuerySelectorAll("[data-testid=holder]").Length);

        // The coordinator changes the States code: the page says who gets it, and the holders get it without anyone typing it.
        await admin.OpenAsync("/Admin/Codes/States/Change");
        Assert.Contains("The portal e-mails the new code to the 1 code holder.", admin.Text, StringComparison.Ordinal);
        await admin.SubmitAsync("form.actions button");
        Assert.Contains("The new code is on its way to the 1 code holder.", admin.Find("[role=status]"), StringComparison.Ordinal);
        var newCode = await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().CurrentCodeAsync(CodeAudience.States));

        var keptMails = await Mailbox.DeliverAndReadAsync(Factory, kept);
        Assert.Equal(before[kept] + 1, keptMails.Count);
        var latest = Assert.Single(keptMails, m => m.Subject == "New entry code for the CCM Cooperation Portal (States)");
        Assert.Contains(newCode!, latest.Body, StringComparison.Ordinal);
        Assert.Equal(before[revoked], (await Mailbox.DeliverAndReadAsync(Factory, revoked)).Count);
        Assert.Equal(before[observer], (await Mailbox.DeliverAndReadAsync(Factory, observer)).Count);
    }

    [Fact]
    public async Task ACodeEmail_NotYetSent_IsCancelledAndErased_WhenTheCodeChanges_AndTheHolderGetsTheNewOne()
    {
        var email = await RequestAccessAsync("IRQ", $"slow.{Guid.NewGuid():N}@example.test");
        await Mailbox.DeliverAndReadAsync(Factory, email); // the confirmation goes; the code e-mail below waits
        var code = await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.States, "test"));
        using var admin = await OpenQueueAsync();
        await SendCodeAsync(admin, email);

        var next = await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.States, "test"));
        var delivered = await Mailbox.DeliverAndReadAsync(Factory, email);
        var only = Assert.Single(delivered, m => m.Subject.Contains("entry code", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(next, only.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(code, only.Body, StringComparison.Ordinal);
        var cancelled = await Factory.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.To == email && m.CancelledAt != null));
        Assert.Equal(Outbox.ErasedBody, cancelled.Body);
    }

    [Fact]
    public async Task ACodeIssuedBeforeThePortalKeptCodes_IsNotSent_AndTheCoordinatorIsToldToChangeIt()
    {
        var email = await RequestAccessAsync("IRQ", $"early.{Guid.NewGuid():N}@example.test");
        await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.States, "test"));
        await Factory.WithDbAsync(db => db.EntryCodes.ExecuteUpdateAsync(u => u.SetProperty(c => c.Sealed, (string?)null)));
        using var admin = await OpenQueueAsync();
        await SendCodeAsync(admin, email);
        Assert.Contains("does not hold the current entry code for States", admin.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal(AccessRequestStatus.Pending, await Factory.WithDbAsync(db => db.AccessRequests.Where(r => r.Email == email).Select(r => r.Status).SingleAsync()));
    }
}
