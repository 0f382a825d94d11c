using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.EntryCodes;
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

    private async Task<string> RequestAccessAsync(string participantCode, string email)
    {
        using var visitor = new Browser(Factory);
        await visitor.OpenAsync("/Access/Request");
        var participantId = await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == participantCode).Select(p => p.Id).SingleAsync());
        await visitor.SubmitAsync("form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Amina Diallo",
            ["Input.Email"] = email,
            ["Input.ParticipantId"] = participantId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Position"] = "Head of mine action",
            ["Input.Note"] = "Accredited by the Permanent Mission.",
        });
        Assert.Contains("your request has been sent", visitor.Text, StringComparison.OrdinalIgnoreCase);
        return email;
    }

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

    [Fact]
    public async Task SendCode_WithTheCurrentCode_EmailsIt_AndAWrongCodeIsRefused()
    {
        var email = await RequestAccessAsync("IRQ", $"reader.{Guid.NewGuid():N}@example.test");
        var code = await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>()
            .RotateAsync(CodeAudience.States, "test", keepForReveal: false));
        using var admin = await OpenQueueAsync();
        await admin.SubmitAsync("form[action*='handler=SendCode'] button", new Dictionary<string, string> { ["Input.Code"] = "AAAA-BBBB-CCCC-DDDD" });
        Assert.Contains("not the current entry code", admin.Text, StringComparison.Ordinal);

        await admin.SubmitAsync("form[action*='handler=SendCode'] button", new Dictionary<string, string> { ["Input.Code"] = code.ToLowerInvariant() });
        Assert.Contains("Entry code sent", admin.Text, StringComparison.Ordinal);
        var mail = (await Mailbox.DeliverAndReadAsync(Factory, email)).Single(m => m.Subject.Contains("entry code", StringComparison.Ordinal));
        Assert.Contains(code, mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodeEmail_NotYetSent_IsCancelledAndErased_WhenTheCodeChanges()
    {
        var email = await RequestAccessAsync("IRQ", $"slow.{Guid.NewGuid():N}@example.test");
        await Mailbox.DeliverAndReadAsync(Factory, email); // the confirmation goes; the code e-mail below waits
        var code = await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.States, "test"));
        using var admin = await OpenQueueAsync();
        await admin.SubmitAsync("form[action*='handler=SendCode'] button", new Dictionary<string, string> { ["Input.Code"] = code });

        await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.States, "test"));
        var delivered = await Mailbox.DeliverAndReadAsync(Factory, email);
        Assert.DoesNotContain(delivered, m => m.Subject.Contains("entry code", StringComparison.Ordinal));
        var kept = await Factory.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.To == email && m.Subject.Contains("entry code")));
        Assert.NotNull(kept.CancelledAt);
        Assert.DoesNotContain(code, kept.Body, StringComparison.Ordinal);
    }
}
