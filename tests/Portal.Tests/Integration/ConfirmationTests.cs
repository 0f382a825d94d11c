using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// A destructive action is asked about on a page of its own, and every POST that changes something answers with a
/// redirect to a page that only reads (Post/Redirect/Get): a reload, or the Back button, never does it twice.
/// </summary>
public sealed class ConfirmationTests : PortalTest
{
    private TestAccount coordinator = null!;
    private TestAccount member = null!;
    private int requestId;
    private int postingId;
    private int attachmentId;

    public override async Task InitializeAsync()
    {
        coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "LAO");
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, lao);
        postingId = await owner.PublishAsync(new PostingSteps.Draft());
        await owner.AttachAsync(postingId, "Budget plan.pdf", SampleFiles.Pdf());
        attachmentId = await Factory.WithDbAsync(db => db.PostingAttachments.Select(a => a.Id).SingleAsync());

        using var visitor = new Browser(Factory);
        await visitor.OpenAsync("/Access/Request");
        var ghana = await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == "GHA").Select(p => p.Id).SingleAsync());
        await visitor.SubmitAsync("form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Kwame Asante",
            ["Input.Email"] = "kwame@mission.test",
            ["Input.ParticipantId"] = ghana.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Position"] = "First Secretary",
        });
        requestId = await Factory.WithDbAsync(db => db.AccessRequests.Select(r => r.Id).SingleAsync());
    }

    private async Task<string> MemberIdAsync() =>
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == member.Email).Select(u => u.Id).SingleAsync());

    private async Task<string[]> ConfirmationPagesAsync() =>
    [
        "/Admin/Codes/States/Change",
        $"/Admin/Accounts/{Uri.EscapeDataString(await MemberIdAsync())}/Disable",
        $"/Admin/Requests/{requestId}/Reject",
        $"/Postings/{postingId}/Attachments/{attachmentId}/Remove",
        $"/Postings/{postingId}/Withdraw",
    ];

    [Fact]
    public async Task ConfirmationPages_AskWithAWarningButtonAndACancelLink_AndOpeningThemChangesNothing()
    {
        using var admin = new Browser(Factory);
        await admin.SignInAsync(Factory, coordinator);
        var before = await SnapshotAsync();
        foreach (var page in await ConfirmationPagesAsync())
        {
            var answer = await admin.GetAsync(page);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"GET {page} answered {(int)answer.StatusCode}");
            Assert.StartsWith("Are you sure you want to", admin.Find("h1"), StringComparison.Ordinal);
            Assert.Contains("What happens:", admin.Text, StringComparison.Ordinal);
            Assert.NotNull(admin.Page!.QuerySelector(".warning-text"));
            Assert.NotNull(admin.Page.QuerySelector("form[method=post] button.danger[type=submit]"));
            Assert.Equal("Cancel", admin.Page.QuerySelector("form[method=post] .actions a, form.actions a")?.TextContent.Trim());
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task EveryConfirmedAction_RedirectsToAPageThatOnlyReads_SoReloadingItChangesNothing()
    {
        using var admin = new Browser(Factory);
        await admin.SignInAsync(Factory, coordinator);
        var expected = new Dictionary<string, string>
        {
            ["/Admin/Codes/States/Change"] = "/Admin/Codes",
            [$"/Admin/Accounts/{Uri.EscapeDataString(await MemberIdAsync())}/Disable"] = "/Admin/Accounts",
            [$"/Admin/Requests/{requestId}/Reject"] = "/Admin/Requests",
            [$"/Postings/{postingId}/Attachments/{attachmentId}/Remove"] = $"/Postings/{postingId}/Attachments",
            [$"/Postings/{postingId}/Withdraw"] = $"/Postings/{postingId}",
        };
        string[] actions = ["EntryCodeRotated", "AccountDisabled", "AccessRequestRejected", "AttachmentRemoved", "PostingWithdrawn"];
        var audited = await AuditCountsAsync(actions);
        foreach (var (page, target) in expected)
        {
            await admin.OpenAsync(page);
            var fields = page.EndsWith("/Reject", StringComparison.Ordinal)
                ? new Dictionary<string, string> { ["Input.Reason"] = "We could not confirm the accreditation." }
                : null;
            var before = await SnapshotAsync();
            var answer = await admin.SubmitAsync("form button.danger", fields, follow: false);
            Assert.True(Browser.IsRedirect(answer), $"POST {page} answered {(int)answer.StatusCode}");
            Assert.Equal(target, Browser.RedirectPath(answer));
            var done = await SnapshotAsync();
            Assert.NotEqual(before, done);

            // The browser's reload after a redirect is a GET of that page: it only reads.
            for (var reload = 0; reload < 2; reload++)
            {
                Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(answer.Headers.Location!.OriginalString)).StatusCode);
            }

            Assert.Equal(done, await SnapshotAsync());
        }

        // Each done once.
        Assert.Equal(audited.Select(n => n + 1), await AuditCountsAsync(actions));
    }

    [Fact]
    public async Task RejectingWithoutAReason_KeepsTheQuestionWithAnError_AndRejectsNothing()
    {
        using var admin = new Browser(Factory);
        await admin.SignInAsync(Factory, coordinator);
        await admin.OpenAsync($"/Admin/Requests/{requestId}/Reject");
        var before = await SnapshotAsync();
        var answer = await admin.SubmitAsync("form button.danger", new Dictionary<string, string> { ["Input.Reason"] = "  " }, follow: false);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("Give a reason", admin.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task AskingForAResetLink_Redirects_SoAReloadSendsNoSecondMail()
    {
        using var visitor = new Browser(Factory);
        await visitor.OpenAsync("/Account/ForgotPassword");
        var answer = await visitor.SubmitAsync("form", new Dictionary<string, string> { ["Input.Email"] = member.Email }, follow: false);
        Assert.Equal("/Account/ForgotPassword", Browser.RedirectPath(answer));
        await visitor.OpenAsync(answer.Headers.Location!.OriginalString);
        Assert.Contains("If an active account uses that address", visitor.Text, StringComparison.Ordinal);

        // A reload reads the page again: no second e-mail, and the form is back for a new address.
        await visitor.OpenAsync(answer.Headers.Location!.OriginalString);
        Assert.NotNull(visitor.Page!.QuerySelector("form input[name='Input.Email']"));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Outbox.CountAsync(m => m.To == member.Email)));
    }

    private Task<int[]> AuditCountsAsync(string[] actions) => Factory.WithDbAsync(async db =>
    {
        var counts = new List<int>();
        foreach (var action in actions)
        {
            counts.Add(await db.AuditEntries.CountAsync(a => a.Action == action));
        }

        return counts.ToArray();
    });

    /// <summary>Everything the confirmed actions change, and the audit log.</summary>
    private Task<string> SnapshotAsync() => Factory.WithDbAsync(async db =>
    {
        var codes = await db.EntryCodes.AsNoTracking().OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.RetiredAt != null}").ToListAsync();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => $"{u.Id}:{u.IsDisabled}").ToListAsync();
        var requests = await db.AccessRequests.AsNoTracking().OrderBy(r => r.Id).Select(r => $"{r.Id}:{r.Status}").ToListAsync();
        var postings = await db.Postings.AsNoTracking().OrderBy(p => p.Id).Select(p => $"{p.Id}:{p.Status}").ToListAsync();
        var files = await db.PostingAttachments.CountAsync();
        var audit = await db.AuditEntries.CountAsync();
        var mail = await db.Outbox.CountAsync();
        return string.Join("|", string.Join(";", codes), string.Join(";", users), string.Join(";", requests), string.Join(";", postings), files, audit, mail);
    });
}
