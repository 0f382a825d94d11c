using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Catalogue;
using Portal.Features.Catalogue.Book;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// One chapter per project: editors join a recipient's and a donor's accounts of the same project in one chapter that
/// keeps both author lines and both participants, and can separate them again. Nobody else may.
/// </summary>
public sealed class JointChapterTests : PortalTest
{
    private const string Recipient = "Clearance in Xieng Khouang";
    private const string Donor = "Spain's support to clearance in Xieng Khouang";

    private CatalogueCall call = null!;
    private TestAccount lao = null!;
    private TestAccount spain = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var today = DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime);
        call = await CatalogueSteps.CreateCallAsync(Factory, today.AddDays(-10), today.AddDays(10));
        lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        spain = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "ESP");
    }

    [Fact]
    public async Task Editor_JoinsTwoAccountsOfOneProject_TheBookHasOneChapterWithBothAuthorLinesAndParticipants_ThenSeparatesThem()
    {
        var recipient = await AcceptedAsync(lao, Recipient, "Ana Silva");
        var donor = await AcceptedAsync(spain, Donor, "Javier Ruiz");
        await AcceptedAsync(spain, "Stockpile destruction", "Marta Gil");
        using var browser = await EditorAsync();

        await browser.OpenAsync($"/Catalogue/Calls/{call.Id}/Book");
        Assert.Equal("3 accepted contributions, one chapter each.", Lead(browser));
        await browser.SubmitAsync("form[action*='handler=Join']", new Dictionary<string, string>
        {
            ["Join.Chapter"] = CatalogueSteps.Id(recipient),
            ["Join.Contribution"] = CatalogueSteps.Id(donor),
        });

        Assert.Equal($"“{Donor}” is now part of the chapter “{Recipient}”.", browser.Find("[role=status]"));
        Assert.Equal("3 accepted contributions in 2 chapters.", Lead(browser));
        Assert.Equal([Recipient, "Stockpile destruction"], Titles(browser));
        Assert.Contains(Donor, browser.Find($"#chapter-{recipient} [data-testid=joined]")!, StringComparison.Ordinal);
        // A chapter with another joined to it cannot itself be joined to a third: it is not offered.
        Assert.DoesNotContain(browser.Page!.QuerySelectorAll("#Join_Contribution option"), o => o.GetAttribute("value") == CatalogueSteps.Id(recipient));

        var chapter = Assert.Single((await BookAsync(forObservers: false)).Chapters, c => c.IsJoint);
        Assert.Equal(Recipient, chapter.Title);
        Assert.Equal([Recipient, Donor], chapter.Members.Select(m => m.Title));
        var html = ChapterMarkup.Render(chapter, f => f.Key);
        var rendered = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Equal("Contributed jointly by Lao People's Democratic Republic and Spain.", rendered.QuerySelector("p.participants")!.TextContent);
        Assert.Equal(["By Ana Silva (Programme officer, Mine Action Centre).", "By Javier Ruiz (Programme officer, Mine Action Centre)."],
            rendered.QuerySelectorAll("p.authors").Select(p => p.TextContent));
        Assert.Contains("<h3 class=\"contribution-title\">Spain</h3>", html, StringComparison.Ordinal);

        await browser.SubmitAsync($"#chapter-{donor} form[action*='handler=Separate']");
        Assert.Equal($"“{Donor}” is a chapter of its own again, last in its group.", browser.Find("[role=status]"));
        Assert.Equal([Recipient, "Stockpile destruction", Donor], Titles(browser));
        Assert.DoesNotContain((await BookAsync(forObservers: false)).Chapters, c => c.IsJoint);
    }

    [Fact]
    public async Task Join_WithoutChoices_OrOneContributionTwice_ShowsTheErrorsAndJoinsNothing()
    {
        var recipient = await AcceptedAsync(lao, Recipient, "Ana Silva");
        await AcceptedAsync(spain, Donor, "Javier Ruiz");
        using var browser = await EditorAsync();
        await browser.OpenAsync($"/Catalogue/Calls/{call.Id}/Book");

        await browser.SubmitAsync("form[action*='handler=Join']");
        var errors = browser.Find("[data-testid=errors]")!;
        Assert.Contains("Choose the chapter that keeps its title.", errors, StringComparison.Ordinal);
        Assert.Contains("Choose the contribution to show in that chapter.", errors, StringComparison.Ordinal);

        await browser.SubmitAsync("form[action*='handler=Join']", new Dictionary<string, string>
        {
            ["Join.Chapter"] = CatalogueSteps.Id(recipient),
            ["Join.Contribution"] = CatalogueSteps.Id(recipient),
        });
        Assert.Contains("Choose two different contributions.", browser.Find("[data-testid=errors]")!, StringComparison.Ordinal);
        Assert.Equal("true", browser.Page!.QuerySelector("#Join_Contribution")!.GetAttribute("aria-invalid"));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Contributions.CountAsync(c => c.JoinedToId != null)));
    }

    [Fact]
    public async Task ObserversEdition_LeavesOutAStatesOnlyAccount_AndTheOtherAccountIsTheChapter()
    {
        var recipient = await AcceptedAsync(lao, Recipient, "Ana Silva", statesOnly: true);
        var donor = await AcceptedAsync(spain, Donor, "Javier Ruiz");
        await JoinAsync(recipient, donor);

        var states = Assert.Single((await BookAsync(forObservers: false)).Chapters);
        var observers = Assert.Single((await BookAsync(forObservers: true)).Chapters);

        Assert.True(states.IsJoint);
        Assert.False(observers.IsJoint);
        Assert.Equal(Donor, observers.Title);
        Assert.Equal("Spain", observers.Participant);
    }

    [Fact]
    public async Task ChapterSentBackForRevision_TheAccountJoinedToItIsAChapterAgain_SoNothingAcceptedLeavesTheBook()
    {
        var recipient = await AcceptedAsync(lao, Recipient, "Ana Silva");
        var donor = await AcceptedAsync(spain, Donor, "Javier Ruiz");
        await JoinAsync(recipient, donor);

        await Factory.WithDbAsync(db => db.Contributions.Where(c => c.Id == recipient)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ContributionStatus.RevisionRequested)));

        var chapter = Assert.Single((await BookAsync(forObservers: false)).Chapters);
        Assert.Equal(Donor, chapter.Title);
        Assert.False(chapter.IsJoint);
    }

    [Fact]
    public async Task FocalPoint_SeesTheirContributionIsInAJointChapter_ButCannotJoinOrSeparate()
    {
        var recipient = await AcceptedAsync(lao, Recipient, "Ana Silva");
        var donor = await AcceptedAsync(spain, Donor, "Javier Ruiz");
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, lao);
        await browser.OpenAsync("/");

        var join = await browser.PostAsync($"/Catalogue/Calls/{call.Id}/Book?handler=Join",
            [new("__RequestVerificationToken", browser.Token()), new("Join.Chapter", CatalogueSteps.Id(recipient)), new("Join.Contribution", CatalogueSteps.Id(donor))]);
        Assert.Equal(HttpStatusCode.NotFound, join.StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Contributions.CountAsync(c => c.JoinedToId != null)));

        await JoinAsync(recipient, donor);
        var separate = await browser.PostAsync($"/Catalogue/Calls/{call.Id}/Book?handler=Separate&contribution={donor}",
            [new("__RequestVerificationToken", browser.Token())]);
        Assert.Equal(HttpStatusCode.NotFound, separate.StatusCode);
        Assert.Equal(recipient, await Factory.WithDbAsync(db => db.Contributions.Where(c => c.Id == donor).Select(c => c.JoinedToId).SingleAsync()));

        await browser.OpenAsync($"/Catalogue/Contributions/{recipient}");
        Assert.Equal("The editors have put this contribution in one chapter with another account of the same project. It keeps its own title, authors and participant there.",
            Flat(browser.Find("[data-testid=joint-chapter]")!));
    }

    private async Task<Browser> EditorAsync()
    {
        var editor = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "CHL");
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == editor.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsEditor, true)));
        var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, editor);
        return browser;
    }

    private async Task<int> AcceptedAsync(TestAccount focalPoint, string title, string author, bool statesOnly = false)
    {
        var contribution = await CatalogueSteps.CreateContributionAsync(Factory, call, focalPoint, ContributionStatus.Accepted, title);
        await Factory.WithDbAsync<int>(async db =>
        {
            await db.ContributionAuthors.Where(a => a.ContributionId == contribution.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, author));
            await db.Contributions.Where(c => c.Id == contribution.Id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.StatesOnly, statesOnly)
                .SetProperty(c => c.ChapterOrder, c => c.Id));
            return 0;
        });
        return contribution.Id;
    }

    private Task JoinAsync(int chapter, int contribution) =>
        Factory.WithDbAsync(db => db.Contributions.Where(c => c.Id == contribution).ExecuteUpdateAsync(s => s.SetProperty(c => c.JoinedToId, chapter)));

    private Task<BookEdition> BookAsync(bool forObservers) =>
        Factory.WithServicesAsync(sp => sp.GetRequiredService<BookInputs>().LoadAsync(call, forObservers));

    private static string Lead(Browser browser) => Flat(browser.Find("p.lead")!);

    private static string Flat(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static List<string> Titles(Browser browser) =>
        browser.Page!.QuerySelectorAll("[data-testid=chapter-row] > a").Select(a => a.TextContent.Trim()).ToList();
}
