using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

public sealed class PostingTests : PortalTest
{
    [Fact]
    public async Task Need_PublishedByFocalPoint_IsFoundByAMemberOfAnotherState()
    {
        var focal = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "CHE");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, focal);
        var id = await owner.SaveDraftAsync(new PostingSteps.Draft
        {
            Body = "## What is needed\n\nA **mobile** team for victim assistance in three districts.\n",
        });

        // A draft is the owner's alone.
        using var reader = new Browser(Factory);
        await reader.SignInAsync(Factory, member);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await reader.GetAsync($"/Postings/{id}")).StatusCode);
        await reader.OpenAsync("/Postings?q=victim+assistance");
        Assert.Equal("No postings match", reader.Find("[data-testid=result-count]"));

        await owner.SubmitAsync("form[action*='handler=Publish']");
        await reader.OpenAsync("/Postings?q=victim+assistance&kind=Need&region=Asia");
        Assert.Equal("1 posting matches", reader.Find("[data-testid=result-count]"));
        Assert.Equal("victim", reader.Page!.QuerySelector(".snippet mark")?.TextContent, ignoreCase: true);
        await reader.OpenAsync(reader.Page.QuerySelector("ol.results a")!.GetAttribute("href")!);
        Assert.Equal("Support for a prosthetics workshop in Xieng Khouang", reader.Find("h1"));
        Assert.Equal("mobile", reader.Find(".markdown strong"));
        Assert.Contains("USD 250,000", reader.Text, StringComparison.Ordinal);
        Assert.Contains("Lao People's Democratic Republic", reader.Find("dl.core") ?? "", StringComparison.Ordinal);
        Assert.Null(reader.Page.QuerySelector("aside.owner"));
    }

    [Fact]
    public async Task Show_TableWithAlignedColumns_AlignsByClass_WithNoStyleAttributeOnThePage()
    {
        var focal = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, focal);
        var id = await owner.PublishAsync(new PostingSteps.Draft
        {
            Body = "## Costs\n\n| Item | Unit | USD |\n|:--|:-:|--:|\n| Detectors | 12 | 48,000 |\n",
        });

        using var reader = new Browser(Factory);
        await reader.SignInAsync(Factory, await TestAccounts.CreateAsync(Factory, PortalRole.Member, "CHE"));
        await reader.OpenAsync($"/Postings/{id}");
        var cells = reader.Page!.QuerySelectorAll(".markdown td").Select(td => $"{td.ClassName}:{td.TextContent}");
        Assert.Equal(["align-left:Detectors", "align-center:12", "align-right:48,000"], cells);
        Assert.Empty(reader.Page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public async Task Edit_OfPublishedPosting_MakesANewVersion_WithItsOwnFingerprintAndAReadableDiff()
    {
        var focal = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, focal);
        var id = await owner.PublishAsync(new PostingSteps.Draft());
        var first = owner.Find("[data-testid=fingerprint]");

        await owner.OpenAsync($"/Postings/{id}/Edit");
        await owner.SubmitAsync("form.stack", new Dictionary<string, string>
        {
            ["Input.Body"] = "## What is needed\n\nMaterials and training for victim assistance staff.\n\nAlso two vehicles.\n",
        });
        Assert.Contains("new version is published", owner.Find("[role=status]"), StringComparison.Ordinal);
        var second = owner.Find("[data-testid=fingerprint]");
        Assert.NotEqual(first, second);
        Assert.Matches("^[0-9a-f]{64}$", second);

        await owner.OpenAsync($"/Postings/{id}/Versions");
        Assert.Equal(2, owner.Page!.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("+ Added: Also two vehicles.", owner.Page.QuerySelectorAll(".diff ins").Select(i => i.TextContent.Trim()));
        Assert.Empty(owner.Page.QuerySelectorAll(".diff del"));

        // The fingerprint is the SHA-256 of the canonical text anyone can download.
        foreach (var (number, fingerprint) in new[] { (1, first), (2, second) })
        {
            var response = await owner.GetAsync($"/Postings/{id}/Versions?handler=Canonical&v={number}");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(fingerprint, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        }

        // The database refuses to change a published version, whoever asks.
        await Assert.ThrowsAnyAsync<Exception>(() => Factory.WithDbAsync(db =>
            db.PostingVersions.Where(v => v.PostingId == id).ExecuteUpdateAsync(u => u.SetProperty(v => v.AuthorName, "someone else"))));
    }

    [Fact]
    public async Task Form_WithMissingAndWrongFields_SaysWhatToFix_AndSavesNothing()
    {
        var focal = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, focal);
        await owner.OpenAsync("/Postings/New?kind=Offer");
        Assert.Contains("## ", owner.Page!.QuerySelector("textarea[name='Input.Body']")!.TextContent, StringComparison.Ordinal);
        await owner.SubmitAsync("form.stack", new FormFill
        {
            Values = new Dictionary<string, string>
            {
                ["Input.Title"] = "",
                ["Input.Summary"] = "First paragraph.\r\n\r\nSecond paragraph.",
                ["Input.Budget"] = "a lot",
                ["Input.ValidUntil"] = Factory.Time.GetUtcNow().AddYears(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            },
        });

        var errors = owner.Page!.QuerySelectorAll("[data-testid=errors] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(
        [
            "Enter a title.",
            "The summary is one paragraph: move the other paragraphs into the text below.",
            "Choose at least one CCM area.",
            "Choose the countries or regions concerned, or “Global”.",
            "Enter the indicative budget as an amount, for example 250,000 or 1250000.50.",
            "Enter a contact point: a name, a position or an e-mail address.",
        ], errors.Take(6));
        Assert.Contains(errors, e => e.StartsWith("A posting is valid for at most 24 months", StringComparison.Ordinal));
        Assert.Equal("true", owner.Page.QuerySelector("#Input_Title")?.GetAttribute("aria-invalid"));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Postings.CountAsync()));
    }

    [Fact]
    public async Task Replace_PublishesTheNewOne_HidesTheOld_AndOldLinksLeadToTheNew()
    {
        var focal = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "CHE");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, focal);
        var old = await owner.PublishAsync(new PostingSteps.Draft { Title = "Clearance of Sekong province, phase one" });

        await owner.OpenAsync($"/Postings/{old}/Replace");
        await owner.SubmitAsync("form.actions button");
        Assert.EndsWith("/Edit", owner.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        await owner.SubmitAsync("form.stack", new Dictionary<string, string> { ["Input.Title"] = "Clearance of Sekong province, phase two" });
        var newer = int.Parse(owner.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        await owner.SubmitAsync("form[action*='handler=Publish']");

        using var reader = new Browser(Factory);
        await reader.SignInAsync(Factory, member);
        await reader.OpenAsync("/Postings?q=Sekong");
        Assert.Equal(["Clearance of Sekong province, phase two"], reader.ResultTitles());
        await reader.OpenAsync($"/Postings/{old}");
        Assert.Equal($"/Postings/{newer}", reader.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath);

        var rows = await Factory.WithDbAsync(db => db.Postings.AsNoTracking().OrderBy(p => p.Id).ToListAsync());
        Assert.Equal((PostingStatus.Replaced, newer), (rows[0].Status, rows[0].ReplacedById));
        Assert.Equal((PostingStatus.Published, old), (rows[1].Status, rows[1].ReplacesId));
    }

    [Fact]
    public async Task ParticipantsList_CountsPerKind_AndEachParticipantHasItsPage()
    {
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var deu = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "DEU");
        using var laoBrowser = new Browser(Factory);
        await laoBrowser.SignInAsync(Factory, lao);
        await laoBrowser.PublishAsync(new PostingSteps.Draft { Title = "Need one" });
        await laoBrowser.PublishAsync(new PostingSteps.Draft { Title = "Need two" });
        await laoBrowser.PublishAsync(new PostingSteps.Draft { Title = "Lessons from Xieng Khouang", Kind = PostingKind.Experience });
        using var deuBrowser = new Browser(Factory);
        await deuBrowser.SignInAsync(Factory, deu);
        await deuBrowser.PublishAsync(new PostingSteps.Draft { Title = "Small grants", Kind = PostingKind.Offer });

        await deuBrowser.OpenAsync("/Participants");
        var rows = deuBrowser.Page!.QuerySelectorAll("tbody tr")
            .Select(tr => string.Join("|", tr.QuerySelectorAll("td").Take(4).Select(td => td.TextContent.Trim()))).ToList();
        Assert.Equal(["Germany|0|1|0", "Lao People's Democratic Republic|2|0|1"], rows);

        await deuBrowser.OpenAsync("/Participants/LAO");
        Assert.Equal(["Needs (2)", "Experiences (1)"], deuBrowser.Page!.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task Search_FiltersSortsAndPages_AndOddQueriesNeverFail()
    {
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, lao);
        for (var i = 1; i <= 23; i++)
        {
            await browser.SaveDraftAsync(new PostingSteps.Draft { Title = $"Risk education round {i}", Areas = [nameof(CcmAreas.ClearanceAndRiskEducation)] });
            await browser.SubmitAsync("form[action*='handler=Publish']");
            Factory.Time.Advance(TimeSpan.FromMinutes(1));
        }

        await browser.PublishAsync(new PostingSteps.Draft { Title = "Stockpile destruction in Vientiane", Areas = [nameof(CcmAreas.StockpileDestruction)], Kind = PostingKind.Offer });

        await browser.OpenAsync("/Postings?q=risk+education&sort=Newest");
        Assert.Equal("23 postings match · page 1 of 2", browser.Find("[data-testid=result-count]"));
        Assert.Equal("Risk education round 23", browser.Find("ol.results h2"));
        await browser.OpenAsync(browser.Page!.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal(3, browser.Page!.QuerySelectorAll("ol.results > li").Length);
        Assert.Contains("page=2", browser.LastResponse!.RequestMessage!.RequestUri!.Query, StringComparison.Ordinal);
        Assert.Contains("q=risk", browser.LastResponse!.RequestMessage!.RequestUri!.Query, StringComparison.Ordinal);

        await browser.OpenAsync("/Postings?area=StockpileDestruction");
        Assert.Equal("Stockpile destruction in Vientiane", browser.Find("ol.results h2"));
        await browser.OpenAsync("/Postings?kind=Offer&country=LAO&participant=LAO&type=Equipment&region=Asia");
        Assert.Equal("1 posting matches", browser.Find("[data-testid=result-count]"));
        await browser.OpenAsync("/Postings?country=DEU");
        Assert.Equal("No postings match", browser.Find("[data-testid=result-count]"));
        var since = Factory.Time.GetUtcNow().AddMinutes(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await browser.OpenAsync($"/Postings?since={since}&sort=ExpiringSoon");
        Assert.Equal(System.Net.HttpStatusCode.OK, browser.LastResponse!.StatusCode);

        foreach (var odd in new[] { "\"", "*", "risk OR", "NEAR(risk", "-risk", "risk:", "'; DROP TABLE \"Postings\"; --", "\"risk education", "((((", "^", "\u0000", new string('x', 500) })
        {
            var response = await browser.GetAsync("/Postings?q=" + Uri.EscapeDataString(odd));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task ListAndSearch_WithMoreThanAThousandPostings_SayMoreThan_AndPageThroughTheFirstThousand()
    {
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "CHE");
        var now = Factory.Time.GetUtcNow();
        await Factory.WithDbAsync(async db =>
        {
            var lao = await db.Participants.SingleAsync(p => p.Code == "LAO");
            for (var i = 0; i < 1001; i++)
            {
                db.Postings.Add(new Posting
                {
                    ParticipantId = lao.Id,
                    Kind = PostingKind.Need,
                    Status = PostingStatus.Published,
                    Title = $"Demining support {i}",
                    Summary = "Support.",
                    Body = "Demining.",
                    ContactPoint = "Someone",
                    Areas = CcmAreas.ClearanceAndRiskEducation,
                    CreatedAt = now,
                    PublishedAt = now,
                    ValidUntil = now.AddDays(100),
                    CurrentVersion = 1,
                });
            }

            return await db.SaveChangesAsync();
        });

        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, member);
        await browser.OpenAsync("/Postings?q=demining");
        Assert.Equal("More than 1,000 postings match · page 1 of 50", browser.Find("[data-testid=result-count]"));
        await browser.OpenAsync("/Postings?q=demining&page=50");
        Assert.Equal(20, browser.Page!.QuerySelectorAll("ol.results > li").Length);
        await browser.OpenAsync("/Postings");
        Assert.Equal("More than 1,000 postings · page 1 of 50", browser.Find("[data-testid=result-count]"));
    }
}
