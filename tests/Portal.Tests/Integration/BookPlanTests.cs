using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>Editors group and order the accepted chapters with buttons (no JavaScript); nobody else may.</summary>
public sealed class BookPlanTests : PortalTest
{
    [Fact]
    public async Task Editor_MovesAChapterUp_MovesOneToAnotherGroup_AndRegroupsByRegion()
    {
        var today = DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime);
        var call = await CatalogueSteps.CreateCallAsync(Factory, today.AddDays(-10), today.AddDays(10));
        var first = await AcceptedAsync(call.Id, "LAO", "Clearance in Xieng Khouang", "Article 4", 1);
        var second = await AcceptedAsync(call.Id, "CHL", "Stockpile destruction in Chile", "Article 4", 2);
        await AcceptedAsync(call.Id, "ESP", "Victim assistance in Bosnia", "Article 5", 1);
        var editor = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "ESP");
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == editor.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsEditor, true)));
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, editor);

        await browser.OpenAsync($"/Catalogue/Calls/{call.Id}/Book");
        Assert.Equal(["Clearance in Xieng Khouang", "Stockpile destruction in Chile", "Victim assistance in Bosnia"], Titles(browser));

        await browser.SubmitAsync($"#chapter-{second} form[action*='handler=Move']");
        Assert.Equal(["Stockpile destruction in Chile", "Clearance in Xieng Khouang", "Victim assistance in Bosnia"], Titles(browser));
        Assert.Equal("“Stockpile destruction in Chile” moved up.", browser.Find("[role=status]"));

        await browser.SubmitAsync($"#chapter-{first} form[action*='handler=Regroup']", new Dictionary<string, string> { ["group"] = "Article 5" });
        Assert.Equal(["Stockpile destruction in Chile", "Victim assistance in Bosnia", "Clearance in Xieng Khouang"], Titles(browser));

        await browser.SubmitAsync("form[action*='handler=Grouping']", new Dictionary<string, string> { ["grouping"] = nameof(ChapterGrouping.Region) });
        var groups = browser.Page!.QuerySelectorAll("[data-testid=group-title]").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(3, groups.Count);
        Assert.Contains("Asia", groups);
        Assert.Contains("Europe", groups);
        Assert.Contains("Americas", groups);
    }

    [Fact]
    public async Task NonEditors_CannotSeeOrChangeThePlan()
    {
        var today = DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime);
        var call = await CatalogueSteps.CreateCallAsync(Factory, today.AddDays(-10), today.AddDays(10));
        var id = await AcceptedAsync(call.Id, "LAO", "Clearance", "Article 4", 1);
        var focal = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, focal);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/Catalogue/Calls/{call.Id}/Book")).StatusCode);
        await browser.OpenAsync("/");
        var post = await browser.PostAsync($"/Catalogue/Calls/{call.Id}/Book?handler=Regroup&contribution={id}",
            [new("__RequestVerificationToken", browser.Token()), new("group", "Article 9")]);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal("Article 4", await Factory.WithDbAsync(db => db.Contributions.Where(c => c.Id == id).Select(c => c.ChapterGroup).SingleAsync()));
    }

    private static List<string> Titles(Browser browser) =>
        browser.Page!.QuerySelectorAll("[data-testid=chapter-row] > a").Select(a => a.TextContent.Trim()).ToList();

    private Task<int> AcceptedAsync(int callId, string participant, string title, string group, int order) =>
        Factory.WithDbAsync(async db =>
        {
            var contribution = new Contribution
            {
                CallId = callId,
                ParticipantId = await db.Participants.Where(p => p.Code == participant).Select(p => p.Id).SingleAsync(),
                Title = title,
                Provisions = group == "Article 5" ? CcmProvisions.Article5 : CcmProvisions.Article4,
                Status = ContributionStatus.Accepted,
                ChapterGroup = group,
                ChapterOrder = order,
                CreatedBy = "seed",
            };
            db.Contributions.Add(contribution);
            await db.SaveChangesAsync();
            return contribution.Id;
        });
}
