using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// The posting form as GOV.UK would have it: errors summarised first and shown above their fields, the template's
/// guidance as hint text that is never saved, a warning before a template-only text is published, a summary that is
/// a real sentence, and a country picker without script whose choices come back after a round trip.
/// </summary>
public sealed class PostingFormTests : PortalTest
{
    // The words of the need template, as a person reads them (the tests say what the portal shows, not how it is built).
    private static readonly string[] NeedHeadings =
        ["Context and obligation concerned", "What is needed", "What is already in place", "Expected results", "Contact and next steps"];

    private const string FirstGuidance =
        "Describe the situation and the CCM obligation it concerns (for example clearance under Article 4), with any deadline.";

    [Fact]
    public async Task NewPosting_WithErrors_TitleSaysError_SummaryIsFirstInMain_AndEachMessageStandsAboveItsField()
    {
        using var owner = await FocalPointAsync();
        await owner.OpenAsync("/Postings/New?kind=Need");
        Assert.Equal("New need · CCM Cooperation Portal", owner.Page!.Title);

        await owner.SubmitAsync("form.stack", new Dictionary<string, string> { ["Input.Budget"] = "a lot" });

        Assert.Equal("Error: New need · CCM Cooperation Portal", owner.Page!.Title);
        var summary = owner.MainElement().FirstElementChild!;
        Assert.Equal("errors", summary.GetAttribute("data-testid"));
        Assert.Equal(("alert", "-1", true), (summary.GetAttribute("role"), summary.GetAttribute("tabindex"), summary.HasAttribute("autofocus")));
        // Every link of the summary leads to an element of the page.
        var targets = summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("#Input_Title", targets);
        Assert.All(targets, href => Assert.NotNull(owner.Page.GetElementById(href[1..])));

        // Above the field, not beside it: a text input, a short input, and a textarea.
        foreach (var field in new[] { "Input_Title", "Input_Budget", "Input_Summary" })
        {
            var input = owner.Page.GetElementById(field)!;
            Assert.Equal($"{field}-error", input.PreviousElementSibling?.Id);
            Assert.Equal($"{field}-error", input.GetAttribute("aria-describedby")?.Split(' ').Last());
            Assert.StartsWith("Error:", input.PreviousElementSibling!.TextContent, StringComparison.Ordinal);
        }

        // Groups: the message after the legend, described by it; the country picker too.
        var areas = owner.Page.GetElementById("Input_Areas-error")!;
        Assert.Equal("LEGEND", areas.PreviousElementSibling?.TagName);
        Assert.Contains("Input_Areas-error", areas.Closest("fieldset")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Contains("Input_Countries-error", owner.Page.GetElementById("Input_Countries")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("Choose the countries or regions concerned, or “Global”.", owner.Page.GetElementById("Input_Countries-error")!.TextContent.Replace("Error: ", "", StringComparison.Ordinal));
        // One message per field: none is written twice.
        Assert.Equal(1, owner.Page.QuerySelectorAll("[id='Input_Title-error']").Length);
    }

    [Fact]
    public async Task Attachments_WithoutAFile_TheMessageStandsAboveTheFileInput_AndTheSummaryFirst()
    {
        using var owner = await FocalPointAsync();
        var id = await owner.SaveDraftAsync(new PostingSteps.Draft());
        await owner.OpenAsync($"/Postings/{id}/Attachments");

        await owner.SubmitAsync("input[type=file]", new FormFill { Multipart = true });

        Assert.StartsWith("Error: ", owner.Page!.Title, StringComparison.Ordinal);
        Assert.Equal("errors", owner.MainElement().FirstElementChild!.GetAttribute("data-testid"));
        Assert.Equal("Upload-error", owner.Page.GetElementById("Upload")!.PreviousElementSibling?.Id);
        Assert.Contains("Choose a file to attach.", owner.Find("#Upload-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewPosting_TheTemplateHasHeadingsOnly_AndItsGuidanceIsHintText()
    {
        using var owner = await FocalPointAsync();
        await owner.OpenAsync("/Postings/New?kind=Offer");

        var body = owner.Page!.QuerySelector("#Input_Body")!.TextContent;
        Assert.StartsWith("## What is offered", body.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("*", body, StringComparison.Ordinal);
        Assert.Contains("Explain the procedure step by step", owner.Find(".guidance"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_WithTheTemplateUntouched_WarnsFirst_AndPublishesOnlyWhenAskedAgain()
    {
        using var owner = await FocalPointAsync();
        await owner.OpenAsync("/Postings/New?kind=Need");
        var draft = new PostingSteps.Draft();
        await owner.SubmitAsync("form.stack", new FormFill
        {
            Values = draft.Values().Where(v => v.Key != "Input.Body").ToDictionary(),
            Lists = draft.Lists(),
        });
        var id = await Factory.WithDbAsync(db => db.Postings.Select(p => p.Id).SingleAsync());

        await owner.SubmitAsync("form[action*='handler=Publish']");

        Assert.Equal($"/Postings/{id}/Publish", owner.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(NeedHeadings, owner.Page!.QuerySelectorAll("[data-testid=unfinished] li").Select(li => li.TextContent.Trim()));
        Assert.Contains("readers will see these headings with nothing under them", owner.Find(".warning-text"), StringComparison.Ordinal);
        Assert.NotNull(owner.Page.QuerySelector($"a[href='/Postings/{id}/Edit']"));
        Assert.Equal(PostingStatus.Draft, await Factory.WithDbAsync(db => db.Postings.Select(p => p.Status).SingleAsync()));

        await owner.SubmitAsync("form[action*='handler=Publish']");

        Assert.Contains("Published", owner.Find("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(PostingStatus.Published, await Factory.WithDbAsync(db => db.Postings.Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task Publish_ADraftSavedWithTheOldItalicGuidance_WarnsAboutThatSection_AndNeverPublishesTheGuidance()
    {
        using var owner = await FocalPointAsync();
        var id = await Factory.WithDbAsync(async db =>
        {
            var posting = new Posting
            {
                ParticipantId = await db.Participants.Where(p => p.Code == "LAO").Select(p => p.Id).SingleAsync(),
                Kind = PostingKind.Need,
                Status = PostingStatus.Draft,
                Title = "Survey in Xieng Khouang",
                Summary = "The Lao PDR seeks support for survey in three districts of Xieng Khouang.",
                Body = $"## {NeedHeadings[0]}\n\n*{FirstGuidance}*\n\n## What is needed\n\nSix survey teams for two years.\n",
                ContactPoint = "Survey programme, survey@nra.test",
                Areas = CcmAreas.ClearanceAndRiskEducation,
                ChosenRegions = Regions.Asia,
                Regions = Regions.Asia,
                CreatedAt = Factory.Time.GetUtcNow(),
                ValidUntil = Factory.Time.GetUtcNow().AddDays(200),
            };
            db.Postings.Add(posting);
            await db.SaveChangesAsync();
            return posting.Id;
        });

        await owner.OpenAsync($"/Postings/{id}");
        await owner.SubmitAsync("form[action*='handler=Publish']");
        Assert.Equal([NeedHeadings[0]], owner.Page!.QuerySelectorAll("[data-testid=unfinished] li").Select(li => li.TextContent.Trim()));
        await owner.SubmitAsync("form[action*='handler=Publish']");

        Assert.Equal($"## {NeedHeadings[0]}\n\n## What is needed\n\nSix survey teams for two years.\n",
            await Factory.WithDbAsync(db => db.Postings.Select(p => p.Body).SingleAsync()));
        var version = await Factory.WithDbAsync(db => db.PostingVersions.AsNoTracking().SingleAsync());
        Assert.DoesNotContain(FirstGuidance, version.CanonicalContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditingAPublishedPosting_EmptyingASection_WarnsAndSavesNothing_UntilPublishAnyway()
    {
        using var owner = await FocalPointAsync();
        var id = await owner.PublishAsync(new PostingSteps.Draft());
        await owner.OpenAsync($"/Postings/{id}/Edit");
        var body = "## What is needed\n\nMaterials and training.\n\n## Expected results\n\n";

        await owner.SubmitAsync("form.stack", new Dictionary<string, string> { ["Input.Body"] = body });

        Assert.Equal(["Expected results"], owner.Page!.QuerySelectorAll("[data-testid=unfinished] li").Select(li => li.TextContent.Trim()));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Postings.Select(p => p.CurrentVersion).SingleAsync()));
        Assert.Equal(body, owner.Page.QuerySelector("#Input_Body")!.TextContent.TrimStart('\n'));

        await owner.SubmitAsync("form.stack", new FormFill { Button = "button[name=anyway]" });

        Assert.Contains("a new version is published", owner.Find("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(2, await Factory.WithDbAsync(db => db.Postings.Select(p => p.CurrentVersion).SingleAsync()));
    }

    [Fact]
    public async Task Summary_TooShortForASentence_IsRefused_WithAMessageThatSaysTheMinimum()
    {
        using var owner = await FocalPointAsync();
        await owner.OpenAsync("/Postings/New?kind=Need");
        Assert.Contains("at least 30 characters", owner.Find("#summary-hint"), StringComparison.Ordinal);
        var draft = new PostingSteps.Draft { Summary = "x" };

        await owner.SubmitAsync("form.stack", new FormFill { Values = draft.Values(), Lists = draft.Lists() });

        Assert.Equal(
            ["The summary must be at least 30 characters long: write a sentence that says what the posting is about."],
            owner.Page!.QuerySelectorAll("[data-testid=errors] li").Select(li => li.TextContent.Trim()));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Postings.CountAsync()));
    }

    [Fact]
    public async Task CountryPicker_AWholeRegionAndSeveralCountries_ComeBackChosenAfterAnError_AndAreSaved()
    {
        using var owner = await FocalPointAsync();
        await owner.OpenAsync("/Postings/New?kind=Need");
        var draft = new PostingSteps.Draft { Title = "", Countries = ["LAO", "VNM"], Regions = [nameof(Regions.Africa)] };

        await owner.SubmitAsync("form.stack", new FormFill { Values = draft.Values(), Lists = draft.Lists() });

        Assert.Equal(["Enter a title."], owner.Page!.QuerySelectorAll("[data-testid=errors] li").Select(li => li.TextContent.Trim()));
        Assert.Equal(
            ["The whole of Africa", "Lao People's Democratic Republic", "Viet Nam"],
            owner.Page.QuerySelectorAll("[data-testid=chosen] li").Select(li => li.TextContent.Trim()));
        Assert.Equal(["Africa", "LAO", "VNM"], owner.Page.QuerySelectorAll("#Input_Countries input:checked").Select(i => i.GetAttribute("value")));
        Assert.Contains("(2 chosen)", owner.Page.QuerySelectorAll("details.region summary").Single(s => s.TextContent.StartsWith("Asia", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);

        await owner.SubmitAsync("form.stack", new Dictionary<string, string> { ["Input.Title"] = "Survey of the Mekong border districts" });

        var saved = await Factory.WithDbAsync(db => db.Postings.AsNoTracking().Include(p => p.Countries).SingleAsync());
        Assert.Equal(["LAO", "VNM"], saved.Countries.Select(c => c.CountryCode).Order());
        Assert.Equal(Regions.Africa, saved.ChosenRegions);
        Assert.Equal(Regions.Africa | Regions.Asia | Regions.SouthEasternAsia, saved.Regions);
        await owner.OpenAsync($"/Postings/{saved.Id}/Edit");
        Assert.Equal(3, owner.Page.QuerySelectorAll("[data-testid=chosen] li").Length);
    }

    private async Task<Browser> FocalPointAsync()
    {
        var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO"));
        return browser;
    }
}
