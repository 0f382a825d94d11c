using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Catalogue;
using Portal.Features.Catalogue.Book;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// "Edited and published": editors copy-edit an accepted contribution, its State signs the changes off or declines
/// them, every text the book used is kept as a version, and the book never carries what the State has not signed off.
/// </summary>
public sealed class CopyEditTests : PortalTest
{
    private const string OldLine = "Teams cleared 1,200 hectares.";
    private const string NewLine = "Teams cleared 1,250 hectares of farmland.";
    private const string NewTitle = "Clearance of cluster munition remnants in Quảng Trị province";
    private const string NewQuote = "Our children walk to school across the fields again.";

    private CatalogueCall call = null!;
    private TestAccount laos = null!;
    private TestAccount editor = null!;

    public override async Task InitializeAsync()
    {
        var today = DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime);
        call = await CatalogueSteps.CreateCallAsync(Factory, today.AddDays(-1), today.AddDays(40));
        laos = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        editor = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "ESP");
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == editor.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsEditor, true)));
    }

    [Fact]
    public async Task EditorProposes_FocalPointIsMailed_SeesTheChangedLines_AndSignOffMakesVersion2()
    {
        var id = (await CatalogueSteps.CreateContributionAsync(Factory, call, laos, ContributionStatus.Submitted)).Id;
        using var editing = await SignedInAsync(editor);
        await editing.OpenAsync($"/Catalogue/Contributions/{id}");
        await editing.SubmitAsync("main form[method=post]", new FormFill { Button = "button[formaction*='handler=Accept']" });
        var first = await VersionsAsync(id);
        Assert.Equal((1, ContributionVersionKind.Submitted), (first.Single().Number, first.Single().Kind));

        await ProposeAsync(editing, id);

        Assert.Contains("Your changes are proposed to Lao People's Democratic Republic", editing.Find("[role=status]"), StringComparison.Ordinal);
        Assert.Contains("Waiting for the State's sign-off", editing.Find("[data-testid=pending-sign-off]"), StringComparison.Ordinal);
        var unchanged = await ContributionAsync(id);
        Assert.Equal(("Clearance of cluster munition remnants in Quảng Trị", true), (unchanged.Title, unchanged.Body.Contains(OldLine, StringComparison.Ordinal)));

        var mail = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, laos.Email), m => m.Subject.StartsWith("The editors propose changes", StringComparison.Ordinal));
        Assert.Equal("The editors propose changes to “Clearance of cluster munition remnants in Quảng Trị”", mail.Subject);
        Assert.Contains("Spelling, and the area as the final report gives it.", mail.Body, StringComparison.Ordinal);
        using var state = await SignedInAsync(laos);
        await state.OpenAsync($"/Catalogue/Contributions/{id}");
        Assert.Contains("The editors propose changes to your State's text: see them and sign off.", state.Find("[data-testid=sign-off-notice]"), StringComparison.Ordinal);
        await state.OpenAsync(Mailbox.LinkIn(mail, $"/Catalogue/Contributions/{id}/SignOff"));

        var removed = state.Page!.QuerySelectorAll("[data-testid=diff] del").Select(e => e.TextContent).ToList();
        var added = state.Page.QuerySelectorAll("[data-testid=diff] ins").Select(e => e.TextContent).ToList();
        Assert.Contains(removed, l => l.EndsWith(OldLine, StringComparison.Ordinal));
        Assert.Contains(added, l => l.EndsWith(NewLine, StringComparison.Ordinal));
        Assert.Contains(added, l => l.EndsWith("Title: " + NewTitle, StringComparison.Ordinal));
        Assert.Contains(added, l => l.EndsWith(NewQuote, StringComparison.Ordinal));
        var changedLine = state.Page.QuerySelectorAll("[data-testid=diff] ins").Single(e => e.TextContent.EndsWith(NewLine, StringComparison.Ordinal));
        Assert.Equal(["250", " of farmland"], changedLine.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.DoesNotContain(removed.Concat(added), l => l.Contains("Farmland returned to use.", StringComparison.Ordinal));

        await state.SubmitAsync("form[action*='handler=SignOff']");

        Assert.Contains("The changes are signed off", state.Find("[role=status]"), StringComparison.Ordinal);
        var signed = await ContributionAsync(id);
        Assert.Equal((NewTitle, NewQuote), (signed.Title, signed.Testimonials.Single().Quote));
        Assert.Contains(NewLine, signed.Body, StringComparison.Ordinal);
        var versions = await VersionsAsync(id);
        Assert.Equal([(2, ContributionVersionKind.CopyEdit), (1, ContributionVersionKind.Submitted)], versions.Select(v => (v.Number, v.Kind)));
        Assert.Equal(ContributionEditStatus.SignedOff, await Factory.WithDbAsync(db => db.ContributionEdits.Select(e => e.Status).SingleAsync()));
        var answer = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, editor.Email));
        Assert.Equal("Changes signed off: “Clearance of cluster munition remnants in Quảng Trị province”", answer.Subject);

        await state.OpenAsync($"/Catalogue/Contributions/{id}/Versions");
        Assert.Equal(2, state.Page!.QuerySelectorAll("[data-testid=version-row]").Length);
        Assert.Contains(state.Page.QuerySelectorAll("[data-testid=diff] del").Select(e => e.TextContent), l => l.EndsWith(OldLine, StringComparison.Ordinal));
        Assert.Null(state.Page.QuerySelector("[data-testid=sign-off-notice]"));
    }

    [Fact]
    public async Task Book_UsesTheStatesText_UntilTheStateSignsTheCopyEditOff()
    {
        var id = (await CatalogueSteps.CreateContributionAsync(Factory, call, laos, ContributionStatus.Accepted)).Id;
        using var editing = await SignedInAsync(editor);
        await ProposeAsync(editing, id);

        var before = Assert.Single(Assert.Single((await BookAsync()).Parts).Chapters);
        Assert.Equal("Clearance of cluster munition remnants in Quảng Trị", before.Title);
        Assert.Contains(OldLine, before.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(NewLine, before.Body, StringComparison.Ordinal);
        Assert.Equal("Our children walk to school through the fields again.", before.Testimonials.Single().Quote);
        await editing.OpenAsync($"/Catalogue/Calls/{call.Id}/Book");
        Assert.NotNull(editing.Find("[data-testid=waiting-for-sign-off]"));

        using var state = await SignedInAsync(laos);
        await state.OpenAsync($"/Catalogue/Contributions/{id}/SignOff");
        await state.SubmitAsync("form[action*='handler=SignOff']");

        var after = Assert.Single(Assert.Single((await BookAsync()).Parts).Chapters);
        Assert.Equal(NewTitle, after.Title);
        Assert.Contains(NewLine, after.Body, StringComparison.Ordinal);
        Assert.Equal(NewQuote, after.Testimonials.Single().Quote);
        // Accepted before versions were kept, its State's text became version 1 when the first copy-edit was proposed.
        Assert.Equal([2, 1], (await VersionsAsync(id)).Select(v => v.Number));
        await editing.OpenAsync($"/Catalogue/Calls/{call.Id}/Book");
        Assert.Null(editing.Find("[data-testid=waiting-for-sign-off]"));
    }

    [Fact]
    public async Task Decline_NeedsAReason_KeepsTheText_AndTheEditorsSeeTheReason()
    {
        var id = (await CatalogueSteps.CreateContributionAsync(Factory, call, laos, ContributionStatus.Accepted)).Id;
        using var editing = await SignedInAsync(editor);
        await ProposeAsync(editing, id);
        using var state = await SignedInAsync(laos);
        await state.OpenAsync($"/Catalogue/Contributions/{id}/SignOff");

        await state.SubmitAsync("form[action*='handler=Decline']");
        Assert.Contains("Say why your State declines the changes", state.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal(ContributionEditStatus.Proposed, await Factory.WithDbAsync(db => db.ContributionEdits.Select(e => e.Status).SingleAsync()));

        const string reason = "The 1,200 hectares are the figure our ministry published; please keep it.";
        await state.SubmitAsync("form[action*='handler=Decline']", new Dictionary<string, string> { ["Answer.Reason"] = reason });

        Assert.Contains("You declined the changes", state.Find("[role=status]"), StringComparison.Ordinal);
        var kept = await ContributionAsync(id);
        Assert.Equal("Clearance of cluster munition remnants in Quảng Trị", kept.Title);
        Assert.Contains(OldLine, kept.Body, StringComparison.Ordinal);
        Assert.Equal([1], (await VersionsAsync(id)).Select(v => v.Number));
        var mail = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, editor.Email));
        Assert.Contains(reason, mail.Body, StringComparison.Ordinal);
        await editing.OpenAsync($"/Catalogue/Contributions/{id}");
        Assert.Contains(reason, editing.Find("[data-testid=copy-edit-declined]"), StringComparison.Ordinal);
        await editing.OpenAsync($"/Catalogue/Contributions/{id}/Versions");
        Assert.Equal(reason, editing.Find("[data-testid=decline-reason]"));
    }

    [Fact]
    public async Task OtherStates_Observers_NonEditors_AndEditorsAsSuch_CannotCopyEditOrSignOff()
    {
        var id = (await CatalogueSteps.CreateContributionAsync(Factory, call, laos, ContributionStatus.Accepted)).Id;
        using var editing = await SignedInAsync(editor);
        await ProposeAsync(editing, id);
        var editId = await Factory.WithDbAsync(db => db.ContributionEdits.Select(e => e.Id).SingleAsync());
        using var chile = await SignedInAsync(await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "CHL"));
        using var observer = await SignedInAsync(await TestAccounts.CreateAsync(Factory, PortalRole.Observer, "ngo-watch"));
        using var member = await SignedInAsync(await TestAccounts.CreateAsync(Factory, PortalRole.Member, "ESP"));
        using var laosMember = await SignedInAsync(await TestAccounts.CreateAsync(Factory, PortalRole.Member, "LAO"));
        using var state = await SignedInAsync(laos);

        foreach (var outsider in new[] { chile, observer, member })
        {
            foreach (var path in new[] { "", "/CopyEdit", "/SignOff", "/Versions" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Catalogue/Contributions/{id}{path}")).StatusCode);
            }
        }

        // Reading the contribution is not answering for the State, nor editing it.
        Assert.Equal(HttpStatusCode.OK, (await laosMember.GetAsync($"/Catalogue/Contributions/{id}/Versions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await laosMember.GetAsync($"/Catalogue/Contributions/{id}/SignOff")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await state.GetAsync($"/Catalogue/Contributions/{id}/CopyEdit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editing.GetAsync($"/Catalogue/Contributions/{id}/SignOff")).StatusCode);

        // Crafted POSTs with a valid antiforgery token of each visitor's own session change nothing.
        foreach (var visitor in new[] { chile, observer, member, laosMember, editing })
        {
            await visitor.OpenAsync("/Catalogue");
            var token = visitor.Token();
            foreach (var handler in new[] { "SignOff", "Decline" })
            {
                var answer = await visitor.PostAsync($"/Catalogue/Contributions/{id}/SignOff?handler={handler}",
                    [new("__RequestVerificationToken", token), new("Answer.EditId", CatalogueSteps.Id(editId)), new("Answer.Reason", "No.")]);
                Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            }
        }

        foreach (var visitor in new[] { chile, observer, member, laosMember, state })
        {
            await visitor.OpenAsync("/Catalogue");
            var proposal = await visitor.PostAsync($"/Catalogue/Contributions/{id}/CopyEdit",
                [new("__RequestVerificationToken", visitor.Token()), new("Input.Title", "Hijacked"), new("Input.Body", "Hijacked"), new("Input.Quotes[0]", "Hijacked"), new("Input.Note", "Hijacked")]);
            Assert.Equal(HttpStatusCode.NotFound, proposal.StatusCode);
        }

        var edits = await Factory.WithDbAsync(db => db.ContributionEdits.Select(e => new { e.Status, e.Title }).ToListAsync());
        Assert.Equal((ContributionEditStatus.Proposed, NewTitle), (Assert.Single(edits).Status, edits[0].Title));
        Assert.Equal("Clearance of cluster munition remnants in Quảng Trị", (await ContributionAsync(id)).Title);
    }

    [Theory]
    [InlineData(ContributionStatus.Submitted)]
    [InlineData(ContributionStatus.RevisionRequested)]
    [InlineData(ContributionStatus.Withdrawn)]
    public async Task CopyEdit_OfAContributionNotAccepted_IsRefused(ContributionStatus status)
    {
        var id = (await CatalogueSteps.CreateContributionAsync(Factory, call, laos, status)).Id;
        using var editing = await SignedInAsync(editor);
        Assert.Equal(HttpStatusCode.OK, (await editing.GetAsync($"/Catalogue/Contributions/{id}")).StatusCode);
        Assert.Null(editing.Page!.QuerySelector($"a[href='/Catalogue/Contributions/{id}/CopyEdit']"));

        Assert.Equal(HttpStatusCode.NotFound, (await editing.GetAsync($"/Catalogue/Contributions/{id}/CopyEdit")).StatusCode);
        await editing.OpenAsync("/Catalogue");
        var crafted = await editing.PostAsync($"/Catalogue/Contributions/{id}/CopyEdit",
            [new("__RequestVerificationToken", editing.Token()), new("Input.Title", NewTitle), new("Input.Body", NewLine), new("Input.Quotes[0]", NewQuote), new("Input.Note", "Spelling.")]);

        Assert.Equal(HttpStatusCode.NotFound, crafted.StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.ContributionEdits.CountAsync()));
    }

    [Fact]
    public async Task HostileMarkdown_InACopyEdit_IsInertOnTheDiffAndTheContributionPage()
    {
        var id = (await CatalogueSteps.CreateContributionAsync(Factory, call, laos, ContributionStatus.Accepted)).Id;
        using var editing = await SignedInAsync(editor);
        await editing.OpenAsync($"/Catalogue/Contributions/{id}/CopyEdit");
        await editing.SubmitAsync("main form[method=post]", new Dictionary<string, string>
        {
            ["Input.Title"] = HostileInput.Corpus[1],
            ["Input.Body"] = string.Join("\n\n", HostileInput.Corpus.Take(22)),
            ["Input.Quotes[0]"] = HostileInput.Corpus[4],
            ["Input.Note"] = HostileInput.Corpus[0],
        });
        Assert.Equal(ContributionEditStatus.Proposed, await Factory.WithDbAsync(db => db.ContributionEdits.Select(e => e.Status).SingleAsync()));

        using var state = await SignedInAsync(laos);
        await state.OpenAsync($"/Catalogue/Contributions/{id}/SignOff");
        HostileInput.AssertInert(state.Page!.QuerySelector("main")!);
        Assert.Contains(state.Page.QuerySelectorAll("[data-testid=diff] ins"), e => e.TextContent.EndsWith(HostileInput.Corpus[0], StringComparison.Ordinal));
        Assert.Equal(HostileInput.Corpus[0], state.Find("[data-testid=editor-note] p"));
        await editing.OpenAsync($"/Catalogue/Contributions/{id}/Versions");
        HostileInput.AssertInert(editing.Page!.QuerySelector("main")!);

        await state.SubmitAsync("form[action*='handler=SignOff']");
        await state.OpenAsync($"/Catalogue/Contributions/{id}");
        HostileInput.AssertInert(state.Page!.QuerySelector("main")!);
        Assert.Equal(HostileInput.Corpus[1], (await ContributionAsync(id)).Title);
        await state.OpenAsync($"/Catalogue/Contributions/{id}/Versions");
        HostileInput.AssertInert(state.Page!.QuerySelector("main")!);
    }

    [Fact]
    public async Task NewProposal_ReplacesTheWaitingOne_AndAnAnswerToTheOldOneChangesNothing()
    {
        var id = (await CatalogueSteps.CreateContributionAsync(Factory, call, laos, ContributionStatus.Accepted)).Id;
        using var editing = await SignedInAsync(editor);
        await ProposeAsync(editing, id);
        using var state = await SignedInAsync(laos);
        await state.OpenAsync($"/Catalogue/Contributions/{id}/SignOff");

        // The editor starts from the waiting proposal and changes the title back.
        await editing.OpenAsync($"/Catalogue/Contributions/{id}/CopyEdit");
        Assert.Equal(NewTitle, ((AngleSharp.Html.Dom.IHtmlInputElement)editing.Page!.QuerySelector("#Input_Title")!).Value);
        await editing.SubmitAsync("main form[method=post]", new Dictionary<string, string>
        {
            ["Input.Title"] = "Clearance of cluster munition remnants in Quảng Trị",
            ["Input.Note"] = "The area only; the title stays as you wrote it.",
        });
        await state.SubmitAsync("form[action*='handler=SignOff']");

        Assert.Contains("Those changes no longer wait for an answer", state.Find("[role=status]"), StringComparison.Ordinal);
        Assert.Equal("Clearance of cluster munition remnants in Quảng Trị", (await ContributionAsync(id)).Title);
        Assert.DoesNotContain(NewLine, (await ContributionAsync(id)).Body, StringComparison.Ordinal);
        var statuses = await Factory.WithDbAsync(db => db.ContributionEdits.OrderBy(e => e.Id).Select(e => e.Status).ToListAsync());
        Assert.Equal([ContributionEditStatus.Superseded, ContributionEditStatus.Proposed], statuses);
        Assert.Equal(2, (await Mailbox.DeliverAndReadAsync(Factory, laos.Email)).Count(m => m.Subject.StartsWith("The editors propose changes", StringComparison.Ordinal)));

        // The page the State is sent back to shows the new proposal, which it signs off.
        Assert.Equal("The area only; the title stays as you wrote it.", state.Find("[data-testid=editor-note] p"));
        await state.SubmitAsync("form[action*='handler=SignOff']");
        var signed = await ContributionAsync(id);
        Assert.Equal("Clearance of cluster munition remnants in Quảng Trị", signed.Title);
        Assert.Contains(NewLine, signed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendingBack_VoidsTheWaitingCopyEdit_AndReacceptingKeepsTheRevisedTextAsANewVersion()
    {
        var id = (await CatalogueSteps.CreateContributionAsync(Factory, call, laos, ContributionStatus.Accepted)).Id;
        using var editing = await SignedInAsync(editor);
        await ProposeAsync(editing, id);

        await editing.OpenAsync($"/Catalogue/Contributions/{id}");
        await editing.SubmitAsync("main form[method=post]", new FormFill
        {
            Values = new Dictionary<string, string> { ["Review.Comment"] = "Please add the number of people who benefited." },
            Button = "button[formaction*='handler=SendBack']",
        });

        Assert.Equal(ContributionEditStatus.Superseded, await Factory.WithDbAsync(db => db.ContributionEdits.Select(e => e.Status).SingleAsync()));
        using var state = await SignedInAsync(laos);
        Assert.Equal(HttpStatusCode.NotFound, (await state.GetAsync($"/Catalogue/Contributions/{id}/SignOff")).StatusCode);

        await Factory.WithDbAsync(db => db.Contributions.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Body, c => c.Body + "\n\n12,000 people benefited.").SetProperty(c => c.Status, ContributionStatus.Submitted)));
        await editing.OpenAsync($"/Catalogue/Contributions/{id}");
        await editing.SubmitAsync("main form[method=post]", new FormFill { Button = "button[formaction*='handler=Accept']" });

        var versions = await VersionsAsync(id);
        Assert.Equal([2, 1], versions.Select(v => v.Number));
        Assert.Contains("12,000 people benefited.", versions[0].Body, StringComparison.Ordinal);
        Assert.Equal(ContributionVersionKind.Submitted, versions[0].Kind);
    }

    [Fact]
    public async Task KeptVersions_CannotBeChangedInTheDatabase()
    {
        var id = (await CatalogueSteps.CreateContributionAsync(Factory, call, laos, ContributionStatus.Accepted)).Id;
        using var editing = await SignedInAsync(editor);
        await ProposeAsync(editing, id);

        await Assert.ThrowsAnyAsync<Exception>(() => Factory.WithDbAsync(db =>
            db.ContributionVersions.Where(v => v.ContributionId == id).ExecuteUpdateAsync(s => s.SetProperty(v => v.Title, "Rewritten"))));
        Assert.Equal("Clearance of cluster munition remnants in Quảng Trị", (await VersionsAsync(id)).Single().Title);
    }

    /// <summary>Changes the title, one line of the text and the quote, with a note, through the copy-edit form.</summary>
    private static async Task ProposeAsync(Browser editing, int id)
    {
        await editing.OpenAsync($"/Catalogue/Contributions/{id}/CopyEdit");
        var body = editing.Page!.QuerySelector("#Input_Body")!.TextContent;
        await editing.SubmitAsync("main form[method=post]", new Dictionary<string, string>
        {
            ["Input.Title"] = NewTitle,
            ["Input.Body"] = body.Replace(OldLine, NewLine, StringComparison.Ordinal),
            ["Input.Quotes[0]"] = NewQuote,
            ["Input.Note"] = "Spelling, and the area as the final report gives it.",
        });
        Assert.Equal($"/Catalogue/Contributions/{id}", editing.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private Task<BookEdition> BookAsync() =>
        Factory.WithServicesAsync(sp => sp.GetRequiredService<BookInputs>().LoadAsync(call, forObservers: false));

    private Task<Contribution> ContributionAsync(int id) =>
        Factory.WithDbAsync(db => db.Contributions.AsNoTracking().Include(c => c.Testimonials).SingleAsync(c => c.Id == id));

    private Task<List<ContributionVersion>> VersionsAsync(int id) =>
        Factory.WithDbAsync(db => db.ContributionVersions.AsNoTracking().Where(v => v.ContributionId == id).OrderByDescending(v => v.Number).ToListAsync());

    private async Task<Browser> SignedInAsync(TestAccount account)
    {
        var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
        return browser;
    }
}
