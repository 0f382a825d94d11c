using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// A State without a focal point account (its contribution entered by the editors from a file received by e-mail) is
/// asked through the person who sent it, and an editor records its answer received by e-mail: shown as recorded, and
/// only for such a State, never for one whose focal points answer on the portal.
/// </summary>
public sealed class CopyEditByEmailTests : PortalTest
{
    private const string OldLine = "Teams cleared 1,200 hectares.";
    private const string NewLine = "Teams cleared 1,250 hectares of farmland.";
    private const string SenderName = "Sokha Chea";
    // The SMTP sink keeps every test's mail: an address of this test's own, so that it reads only the mail it sent.
    private string SenderEmail { get; } = $"s.chea.{Guid.NewGuid():N}@mfa.example.test";

    private CatalogueCall call = null!;
    private TestAccount editor = null!;

    public override async Task InitializeAsync()
    {
        var today = DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime);
        call = await CatalogueSteps.CreateCallAsync(Factory, today.AddDays(-1), today.AddDays(40));
        editor = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "ESP");
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == editor.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsEditor, true)));
    }

    [Fact]
    public async Task Propose_ForAStateWithoutAccount_MailsTheSenderTheChangedLines_AndTellsTheEditor()
    {
        var id = await EnteredAndAcceptedAsync("KHM");
        using var editing = await SignedInAsync(editor);
        await editing.OpenAsync($"/Catalogue/Contributions/{id}/CopyEdit");
        Assert.Contains($"Saving e-mails your changes, with the changed lines, to {SenderName} <{SenderEmail}>", editing.Find("[data-testid=no-focal-point]"), StringComparison.Ordinal);

        await ProposeAsync(editing, id);

        Assert.Equal($"Cambodia has no focal point account on the portal, so your changes were e-mailed, with the changed lines, to {SenderName} <{SenderEmail}>, who sent the contribution. They are asked to reply to you by e-mail; when they do, record the State's answer on this page. The book keeps the State's text until then.",
            editing.Find("[role=status]"));
        Assert.Contains("Record the State's answer received by e-mail", editing.Find("[data-testid=record-answer]"), StringComparison.Ordinal);
        var mail = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, SenderEmail));
        Assert.Equal("The editors propose changes to “Clearance of cluster munition remnants in Quảng Trị”", mail.Subject);
        var lines = mail.Body.ReplaceLineEndings("\n").Split('\n');
        Assert.Contains("- " + OldLine, lines);
        Assert.Contains("+ " + NewLine, lines);
        Assert.Contains("- Title: Clearance of cluster munition remnants in Quảng Trị", lines);
        Assert.DoesNotContain(lines, l => l.Contains("Work with the communities", StringComparison.Ordinal));
        Assert.Contains("Spelling, and the area as the final report gives it.", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"Please reply to the editor, Test Member <{editor.Email}>, by e-mail", mail.Body.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Equal("Clearance of cluster munition remnants in Quảng Trị", await TitleAsync(id));
    }

    [Fact]
    public async Task Propose_WithoutAccountOrRecordedSender_SaysTheProposalWaitsAndHowToGetItAnswered()
    {
        var id = await EnteredAndAcceptedAsync("KHM", sender: false);
        using var editing = await SignedInAsync(editor);

        await ProposeAsync(editing, id);

        Assert.StartsWith("Cambodia has no focal point account on the portal and no sender is recorded for this contribution, so nobody was e-mailed your changes: they wait for the State's answer.",
            editing.Find("[role=status]"), StringComparison.Ordinal);
        Assert.Contains("record the State's answer on this page when it comes", editing.Find("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task RecordedSignOff_AppliesTheEdit_AndTheVersionShowsWhoAnsweredAndWhoRecordedIt()
    {
        var id = await EnteredAndAcceptedAsync("KHM");
        using var editing = await SignedInAsync(editor);
        await ProposeAsync(editing, id);
        await editing.OpenAsync($"/Catalogue/Contributions/{id}/RecordAnswer");
        Assert.Equal(SenderName, ((AngleSharp.Html.Dom.IHtmlInputElement)editing.Page!.QuerySelector("#Input_FromName")!).Value);
        Assert.Equal(SenderEmail, ((AngleSharp.Html.Dom.IHtmlInputElement)editing.Page.QuerySelector("#Input_FromEmail")!).Value);
        Assert.Contains(editing.Page.QuerySelectorAll("[data-testid=diff] ins"), e => e.TextContent.EndsWith(NewLine, StringComparison.Ordinal));

        await editing.SubmitAsync("main form[method=post]", new Dictionary<string, string> { ["Input.Answer"] = "SignedOff" });

        Assert.StartsWith("You recorded that Cambodia signed the changes off by e-mail.", editing.Find("[role=status]"), StringComparison.Ordinal);
        Assert.Contains(NewLine, await Factory.WithDbAsync(db => db.Contributions.Where(c => c.Id == id).Select(c => c.Body).SingleAsync()), StringComparison.Ordinal);
        var version = await Factory.WithDbAsync(db => db.ContributionVersions.OrderByDescending(v => v.Number).FirstAsync(v => v.ContributionId == id));
        var editorId = await UserIdAsync(editor);
        Assert.Equal((2, ContributionVersionKind.CopyEdit, editorId, SenderName, SenderEmail),
            (version.Number, version.Kind, version.ApprovedBy, version.SignOffFromName, version.SignOffFromEmail));
        var audit = await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "ContributionCopyEditSignOffRecorded"));
        Assert.Equal(editorId, audit.ActorUserId);
        Assert.Contains($"{SenderName} <{SenderEmail}>", audit.Detail, StringComparison.Ordinal);

        await editing.OpenAsync($"/Catalogue/Contributions/{id}/Versions");
        Assert.Equal($"Signed off by e-mail from {SenderName} ({SenderEmail}), recorded by Test Member", editing.Find("[data-testid=recorded-sign-off]"));
        Assert.Contains($"answered by e-mail from {SenderName} ({SenderEmail}), recorded by Test Member", editing.Find("[data-testid=proposal]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordedSignOff_ByAnotherEditor_IsEmailedToTheEditorWhoProposedTheChanges()
    {
        var id = await EnteredAndAcceptedAsync("KHM");
        using (var proposing = await SignedInAsync(editor))
        {
            await ProposeAsync(proposing, id);
        }

        using var recording = await SignedInAsync(await OtherEditorAsync());
        await RecordAsync(recording, id, new Dictionary<string, string> { ["Input.Answer"] = "SignedOff" });

        var mail = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, editor.Email), m => m.Subject.Contains("by e-mail", StringComparison.Ordinal));
        Assert.Equal("Changes signed off by e-mail: “Clearance of cluster munition remnants in Quảng Trị province”", mail.Subject);
        var body = mail.Body.ReplaceLineEndings(" ");
        Assert.Contains("Dear Test Member,", body, StringComparison.Ordinal);
        Assert.Contains($"Recording Editor, an editor, recorded that Cambodia signed off the changes you proposed", body, StringComparison.Ordinal);
        Assert.Contains($"in an e-mail from {SenderName} <{SenderEmail}> (as recorded; the portal cannot verify who sent it)", body, StringComparison.Ordinal);
        Assert.Contains($"/Catalogue/Contributions/{id}/Versions", body, StringComparison.Ordinal);
        Assert.Equal(1, await AnswerMailsAsync());
    }

    [Fact]
    public async Task RecordedDecline_ByAnotherEditor_IsEmailedToTheProposingEditorWithTheStatesReason()
    {
        var id = await EnteredAndAcceptedAsync("KHM");
        using (var proposing = await SignedInAsync(editor))
        {
            await ProposeAsync(proposing, id);
        }

        using var recording = await SignedInAsync(await OtherEditorAsync());
        const string reason = "Our ministry published 1,200 hectares; please keep the figure.";
        await RecordAsync(recording, id, new Dictionary<string, string>
        {
            ["Input.Answer"] = "Declined",
            ["Input.Reason"] = reason,
            ["Input.FromName"] = "Dara Kim",
            ["Input.FromEmail"] = "d.kim@mfa.example.test",
        });

        var mail = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, editor.Email), m => m.Subject.Contains("by e-mail", StringComparison.Ordinal));
        Assert.Equal("Changes declined by e-mail: “Clearance of cluster munition remnants in Quảng Trị”", mail.Subject);
        var body = mail.Body.ReplaceLineEndings(" ");
        Assert.Contains("Recording Editor, an editor, recorded that Cambodia declined the changes you proposed", body, StringComparison.Ordinal);
        Assert.Contains("in an e-mail from Dara Kim <d.kim@mfa.example.test> (as recorded; the portal cannot verify who sent it)", body, StringComparison.Ordinal);
        Assert.Contains(reason, body, StringComparison.Ordinal);
        Assert.Contains($"/Catalogue/Contributions/{id}/CopyEdit", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordedAnswer_ByTheProposingEditor_OrWhenTheProposerCanNoLongerAct_EmailsNobody()
    {
        var own = await EnteredAndAcceptedAsync("KHM");
        var other = await EnteredAndAcceptedAsync("KHM");
        using (var proposing = await SignedInAsync(editor))
        {
            await ProposeAsync(proposing, own);
            await ProposeAsync(proposing, other);
            await RecordAsync(proposing, own, new Dictionary<string, string> { ["Input.Answer"] = "SignedOff" });
        }

        Assert.Equal(0, await AnswerMailsAsync());

        // The proposer's account is disabled before another editor records the other answer.
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == editor.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
        using var recording = await SignedInAsync(await OtherEditorAsync());
        await RecordAsync(recording, other, new Dictionary<string, string> { ["Input.Answer"] = "SignedOff" });

        Assert.Equal([ContributionEditStatus.SignedOff, ContributionEditStatus.SignedOff], await Factory.WithDbAsync(db => db.ContributionEdits.Select(e => e.Status).ToListAsync()));
        Assert.Equal(0, await AnswerMailsAsync());
    }

    [Fact]
    public async Task RecordedDecline_NeedsAReasonShownInTheErrorSummary_AndKeepsTheText()
    {
        var id = await EnteredAndAcceptedAsync("KHM");
        using var editing = await SignedInAsync(editor);
        await ProposeAsync(editing, id);
        await editing.OpenAsync($"/Catalogue/Contributions/{id}/RecordAnswer");

        await editing.SubmitAsync("main form[method=post]", new Dictionary<string, string> { ["Input.FromName"] = "", ["Input.FromEmail"] = "not an address" });
        var errors = editing.Page!.QuerySelectorAll("[data-testid=errors] li a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Contains(("#Input_Answer", "Choose the State's answer: it signs the changes off or declines them."), errors);
        Assert.Contains(("#Input_FromName", "Enter the name of the person who answered for the State."), errors);
        Assert.Contains(("#Input_FromEmail", "Enter an e-mail address like name@ministry.gov."), errors);

        await editing.SubmitAsync("main form[method=post]", new Dictionary<string, string> { ["Input.Answer"] = "Declined", ["Input.FromName"] = "Dara Kim", ["Input.FromEmail"] = "d.kim@mfa.example.test" });
        Assert.Contains("Give the State's reason for declining the changes", editing.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal(ContributionEditStatus.Proposed, await Factory.WithDbAsync(db => db.ContributionEdits.Select(e => e.Status).SingleAsync()));

        const string reason = "Our ministry published 1,200 hectares; please keep the figure.";
        await editing.SubmitAsync("main form[method=post]", new Dictionary<string, string> { ["Input.Reason"] = reason });

        Assert.StartsWith("You recorded that Cambodia declined the changes by e-mail.", editing.Find("[role=status]"), StringComparison.Ordinal);
        var edit = await Factory.WithDbAsync(db => db.ContributionEdits.SingleAsync());
        Assert.Equal((ContributionEditStatus.Declined, reason, "Dara Kim", "d.kim@mfa.example.test"), (edit.Status, edit.DeclineReason, edit.AnswerFromName, edit.AnswerFromEmail));
        Assert.DoesNotContain(NewLine, await Factory.WithDbAsync(db => db.Contributions.Where(c => c.Id == id).Select(c => c.Body).SingleAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.ContributionVersions.CountAsync()));
    }

    [Fact]
    public async Task Editor_CannotRecordForAStateWithAFocalPointAccount_NorOnceTheStateHasOne()
    {
        var laos = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var own = (await CatalogueSteps.CreateContributionAsync(Factory, call, laos, ContributionStatus.Accepted)).Id;
        var entered = await EnteredAndAcceptedAsync("KHM");
        using var editing = await SignedInAsync(editor);
        await ProposeAsync(editing, own);
        await ProposeAsync(editing, entered);
        Assert.NotNull(editing.Page!.QuerySelector("[data-testid=record-answer]"));
        await editing.OpenAsync($"/Catalogue/Contributions/{own}");
        Assert.Null(editing.Page!.QuerySelector("[data-testid=record-answer]"));

        Assert.Equal(HttpStatusCode.NotFound, (await editing.GetAsync($"/Catalogue/Contributions/{own}/RecordAnswer")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CraftedAnswerAsync(editing, own)).StatusCode);

        // Cambodia gets a focal point account: from then on the State answers itself.
        await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "KHM");
        Assert.Equal(HttpStatusCode.NotFound, (await editing.GetAsync($"/Catalogue/Contributions/{entered}/RecordAnswer")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CraftedAnswerAsync(editing, entered)).StatusCode);

        Assert.Equal([ContributionEditStatus.Proposed, ContributionEditStatus.Proposed], await Factory.WithDbAsync(db => db.ContributionEdits.Select(e => e.Status).ToListAsync()));
        Assert.Equal(2, await Factory.WithDbAsync(db => db.ContributionVersions.CountAsync()));
    }

    [Fact]
    public async Task FocalPointOfAnotherState_ObserverAndMember_CannotRecordAnAnswer()
    {
        var id = await EnteredAndAcceptedAsync("KHM");
        using var editing = await SignedInAsync(editor);
        await ProposeAsync(editing, id);

        foreach (var role in new[] { (PortalRole.FocalPoint, "CHL"), (PortalRole.Observer, "ngo-watch"), (PortalRole.Member, "ESP") })
        {
            using var outsider = await SignedInAsync(await TestAccounts.CreateAsync(Factory, role.Item1, role.Item2));
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Catalogue/Contributions/{id}/RecordAnswer")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await CraftedAnswerAsync(outsider, id)).StatusCode);
        }

        Assert.Equal(ContributionEditStatus.Proposed, await Factory.WithDbAsync(db => db.ContributionEdits.Select(e => e.Status).SingleAsync()));
        Assert.DoesNotContain(NewLine, await Factory.WithDbAsync(db => db.Contributions.Where(c => c.Id == id).Select(c => c.Body).SingleAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileSenderName_IsInertOnTheRecordAndVersionsPages()
    {
        var hostile = HostileInput.Corpus[4];
        var id = await EnteredAndAcceptedAsync("KHM", name: hostile);
        using var editing = await SignedInAsync(editor);
        await ProposeAsync(editing, id);
        HostileInput.AssertInert(editing.Page!.QuerySelector("main")!);
        await editing.OpenAsync($"/Catalogue/Contributions/{id}/RecordAnswer");
        HostileInput.AssertInert(editing.Page!.QuerySelector("main")!);

        await editing.SubmitAsync("main form[method=post]", new Dictionary<string, string> { ["Input.Answer"] = "SignedOff" });
        await editing.OpenAsync($"/Catalogue/Contributions/{id}/Versions");

        HostileInput.AssertInert(editing.Page!.QuerySelector("main")!);
        Assert.Equal($"Signed off by e-mail from {hostile} ({SenderEmail}), recorded by Test Member", editing.Find("[data-testid=recorded-sign-off]"));
    }

    /// <summary>An accepted contribution of a State with no account, entered by the editor from a file sent by e-mail.</summary>
    private async Task<int> EnteredAndAcceptedAsync(string state, bool sender = true, string name = SenderName)
    {
        var editorId = await UserIdAsync(editor);
        return await Factory.WithDbAsync(async db =>
        {
            var now = Factory.Time.GetUtcNow();
            var contribution = new Contribution
            {
                CallId = call.Id,
                ParticipantId = await db.Participants.Where(p => p.Code == state).Select(p => p.Id).SingleAsync(),
                Title = "Clearance of cluster munition remnants in Quảng Trị",
                Provisions = CcmProvisions.Article4,
                Role = CooperationRole.Recipient,
                Period = "2009–2012",
                Body = CatalogueSteps.CompleteFields()["Input.Body"],
                Consent = true,
                Status = ContributionStatus.Accepted,
                ChapterGroup = "Article 4",
                CreatedBy = editorId,
                CreatedAt = now,
                UpdatedAt = now,
                SubmittedAt = now,
                EnteredOnBehalfBy = editorId,
                ReceivedFromName = sender ? name : null,
                ReceivedFromEmail = sender ? SenderEmail : null,
                ImportedFileName = "contribution.docx",
                ImportedFileSha256 = new string('a', 64),
                ImportedAt = now,
                Authors = [new ContributionAuthor { Position = 0, Name = "Ana Silva" }],
            };
            db.Contributions.Add(contribution);
            await db.SaveChangesAsync();
            return contribution.Id;
        });
    }

    private static async Task ProposeAsync(Browser editing, int id)
    {
        await editing.OpenAsync($"/Catalogue/Contributions/{id}/CopyEdit");
        var body = editing.Page!.QuerySelector("#Input_Body")!.TextContent;
        await editing.SubmitAsync("main form[method=post]", new Dictionary<string, string>
        {
            ["Input.Title"] = "Clearance of cluster munition remnants in Quảng Trị province",
            ["Input.Body"] = body.Replace(OldLine, NewLine, StringComparison.Ordinal),
            ["Input.Note"] = "Spelling, and the area as the final report gives it.",
        });
        Assert.Equal($"/Catalogue/Contributions/{id}", editing.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath);
    }

    /// <summary>A sign-off posted with the visitor's own valid antiforgery token, for the proposal waiting on the contribution.</summary>
    private async Task<HttpResponseMessage> CraftedAnswerAsync(Browser visitor, int id)
    {
        var editId = await Factory.WithDbAsync(db => db.ContributionEdits.Where(e => e.ContributionId == id).Select(e => e.Id).SingleAsync());
        await visitor.OpenAsync("/Catalogue");
        return await visitor.PostAsync($"/Catalogue/Contributions/{id}/RecordAnswer",
            [new("__RequestVerificationToken", visitor.Token()), new("Input.EditId", CatalogueSteps.Id(editId)), new("Input.Answer", "SignedOff"),
             new("Input.FromName", "Someone"), new("Input.FromEmail", "someone@example.test")]);
    }

    /// <summary>Another editor, named so that the e-mails can tell the two apart.</summary>
    private async Task<TestAccount> OtherEditorAsync()
    {
        var other = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "NOR");
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == other.Email)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.IsEditor, true).SetProperty(u => u.FullName, "Recording Editor")));
        return other;
    }

    private static async Task RecordAsync(Browser editing, int id, Dictionary<string, string> answer)
    {
        await editing.OpenAsync($"/Catalogue/Contributions/{id}/RecordAnswer");
        await editing.SubmitAsync("main form[method=post]", answer);
        Assert.Equal($"/Catalogue/Contributions/{id}", editing.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private Task<int> AnswerMailsAsync() => Factory.WithDbAsync(db => db.Outbox.CountAsync(m => m.Kind == "catalogue-copy-edit-answered"));

    private Task<string> TitleAsync(int id) => Factory.WithDbAsync(db => db.Contributions.Where(c => c.Id == id).Select(c => c.Title).SingleAsync());

    private Task<string> UserIdAsync(TestAccount account) =>
        Factory.WithDbAsync(db => db.Users.Where(u => u.Email == account.Email).Select(u => u.Id).SingleAsync());

    private async Task<Browser> SignedInAsync(TestAccount account)
    {
        var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
        return browser;
    }
}
