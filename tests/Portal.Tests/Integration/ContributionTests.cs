using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>Writing, submitting and reviewing contributions through the real forms; who may see and do what.</summary>
public sealed class ContributionTests : PortalTest
{
    private CatalogueCall call = null!;
    private TestAccount laos = null!;

    public override async Task InitializeAsync()
    {
        var today = DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime);
        call = await CatalogueSteps.CreateCallAsync(Factory, today.AddDays(-1), today.AddDays(40));
        laos = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
    }

    [Fact]
    public async Task Submit_WithoutTheConsentStatement_IsRefusedWithItsReason()
    {
        using var browser = await SignedInAsync(laos);
        var fields = CatalogueSteps.CompleteFields();
        fields.Remove("Input.Consent");
        var id = await StartAsync(browser, fields);

        await SubmitAsync(browser);

        Assert.Contains("Tick the statement that the material is free of copyright restrictions for this publication", browser.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal(ContributionStatus.Draft, await StatusAsync(id));
    }

    [Fact]
    public async Task Submit_WithATestimonialWithoutConsent_IsRefused_AndWithConsentIsTaken()
    {
        using var browser = await SignedInAsync(laos);
        var fields = CatalogueSteps.CompleteFields();
        fields["Input.Testimonials[0].Quote"] = "Our children walk to school through the fields again.";
        fields["Input.Testimonials[0].Person"] = "Bounmy";
        fields["Input.Testimonials[0].Role"] = "Farmer";
        fields["Input.Testimonials[0].Place"] = "Xieng Khouang";
        var id = await StartAsync(browser, fields);

        await SubmitAsync(browser);
        Assert.Contains("Tick that Bounmy agreed to the publication of their words, or remove the testimonial.", browser.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal(ContributionStatus.Draft, await StatusAsync(id));

        await browser.SubmitAsync("main form[method=post]", new FormFill
        {
            Values = new Dictionary<string, string> { ["Input.Testimonials[0].Consent"] = "true" },
            Button = "button[formaction*='handler=Submit']",
        });
        Assert.Equal(ContributionStatus.Submitted, await StatusAsync(id));
        Assert.Equal("Contribution submitted", browser.Find("h1"));
    }

    [Fact]
    public async Task Submit_Incomplete_ListsEveryMissingPart()
    {
        using var browser = await SignedInAsync(laos);
        var id = await StartAsync(browser, new Dictionary<string, string> { ["Input.Title"] = "Stockpile destruction" }, lists: new());

        await SubmitAsync(browser);

        var errors = browser.Find("[data-testid=errors]") ?? "";
        foreach (var expected in new[]
        {
            "Name at least one author", "Choose the CCM provisions", "Choose your State's role", "Choose how the cooperation was organised",
            "Enter the period of the project", "Write the text of the contribution", "Tick the statement",
        })
        {
            Assert.Contains(expected, errors, StringComparison.Ordinal);
        }

        Assert.Equal(ContributionStatus.Draft, await StatusAsync(id));
    }

    [Fact]
    public async Task Draft_IsOwnStatesOnly_AndEditorsSeeItOnceSubmitted()
    {
        using var author = await SignedInAsync(laos);
        var id = await StartAsync(author, CatalogueSteps.CompleteFields());
        var laosMember = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "LAO");
        var chile = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "CHL");
        var editor = await EditorAsync();
        var observer = await TestAccounts.CreateAsync(Factory, PortalRole.Observer, "ngo-watch");

        using var member = await SignedInAsync(laosMember);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/Catalogue/Contributions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/Catalogue/Contributions/{id}/Edit")).StatusCode);
        using var other = await SignedInAsync(chile);
        using var editing = await SignedInAsync(editor);
        using var watcher = await SignedInAsync(observer);
        foreach (var path in new[] { "", "/Edit", "/Withdraw" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Catalogue/Contributions/{id}{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await editing.GetAsync($"/Catalogue/Contributions/{id}{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await watcher.GetAsync($"/Catalogue/Contributions/{id}{path}")).StatusCode);
        }

        // A crafted POST from another State changes nothing.
        await other.OpenAsync($"/Catalogue/Calls/{call.Id}");
        var crafted = await other.PostAsync($"/Catalogue/Contributions/{id}/Edit?handler=Submit", [new("__RequestVerificationToken", other.Token()), new("Input.Title", "Hijacked")]);
        Assert.Equal(HttpStatusCode.NotFound, crafted.StatusCode);

        await author.OpenAsync($"/Catalogue/Contributions/{id}/Edit");
        await SubmitAsync(author);
        Assert.Equal(HttpStatusCode.OK, (await editing.GetAsync($"/Catalogue/Contributions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Catalogue/Contributions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await watcher.GetAsync($"/Catalogue/Contributions/{id}")).StatusCode);
        Assert.Equal("Clearance of cluster munition remnants in Quảng Trị", await Factory.WithDbAsync(db => db.Contributions.Where(c => c.Id == id).Select(c => c.Title).SingleAsync()));
    }

    [Fact]
    public async Task EditorSendsBack_AuthorsSeeTheComment_ReviseAfterTheDeadline_AndEditorAccepts()
    {
        using var author = await SignedInAsync(laos);
        var id = await StartAsync(author, CatalogueSteps.CompleteFields());
        await SubmitAsync(author);
        using var editor = await SignedInAsync(await EditorAsync());

        await editor.OpenAsync($"/Catalogue/Contributions/{id}");
        await editor.SubmitAsync("main form[method=post]", new FormFill { Button = "button[formaction*='handler=SendBack']" });
        Assert.Contains("Say what the authors should change", editor.Find("[data-testid=errors]"), StringComparison.Ordinal);
        await editor.SubmitAsync("main form[method=post]", new FormFill
        {
            Values = new Dictionary<string, string> { ["Review.Comment"] = "Please add the number of people who benefited." },
            Button = "button[formaction*='handler=SendBack']",
        });
        Assert.Equal(ContributionStatus.RevisionRequested, await StatusAsync(id));

        // The call closes; a revision the editors asked for is still taken. (Sessions have ended by then: sign in again.)
        Factory.Time.Advance(TimeSpan.FromDays(60));
        using var again = await SignedInAsync(laos);
        await RevisesAsync(again, id);
        using var editorAgain = await SignedInAsync(await EditorAsync());
        await editorAgain.OpenAsync($"/Catalogue/Contributions/{id}");
        await editorAgain.SubmitAsync("main form[method=post]", new FormFill { Button = "button[formaction*='handler=Accept']" });
        Assert.Equal(ContributionStatus.Accepted, await StatusAsync(id));
        Assert.Equal("Article 4", await Factory.WithDbAsync(db => db.Contributions.Where(c => c.Id == id).Select(c => c.ChapterGroup).SingleAsync()));
        Assert.Equal(2, await Factory.WithDbAsync(db => db.ContributionReviews.CountAsync(r => r.ContributionId == id)));
    }

    private async Task RevisesAsync(Browser author, int id)
    {
        await author.OpenAsync($"/Catalogue/Contributions/{id}");
        Assert.Equal("Please add the number of people who benefited.", author.Find("[data-testid=editor-comment] p"));
        await author.OpenAsync($"/Catalogue/Contributions/{id}/Edit");
        await author.SubmitAsync("main form[method=post]", new FormFill
        {
            Values = new Dictionary<string, string> { ["Input.Body"] = CatalogueSteps.CompleteFields()["Input.Body"] + "\n\n12,000 people benefited." },
            Button = "button[formaction*='handler=Submit']",
        });
        Assert.Equal(ContributionStatus.Submitted, await StatusAsync(id));
    }

    [Fact]
    public async Task HostileText_IsShownAsText()
    {
        using var browser = await SignedInAsync(laos);
        var fields = CatalogueSteps.CompleteFields(title: HostileInput.Corpus[1]);
        fields["Input.Body"] = string.Join("\n\n", HostileInput.Corpus.Take(22));
        fields["Input.Authors[0].Name"] = HostileInput.Corpus[0];
        fields["Input.Testimonials[0].Quote"] = HostileInput.Corpus[4];
        fields["Input.Testimonials[0].Person"] = HostileInput.Corpus[5];
        fields["Input.Testimonials[0].Consent"] = "true";
        var id = await StartAsync(browser, fields);

        await browser.OpenAsync($"/Catalogue/Contributions/{id}");

        HostileInput.AssertInert(browser.Page!.QuerySelector("[data-testid=chapter]")!.InnerHtml);
        Assert.Contains(HostileInput.Corpus[0], browser.Find("[data-testid=chapter] .authors"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntryCodeVisitorsAndObservers_HaveNoCalls()
    {
        var observer = await TestAccounts.CreateAsync(Factory, PortalRole.Observer, "ngo-watch");
        using var watcher = await SignedInAsync(observer);
        Assert.Equal(HttpStatusCode.NotFound, (await watcher.GetAsync($"/Catalogue/Calls/{call.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await watcher.GetAsync($"/Catalogue/Calls/{call.Id}/Contribute")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await watcher.GetAsync("/Catalogue/Calls/New")).StatusCode);
        await watcher.OpenAsync("/Catalogue");
        Assert.Empty(watcher.Page!.QuerySelectorAll("[data-testid=call]"));

        // A member of a State reads the call but cannot write for the State.
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "LAO");
        using var reader = await SignedInAsync(member);
        await reader.OpenAsync("/");
        Assert.Contains(call.Title, reader.Find("[data-testid=open-call]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/Catalogue/Calls/{call.Id}/Contribute")).StatusCode);
    }

    private async Task<TestAccount> EditorAsync()
    {
        var editor = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "ESP");
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == editor.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsEditor, true)));
        return editor;
    }

    private async Task<Browser> SignedInAsync(TestAccount account)
    {
        var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
        return browser;
    }

    private async Task<int> StartAsync(Browser browser, Dictionary<string, string> fields, Dictionary<string, string[]>? lists = null)
    {
        await browser.OpenAsync($"/Catalogue/Calls/{call.Id}/Contribute");
        await browser.SubmitAsync("main form[method=post]", new FormFill { Values = fields, Lists = lists ?? CatalogueSteps.CompleteLists() });
        var path = browser.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches("^/Catalogue/Contributions/[0-9]+/Edit$", path);
        return int.Parse(path.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task SubmitAsync(Browser browser) =>
        browser.SubmitAsync("main form[method=post]", new FormFill { Button = "button[formaction*='handler=Submit']" });

    private Task<ContributionStatus> StatusAsync(int id) =>
        Factory.WithDbAsync(db => db.Contributions.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());
}
