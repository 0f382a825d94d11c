using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>A search result's snippet is the text the posting's page shows, never its Markdown.</summary>
public sealed class SearchSnippetPageTests : PortalTest
{
    [Fact]
    public async Task Search_ShowsThePostingsWordsWithoutMarkdown_AndMarksEveryFormTheDatabaseMatched()
    {
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "CHE");
        var now = Factory.Time.GetUtcNow();
        await Factory.WithDbAsync(async db =>
        {
            db.Postings.Add(new Posting
            {
                ParticipantId = await db.Participants.Where(p => p.Code == "LAO").Select(p => p.Id).SingleAsync(),
                Kind = PostingKind.Need,
                Status = PostingStatus.Published,
                Title = "Rehabilitation services",
                Summary = "Support for survivors in three provinces.",
                Body = "## Contact and next steps\n\nWrite to the **victim assistance** unit at [the ministry](https://example.org/va).\n\n"
                    + "| Area | Budget |\n|---|---:|\n| *Victims* of `cluster munitions` | USD 10 |",
                ContactPoint = "Someone",
                Areas = CcmAreas.VictimAssistance,
                AssistanceTypes = AssistanceTypes.Financial,
                Regions = Regions.Asia,
                Visibility = Visibility.StatesAndObservers,
                CreatedAt = now,
                PublishedAt = now,
                ValidUntil = now.AddDays(100),
                CurrentVersion = 1,
            });
            return await db.SaveChangesAsync();
        });

        using var reader = new Browser(Factory);
        await reader.SignInAsync(Factory, member);
        await reader.OpenAsync("/Postings?q=victims");

        var snippet = reader.Find(".snippet");
        Assert.Equal(
            "Support for survivors in three provinces. Contact and next steps · Write to the victim assistance unit at the ministry. "
                + "Area Budget Victims of cluster munitions USD 10",
            snippet);
        Assert.Equal(["victim", "Victims"], reader.Page!.QuerySelectorAll(".snippet mark").Select(m => m.TextContent));
        Assert.DoesNotContain("https://", reader.Page.QuerySelector(".snippet")!.InnerHtml, StringComparison.Ordinal);
    }
}
