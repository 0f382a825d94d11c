using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// A State without a focal point account cannot submit what the editors entered on its behalf: an editor submits it
/// when the State asks by e-mail, through the State's own checks (deadline with its extension, revisions after it,
/// required fields, page limit, consent), and the portal shows who submitted it, from whose e-mail, as recorded. Never
/// for a State that has a focal point account, and never by anyone but the editors.
/// </summary>
public sealed class SubmitOnBehalfTests : PortalTest
{
    private const string SenderName = "Sokha Chea";
    private const string SenderEmail = "s.chea@mfa.example.test";
    private const string ConsentMessage = "Tick the statement that the material is free of copyright restrictions for this publication; without it the contribution cannot be published.";

    // 30 April 2027 ends at 22:00 UTC in Geneva (summer time, UTC+2).
    private static readonly DateOnly Deadline = new(2027, 4, 30);
    private static readonly DateTimeOffset LastSecond = new(2027, 4, 30, 21, 59, 59, TimeSpan.Zero);

    private CatalogueCall call = null!;
    private TestAccount editor = null!;

    public override async Task InitializeAsync()
    {
        Factory.Time.SetUtcNow(new DateTimeOffset(2027, 4, 20, 10, 0, 0, TimeSpan.Zero));
        call = await CatalogueSteps.CreateCallAsync(Factory, new DateOnly(2027, 1, 15), Deadline);
        editor = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "ESP");
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == editor.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsEditor, true)));
    }

    [Fact]
    public async Task SubmitOnBehalf_ForAStateWithoutAccount_SubmitsAsTheEditor_AndEveryPageSaysItAsRecorded()
    {
        var id = await EnteredAsync("KHM");
        using var editing = await SignedInAsync(editor);
        await editing.OpenAsync($"/Catalogue/Contributions/{id}");
        Assert.Contains("submit it on the State's behalf", editing.Find("[data-testid=submit-on-behalf]"), StringComparison.Ordinal);
        await editing.OpenAsync($"/Catalogue/Contributions/{id}/SubmitOnBehalf");
        Assert.Equal(SenderName, Input(editing, "#Input_FromName"));
        Assert.Equal(SenderEmail, Input(editing, "#Input_FromEmail"));
        Assert.Equal("2027-04-20", Input(editing, "#Input_ReceivedOn"));
        Assert.Equal("Closes in 10 days, at the end of 30 April 2027 (Geneva time).", editing.Find("[data-testid=time-left]"));

        await editing.SubmitAsync("main form[method=post]", new Dictionary<string, string> { ["Input.ReceivedOn"] = "2027-04-19", ["Input.Consent"] = "true" });

        Assert.Equal($"/Catalogue/Contributions/{id}", editing.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.StartsWith("“Clearance of cluster munition remnants in Quảng Trị” is submitted on behalf of Cambodia, from the e-mail of Sokha Chea.", editing.Find("[role=status]"), StringComparison.Ordinal);
        const string line = $"Submitted on the State's behalf by Test Member, from the e-mail of {SenderName} ({SenderEmail}) of 19 April 2027.";
        Assert.Equal(line, editing.Find("[data-testid=submitted-on-behalf]"));
        Assert.Null(editing.Page!.QuerySelector("[data-testid=submit-on-behalf]"));
        var saved = await Factory.WithDbAsync(db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == id));
        var editorId = await UserIdAsync(editor);
        Assert.Equal((ContributionStatus.Submitted, editorId, SenderName, SenderEmail, new DateOnly(2027, 4, 19), true),
            (saved.Status, saved.SubmittedBy, saved.SubmittedFromName, saved.SubmittedFromEmail, saved.SubmittedFromOn, saved.Consent));
        var audit = await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "ContributionSubmittedOnBehalf"));
        Assert.Equal(editorId, audit.ActorUserId);
        Assert.Contains($"{SenderName} <{SenderEmail}>", audit.Detail, StringComparison.Ordinal);

        await editing.OpenAsync($"/Catalogue/Calls/{call.Id}");
        Assert.Equal(line, editing.Find("[data-testid=submission-row] [data-testid=submitted-on-behalf]"));
        Assert.Equal(HttpStatusCode.NotFound, (await editing.GetAsync($"/Catalogue/Contributions/{id}/SubmitOnBehalf")).StatusCode);
    }

    [Fact]
    public async Task Accepted_AfterSubmitOnBehalf_TheVersionIsTheStatesTextAsItsSenderSentIt_NotTheEditors()
    {
        // The sender gives the address of another State's focal point account: declared, it grants that account nothing.
        var laos = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var id = await EnteredAsync("KHM");
        using var editing = await SignedInAsync(editor);
        await editing.OpenAsync($"/Catalogue/Contributions/{id}/SubmitOnBehalf");
        await editing.SubmitAsync("main form[method=post]", new Dictionary<string, string>
        {
            ["Input.FromName"] = "Sokha Chea (for Cambodia)",
            ["Input.FromEmail"] = laos.Email,
            ["Input.ReceivedOn"] = "2027-04-19",
            ["Input.Consent"] = "true",
        });

        await editing.OpenAsync($"/Catalogue/Contributions/{id}");
        await editing.SubmitAsync("main form[method=post]", new FormFill { Button = "button[formaction*='handler=Accept']" });

        var version = await Factory.WithDbAsync(db => db.ContributionVersions.AsNoTracking().SingleAsync(v => v.ContributionId == id));
        var editorId = await UserIdAsync(editor);
        Assert.Equal((ContributionVersionKind.Submitted, editorId, "Sokha Chea (for Cambodia)", laos.Email),
            (version.Kind, version.WrittenBy, version.SentFromName, version.SentFromEmail));
        await editing.OpenAsync($"/Catalogue/Contributions/{id}/Versions");
        Assert.Equal($"The State's text, sent by e-mail from Sokha Chea (for Cambodia) ({laos.Email}), entered by Test Member", editing.Find("[data-testid=sent-by-email]"));
        Assert.Contains("the portal cannot verify them", editing.Find("[data-testid=declared]"), StringComparison.Ordinal);
        var accepted = await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "ContributionAccepted"));
        Assert.Equal(editorId, accepted.ActorUserId);
        Assert.Equal($"“Clearance of cluster munition remnants in Quảng Trị”, the State's text as sent by e-mail from Sokha Chea (for Cambodia) <{laos.Email}>, entered by Test Member",
            accepted.Detail);

        using var named = await SignedInAsync(laos);
        Assert.Equal(HttpStatusCode.NotFound, (await named.GetAsync($"/Catalogue/Contributions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await named.GetAsync($"/Catalogue/Contributions/{id}/Versions")).StatusCode);
    }

    [Fact]
    public async Task Decision_ForAStateWithoutAccount_IsEmailedToTheSenderOfItsContribution_RepliesGoingToTheEditor()
    {
        var id = await EnteredAsync("KHM", ContributionStatus.Submitted);
        using var editing = await SignedInAsync(editor);
        await editing.OpenAsync($"/Catalogue/Contributions/{id}");
        var comment = $"Please add the number of people who benefited ({Guid.NewGuid():N}).";
        await editing.SubmitAsync("main form[method=post]", new FormFill
        {
            Values = new Dictionary<string, string> { ["Review.Comment"] = comment },
            Button = "button[formaction*='handler=SendBack']",
        });

        // What a focal point would be told, the sender is: no editor writes it by hand.
        var mail = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, SenderEmail), m => m.Body.Contains(comment, StringComparison.Ordinal));
        Assert.Equal("Revision requested: “Clearance of cluster munition remnants in Quảng Trị”", mail.Subject);
        Assert.Contains($"Dear {SenderName},", mail.Body, StringComparison.Ordinal);
        Assert.Contains("The editors ask Cambodia to revise its contribution", mail.Body, StringComparison.Ordinal);
        Assert.Contains(editor.Email, mail.ReplyTo, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Accepted_WhenTheStateSubmittedItself_TheVersionNamesItsFocalPoint_WithoutASender()
    {
        var cambodia = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "KHM");
        var id = await EnteredAsync("KHM", consent: true);
        using (var focal = await SignedInAsync(cambodia))
        {
            await focal.OpenAsync($"/Catalogue/Contributions/{id}/Edit");
            await focal.SubmitAsync("main form[method=post]", new FormFill { Button = "button[formaction*='handler=Submit']" });
        }

        Assert.Equal(ContributionStatus.Submitted, await StatusAsync(id));
        using var editing = await SignedInAsync(editor);
        await editing.OpenAsync($"/Catalogue/Contributions/{id}");
        await editing.SubmitAsync("main form[method=post]", new FormFill { Button = "button[formaction*='handler=Accept']" });

        var version = await Factory.WithDbAsync(db => db.ContributionVersions.AsNoTracking().SingleAsync(v => v.ContributionId == id));
        Assert.Equal((await UserIdAsync(cambodia), null, null), (version.WrittenBy, version.SentFromName, version.SentFromEmail));
        await editing.OpenAsync($"/Catalogue/Contributions/{id}/Versions");
        Assert.Null(editing.Page!.QuerySelector("[data-testid=sent-by-email]"));
        Assert.Equal("Clearance of cluster munition remnants in Quảng Trị",
            await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "ContributionAccepted").Select(a => a.Detail).SingleAsync()));
    }

    [Fact]
    public async Task SubmitOnBehalf_WithoutTheSendersConsent_IsRefusedWithTheStatesMessage_AndChangesNothing()
    {
        var id = await EnteredAsync("KHM", consent: true);
        using var editing = await SignedInAsync(editor);
        await editing.OpenAsync($"/Catalogue/Contributions/{id}/SubmitOnBehalf");

        await editing.SubmitAsync("main form[method=post]", new Dictionary<string, string> { ["Input.FromName"] = "", ["Input.ReceivedOn"] = "2027-04-21" });
        var errors = Errors(editing);
        Assert.Contains(("#Input_FromName", "Enter the name of the person whose e-mail asks for the submission."), errors);
        Assert.Contains(("#Input_ReceivedOn", "The date of the e-mail cannot be in the future."), errors);

        await editing.SubmitAsync("main form[method=post]", new Dictionary<string, string> { ["Input.FromName"] = SenderName, ["Input.ReceivedOn"] = "2027-04-20" });
        Assert.Equal([("#Input_Consent", ConsentMessage)], Errors(editing));
        var saved = await Factory.WithDbAsync(db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((ContributionStatus.Draft, true, null), (saved.Status, saved.Consent, saved.SubmittedFromName));
        Assert.False(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "ContributionSubmittedOnBehalf")));
    }

    [Fact]
    public async Task SubmitOnBehalf_RequiredFieldsAndPageLimit_AreTheStatesOwnChecks()
    {
        var bare = await EnteredAsync("KHM", complete: false);
        using var editing = await SignedInAsync(editor);
        await editing.OpenAsync($"/Catalogue/Contributions/{bare}/SubmitOnBehalf");
        Assert.Contains("Name at least one author: the book prints every chapter's authors.", editing.Find("[data-testid=missing]"), StringComparison.Ordinal);

        await editing.SubmitAsync("main form[method=post]", new Dictionary<string, string> { ["Input.Consent"] = "true" });
        var errors = editing.Find("[data-testid=errors]");
        Assert.Contains("Name at least one author: the book prints every chapter's authors.", errors, StringComparison.Ordinal);
        Assert.Contains("Choose the CCM provisions the project concerns.", errors, StringComparison.Ordinal);

        await Factory.WithDbAsync(db => db.CatalogueCalls.Where(c => c.Id == call.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.PageLimit, 1)));
        var cambodia = await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == "KHM").Select(p => p.Id).SingleAsync());
        var longer = await EnteredAsync("KHM", body: PrintSamples.Body(40, seed: 7), fileHash: new string('b', 64));
        await editing.OpenAsync($"/Catalogue/Contributions/{longer}/SubmitOnBehalf");
        await editing.SubmitAsync("main form[method=post]", new Dictionary<string, string> { ["Input.Consent"] = "true" });

        Assert.Matches("The text and testimonials take [0-9]+ pages when laid out for the book; the limit is 1\\. Shorten them by about [0-9]+ pages?\\.", editing.Find("[data-testid=errors]"));
        Assert.Equal([ContributionStatus.Draft, ContributionStatus.Draft], await Factory.WithDbAsync(db => db.Contributions.Where(c => c.ParticipantId == cambodia).Select(c => c.Status).ToListAsync()));
    }

    [Fact]
    public async Task SubmitOnBehalf_AfterTheDeadline_IsRefusedAsForTheState_UnlessExtended_AndARevisionMayAlwaysGo()
    {
        var draft = await EnteredAsync("KHM");
        var revision = await EnteredAsync("KHM", status: ContributionStatus.RevisionRequested, fileHash: new string('c', 64));
        Factory.Time.SetUtcNow(LastSecond.AddSeconds(1));
        using var editing = await SignedInAsync(editor);

        await SubmitOnBehalfAsync(editing, draft);
        Assert.Contains("The call closed at the end of 30 April 2027 (Geneva time).", editing.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal(ContributionStatus.Draft, await StatusAsync(draft));

        await SubmitOnBehalfAsync(editing, revision);
        Assert.Equal(ContributionStatus.Submitted, await StatusAsync(revision));

        var editorId = await UserIdAsync(editor);
        await Factory.WithDbAsync(async db =>
        {
            var cambodia = await db.Participants.Where(p => p.Code == "KHM").Select(p => p.Id).SingleAsync();
            db.CallExtensions.Add(new CallExtension { CallId = call.Id, ParticipantId = cambodia, Deadline = Deadline.AddDays(7), GrantedBy = editorId, GrantedAt = Factory.Time.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        await editing.OpenAsync($"/Catalogue/Contributions/{draft}/SubmitOnBehalf");
        Assert.Equal("Closes in 6 days, at the end of 7 May 2027 (Geneva time).", editing.Find("[data-testid=time-left]"));
        await SubmitOnBehalfAsync(editing, draft);
        Assert.Equal(ContributionStatus.Submitted, await StatusAsync(draft));
    }

    [Fact]
    public async Task SubmitOnBehalf_IsRefusedForAStateWithAFocalPointAccount_NorOnceTheStateHasOne()
    {
        await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var laos = await EnteredAsync("LAO");
        var cambodia = await EnteredAsync("KHM", fileHash: new string('d', 64));
        using var editing = await SignedInAsync(editor);
        await editing.OpenAsync($"/Catalogue/Contributions/{laos}");
        Assert.Null(editing.Page!.QuerySelector("[data-testid=submit-on-behalf]"));
        Assert.Equal(HttpStatusCode.NotFound, (await editing.GetAsync($"/Catalogue/Contributions/{laos}/SubmitOnBehalf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CraftedSubmitAsync(editing, laos)).StatusCode);

        // Cambodia gets a focal point account: from then on the State submits itself.
        await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "KHM");
        await editing.OpenAsync($"/Catalogue/Contributions/{cambodia}");
        Assert.Null(editing.Page!.QuerySelector("[data-testid=submit-on-behalf]"));
        Assert.Equal(HttpStatusCode.NotFound, (await editing.GetAsync($"/Catalogue/Contributions/{cambodia}/SubmitOnBehalf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CraftedSubmitAsync(editing, cambodia)).StatusCode);

        Assert.Equal([ContributionStatus.Draft, ContributionStatus.Draft], await Factory.WithDbAsync(db => db.Contributions.Select(c => c.Status).ToListAsync()));
        Assert.False(await Factory.WithDbAsync(db => db.Contributions.AnyAsync(c => c.SubmittedFromName != null || c.Consent)));
    }

    [Fact]
    public async Task SubmitOnBehalf_IsRefusedToNonEditors_TheStatesOwnMember_AndOtherStatesFocalPoints()
    {
        var id = await EnteredAsync("KHM", status: ContributionStatus.RevisionRequested);
        foreach (var (role, participant) in new[] { (PortalRole.Member, "KHM"), (PortalRole.FocalPoint, "CHL"), (PortalRole.Observer, "ngo-watch"), (PortalRole.Member, "ESP") })
        {
            using var outsider = await SignedInAsync(await TestAccounts.CreateAsync(Factory, role, participant));
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Catalogue/Contributions/{id}/SubmitOnBehalf")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await CraftedSubmitAsync(outsider, id)).StatusCode);
        }

        Assert.Equal(ContributionStatus.RevisionRequested, await StatusAsync(id));
    }

    [Fact]
    public async Task Editor_CompletesAnIncompleteEmailedDraftForAStateWithoutAccount_ThenSubmitsItOnTheStatesBehalf()
    {
        var id = await EnteredAsync("KHM", complete: false);
        using var editing = await SignedInAsync(editor);
        await editing.OpenAsync($"/Catalogue/Contributions/{id}");
        Assert.NotNull(editing.Page!.QuerySelector($"a[href='/Catalogue/Contributions/{id}/Edit']"));

        await editing.OpenAsync($"/Catalogue/Contributions/{id}/Edit");
        Assert.Null(editing.Page!.QuerySelector("button[formaction*='handler=Submit']"));
        Assert.Contains("submit it on the State's behalf", editing.Find("[data-testid=on-behalf-hint]"), StringComparison.Ordinal);
        var fields = CatalogueSteps.CompleteFields();
        fields.Remove("Input.Consent");
        await editing.SubmitAsync("main form[method=post]", new FormFill { Values = fields, Lists = CatalogueSteps.CompleteLists() });
        Assert.Equal("Your draft is saved.", editing.Find("[role=status]"));
        Assert.Equal(HttpStatusCode.NotFound, (await editing.PostAsync($"/Catalogue/Contributions/{id}/Edit?handler=Submit",
            [new("__RequestVerificationToken", editing.Token())])).StatusCode);
        Assert.Equal(ContributionStatus.Draft, await StatusAsync(id));

        await editing.OpenAsync($"/Catalogue/Contributions/{id}/SubmitOnBehalf");
        await editing.SubmitAsync("main form[method=post]", new Dictionary<string, string> { ["Input.Consent"] = "true" });
        Assert.Equal(ContributionStatus.Submitted, await StatusAsync(id));
    }

    [Fact]
    public async Task Editor_CannotEditTheDraftTheyEnteredForAStateWithAFocalPointAccount()
    {
        await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var id = await EnteredAsync("LAO", complete: false);
        using var editing = await SignedInAsync(editor);

        Assert.Equal(HttpStatusCode.NotFound, (await editing.GetAsync($"/Catalogue/Contributions/{id}/Edit")).StatusCode);
        await editing.OpenAsync($"/Catalogue/Contributions/{id}");
        Assert.Null(editing.Page!.QuerySelector($"a[href='/Catalogue/Contributions/{id}/Edit']"));
        var post = await editing.PostAsync($"/Catalogue/Contributions/{id}/Edit", [new("__RequestVerificationToken", editing.Token()), new("Input.Title", "Changed by the editor")]);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal("Clearance of cluster munition remnants in Quảng Trị", await Factory.WithDbAsync(db => db.Contributions.Where(c => c.Id == id).Select(c => c.Title).SingleAsync()));
    }

    [Fact]
    public async Task SubmitOnBehalf_HostileSenderName_IsInertOnTheContributionAndCallPages()
    {
        var hostile = HostileInput.Corpus[4];
        var id = await EnteredAsync("KHM");
        using var editing = await SignedInAsync(editor);
        await editing.OpenAsync($"/Catalogue/Contributions/{id}/SubmitOnBehalf");

        await editing.SubmitAsync("main form[method=post]", new Dictionary<string, string> { ["Input.FromName"] = hostile, ["Input.Consent"] = "true" });

        HostileInput.AssertInert(editing.Page!.QuerySelector("main")!);
        Assert.Equal($"Submitted on the State's behalf by Test Member, from the e-mail of {hostile} ({SenderEmail}) of 20 April 2027.", editing.Find("[data-testid=submitted-on-behalf]"));
        await editing.OpenAsync($"/Catalogue/Calls/{call.Id}");
        HostileInput.AssertInert(editing.Page!.QuerySelector("main")!);
    }

    /// <summary>A contribution the editor entered for <paramref name="state"/> from a file sent by e-mail, complete enough to submit unless told otherwise.</summary>
    private async Task<int> EnteredAsync(
        string state, ContributionStatus status = ContributionStatus.Draft, bool complete = true, bool consent = false, string? body = null, string? fileHash = null)
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
                Body = body ?? CatalogueSteps.CompleteFields()["Input.Body"],
                Consent = consent,
                Status = status,
                CreatedBy = editorId,
                CreatedAt = now,
                UpdatedAt = now,
                EnteredOnBehalfBy = editorId,
                ReceivedFromName = SenderName,
                ReceivedFromEmail = SenderEmail,
                ImportedFileName = "contribution.docx",
                ImportedFileSha256 = fileHash ?? new string('a', 64),
                ImportedAt = now,
            };
            if (complete)
            {
                contribution.Provisions = CcmProvisions.Article4;
                contribution.Role = CooperationRole.Recipient;
                contribution.Modalities = CooperationModalities.Bilateral;
                contribution.Period = "2009–2012";
                contribution.Authors = [new ContributionAuthor { Position = 0, Name = "Ana Silva" }];
            }

            db.Contributions.Add(contribution);
            await db.SaveChangesAsync();
            return contribution.Id;
        });
    }

    private static async Task SubmitOnBehalfAsync(Browser editing, int id)
    {
        await editing.OpenAsync($"/Catalogue/Contributions/{id}/SubmitOnBehalf");
        await editing.SubmitAsync("main form[method=post]", new Dictionary<string, string> { ["Input.ReceivedOn"] = "2027-04-29", ["Input.Consent"] = "true" });
    }

    /// <summary>A submission posted with the visitor's own valid antiforgery token.</summary>
    private static async Task<HttpResponseMessage> CraftedSubmitAsync(Browser visitor, int id)
    {
        await visitor.OpenAsync("/Catalogue");
        return await visitor.PostAsync($"/Catalogue/Contributions/{id}/SubmitOnBehalf",
            [new("__RequestVerificationToken", visitor.Token()), new("Input.FromName", "Someone"), new("Input.FromEmail", "someone@example.test"),
             new("Input.ReceivedOn", "2027-04-19"), new("Input.Consent", "true")]);
    }

    private static string Input(Browser browser, string selector) =>
        ((AngleSharp.Html.Dom.IHtmlInputElement)browser.Page!.QuerySelector(selector)!).Value;

    private static List<(string? Href, string Text)> Errors(Browser browser) =>
        [.. browser.Page!.QuerySelectorAll("[data-testid=errors] li a").Select(a => (a.GetAttribute("href"), a.TextContent))];

    private Task<ContributionStatus> StatusAsync(int id) =>
        Factory.WithDbAsync(db => db.Contributions.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());

    private Task<string> UserIdAsync(TestAccount account) =>
        Factory.WithDbAsync(db => db.Users.Where(u => u.Email == account.Email).Select(u => u.Id).SingleAsync());

    private async Task<Browser> SignedInAsync(TestAccount account)
    {
        var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
        return browser;
    }
}
