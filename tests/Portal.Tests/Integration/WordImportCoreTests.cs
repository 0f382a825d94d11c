using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.DocxBuilder;

namespace Portal.Tests.Integration;

/// <summary>
/// A State's Word document fills the posting's core in its own words: the coordinator who imports it only chooses
/// where it belongs, and never writes prose on the State's behalf.
/// </summary>
public sealed class WordImportCoreTests : PortalTest
{
    [Fact]
    public async Task Import_DocumentWithTheTemplateHeadings_FillsSummaryContactAndAreasFromThem()
    {
        using var isu = await CoordinatorAsync();
        var docx = Create(body => body.Append(
            Title("Physical rehabilitation in Xieng Khouang"),
            Heading(1, "Summary"),
            Paragraph("Lao PDR seeks partners to extend physical rehabilitation to three districts."),
            Heading(1, "CCM areas"),
            ListItem(BulletList, 0, "Victim assistance (Art. 5)"),
            ListItem(BulletList, 0, "Capacity building"),
            Heading(1, "Countries concerned"),
            Paragraph("Lao People's Democratic Republic"),
            Heading(1, "Context and obligation concerned"),
            Paragraph("Over 300 survivors live in the three districts concerned."),
            Heading(1, "Contact and next steps"),
            Paragraph("National Regulatory Authority, victim assistance unit"),
            Paragraph("va@nra.test")));

        var id = await ImportAsync(isu, docx, "Need");

        Assert.Contains("Imported as a draft", isu.Find("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(["VictimAssistance", "CapacityBuilding"], Checked(isu, "Input.Areas"));
        Assert.Equal(["LAO"], Checked(isu, "Input.Countries"));
        Assert.Contains("Lao PDR seeks partners to extend physical rehabilitation to three districts.", isu.Find("#Input_Summary"), StringComparison.Ordinal);
        Assert.Contains("From the document, word for word.", isu.Find("#Input_Summary"), StringComparison.Ordinal);
        var posting = await PostingAsync(id);
        Assert.Equal("Physical rehabilitation in Xieng Khouang", posting.Title);
        Assert.Equal("Lao PDR seeks partners to extend physical rehabilitation to three districts.", posting.Summary);
        Assert.Equal("National Regulatory Authority, victim assistance unit\nva@nra.test", posting.ContactPoint);
        Assert.Equal(CcmAreas.VictimAssistance | CcmAreas.CapacityBuilding, posting.Areas);
        Assert.Equal(["LAO"], posting.Countries.Select(c => c.CountryCode));
        Assert.Equal(ImportedParts.Text | ImportedParts.Title | ImportedParts.Summary | ImportedParts.ContactPoint, posting.FromDocument);
        // The body stays the whole document: what the core took from it is still there, where the State put it.
        Assert.Equal(
            "# Summary\n\nLao PDR seeks partners to extend physical rehabilitation to three districts.\n\n# CCM areas\n\n"
            + "- Victim assistance (Art. 5)\n- Capacity building\n\n# Countries concerned\n\nLao People's Democratic Republic\n\n"
            + "# Context and obligation concerned\n\nOver 300 survivors live in the three districts concerned.\n\n"
            + "# Contact and next steps\n\nNational Regulatory Authority, victim assistance unit\n\nva@nra.test\n",
            posting.Body);
    }

    [Fact]
    public async Task Import_DocumentWithAKeyValueFirstTable_FillsTheCoreFromItsRows_AndLeavesOutWhatThePortalDoesNotKnow()
    {
        using var isu = await CoordinatorAsync();
        var validUntil = DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime.AddDays(400));
        var docx = Create(body => body.Append(
            Table(
                ["Title", "Risk education for returnees"],
                ["Summary", "Training for risk education teams working with people returning to contaminated areas."],
                ["CCM areas", "Clearance and risk reduction education (Art. 4); Art. 21; Demining robots"],
                ["Type of assistance", "Training, Technical assistance, Goodwill"],
                ["Countries", "Cote d’Ivoire, COLOMBIA, Atlantis, Africa"],
                ["Indicative budget", "USD 250,000"],
                ["Period", "2027–2028"],
                ["Who may read it", "States and observers"],
                ["Valid until", validUntil.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)],
                ["Contact point", "Training unit, training@mac.test"]),
            Heading(1, "What is offered"),
            Paragraph("Two-week courses for up to twelve people, with a refresher six months later.")));

        var id = await ImportAsync(isu, docx, "Offer");

        Assert.Equal(["ClearanceAndRiskEducation", "Universalization"], Checked(isu, "Input.Areas"));
        Assert.Equal(["Technical", "Training"], Checked(isu, "Input.AssistanceTypes"));
        Assert.Equal(["Africa", "CIV", "COL"], Checked(isu, "Input.Regions", "Input.Countries"));
        Assert.Equal("StatesAndObservers", Checked(isu, "Input.Visibility").Single());
        var posting = await PostingAsync(id);
        Assert.Equal(
            ("Risk education for returnees", "Training for risk education teams working with people returning to contaminated areas.",
                "Training unit, training@mac.test", "2027–2028"),
            (posting.Title, posting.Summary, posting.ContactPoint, posting.Period));
        Assert.Equal(CcmAreas.ClearanceAndRiskEducation | CcmAreas.Universalization, posting.Areas);
        Assert.Equal(AssistanceTypes.Training | AssistanceTypes.Technical, posting.AssistanceTypes);
        Assert.Equal(["CIV", "COL"], posting.Countries.Select(c => c.CountryCode).Order(StringComparer.Ordinal));
        Assert.Equal(Regions.Africa, posting.ChosenRegions);
        Assert.Equal((250_000m, "USD"), (posting.Budget, posting.Currency));
        Assert.Equal(Visibility.StatesAndObservers, posting.Visibility);
        Assert.Equal(validUntil, DateOnly.FromDateTime(posting.ValidUntil.UtcDateTime));
        Assert.StartsWith("| Title | Risk education for returnees |", posting.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_PlainDocument_TakesItsFirstParagraphAsTheSummaryVerbatim_EvenAShortOne_AndPublishesWithoutTypedProse()
    {
        using var isu = await CoordinatorAsync();
        var docx = Create(body => body.Append(
            Paragraph("Mine action."),
            Paragraph("The province asks for help to survey the land around six villages before the rainy season.")));

        var id = await ImportAsync(isu, docx, "Need");

        Assert.Contains("None: the document names no contact point", isu.Find("#Input_ContactPoint"), StringComparison.Ordinal);
        // Only the classification is chosen; no summary, contact point or other words are typed.
        await isu.SubmitAsync("form.stack", new FormFill
        {
            Lists = new Dictionary<string, string[]> { ["Input.Areas"] = ["ClearanceAndRiskEducation"], ["Input.Countries"] = ["LAO"] },
        });
        Assert.Equal($"/Postings/{id}", isu.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Draft saved. Check it as readers will see it, then publish it.", isu.Find("[role=status]"));
        await isu.SubmitAsync("form[action*='handler=Publish']");
        await isu.AnswerSenderStepAsync("desk@mission-lao.example.test");

        Assert.Equal("Published. Everyone it is open to can now find it.", isu.Find("[role=status]"));
        Assert.Equal("Mine action.", isu.Find("p.lead"));
        Assert.Null(isu.Page!.QuerySelector("[data-testid=contact-point]"));
        var posting = await PostingAsync(id);
        Assert.Equal((PostingStatus.Published, 1), (posting.Status, posting.CurrentVersion));
        Assert.Equal(("Mine action.", "", "Document from Lao PDR"), (posting.Summary, posting.ContactPoint, posting.Title));
    }

    [Fact]
    public async Task EditFormAfterImport_SavesTheDocumentsShortSummary_ButASummaryTypedInTheFormStillNeedsThirtyCharacters()
    {
        using var isu = await CoordinatorAsync();
        var id = await ImportAsync(isu, Create(body => body.Append(Paragraph("Mine action."), Paragraph("Contact: the Permanent Mission in Geneva."))), "Need");
        var classification = new Dictionary<string, string[]> { ["Input.Areas"] = ["VictimAssistance"], ["Input.Countries"] = ["LAO"] };

        await isu.OpenAsync($"/Postings/{id}/Edit");
        Assert.Contains("Taken from the document, in its own words", isu.Find("#summary-hint"), StringComparison.Ordinal);
        await isu.SubmitAsync("form.stack", new FormFill { Lists = classification });
        Assert.Equal("Draft saved.", isu.Find("[role=status]"));

        await isu.OpenAsync($"/Postings/{id}/Edit");
        await isu.SubmitAsync("form.stack", new FormFill { Values = new Dictionary<string, string> { ["Input.Summary"] = "Mine action!" } });
        Assert.Equal(
            ["The summary must be at least 30 characters long: write a sentence that says what the posting is about."],
            isu.Page!.QuerySelectorAll("[data-testid=errors] li").Select(li => li.TextContent.Trim()));
        Assert.Equal("Mine action.", (await PostingAsync(id)).Summary);

        var typed = "Clearance of the land around six villages in the province.";
        await isu.SubmitAsync("form.stack", new FormFill { Values = new Dictionary<string, string> { ["Input.Summary"] = typed } });
        var posting = await PostingAsync(id);
        Assert.Equal(typed, posting.Summary);
        Assert.Equal("the Permanent Mission in Geneva.", posting.ContactPoint);
        Assert.Equal(ImportedParts.Text | ImportedParts.ContactPoint, posting.FromDocument);
    }

    [Fact]
    public async Task Template_DownloadedFilledInAndImported_FillsEveryFieldOfTheForm_ButIsNoOnesWithoutSigningIn()
    {
        using (var anonymous = new Browser(Factory))
        {
            var refused = await anonymous.GetAsync("/Postings/Template/need.docx");
            Assert.StartsWith("/Entry", Browser.RedirectPath(refused), StringComparison.Ordinal);
        }

        using var isu = await CoordinatorAsync();
        await isu.OpenAsync("/Postings/Import");
        var link = isu.Page!.QuerySelector("[data-testid=templates] a[href$='/need.docx']")!;
        Assert.Equal("Word template for a need", link.TextContent.Trim());
        var response = await isu.GetAsync(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("portal-need-template.docx", response.Content.Headers.ContentDisposition?.FileName);
        var validUntil = DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime.AddDays(400));
        var docx = FilledTemplate.Fill(
            await response.Content.ReadAsByteArrayAsync(),
            new Dictionary<string, string>
            {
                ["Title"] = "Survey of the northern districts",
                ["Summary"] = "Lao PDR seeks two survey teams to map the contamination around six villages.",
                ["CCM areas"] = "Clearance and risk reduction education (Art. 4), Information management",
                ["Type of assistance"] = "Technical, Equipment",
                ["Countries and regions concerned"] = "Lao People's Democratic Republic, South-East Asia",
                ["Indicative budget"] = "EUR 480,000",
                ["Period"] = "2027–2028",
                ["Contact point"] = "National Regulatory Authority\nsurvey@nra.test",
                ["Who may read it"] = "States and observers",
                ["Valid until"] = validUntil.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            },
            new Dictionary<string, string> { ["What is needed"] = "Two survey teams for six months, with vehicles." });

        var id = await ImportAsync(isu, docx, "Need");

        Assert.Equal(["ClearanceAndRiskEducation", "InformationManagement"], Checked(isu, "Input.Areas"));
        Assert.Equal(["Technical", "Equipment"], Checked(isu, "Input.AssistanceTypes"));
        Assert.Equal(["SouthEasternAsia", "LAO"], Checked(isu, "Input.Regions", "Input.Countries"));
        Assert.Equal("StatesAndObservers", Checked(isu, "Input.Visibility").Single());
        var posting = await PostingAsync(id);
        Assert.Equal(
            ("Survey of the northern districts", "Lao PDR seeks two survey teams to map the contamination around six villages.",
                "National Regulatory Authority\nsurvey@nra.test", "2027–2028"),
            (posting.Title, posting.Summary, posting.ContactPoint, posting.Period));
        Assert.Equal(CcmAreas.ClearanceAndRiskEducation | CcmAreas.InformationManagement, posting.Areas);
        Assert.Equal(AssistanceTypes.Technical | AssistanceTypes.Equipment, posting.AssistanceTypes);
        Assert.Equal(["LAO"], posting.Countries.Select(c => c.CountryCode));
        Assert.Equal(Regions.SouthEasternAsia, posting.ChosenRegions);
        Assert.Equal((480_000m, "EUR"), (posting.Budget, posting.Currency));
        Assert.Equal(Visibility.StatesAndObservers, posting.Visibility);
        Assert.Equal(validUntil, DateOnly.FromDateTime(posting.ValidUntil.UtcDateTime));
        Assert.Equal(ImportedParts.Text | ImportedParts.Title | ImportedParts.Summary | ImportedParts.ContactPoint | ImportedParts.Period, posting.FromDocument);
        // The text keeps the table and the headings; the guidance the State left in is not its words.
        Assert.StartsWith("| Title | Survey of the northern districts |\n", posting.Body, StringComparison.Ordinal);
        Assert.Contains("## What is needed\n\nTwo survey teams for six months, with vehicles.\n\n## What is already in place\n", posting.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("List the suggested projects", posting.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("template", posting.Body, StringComparison.Ordinal);
    }

    private async Task<Browser> CoordinatorAsync()
    {
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu", twoFactor: true);
        var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, coordinator);
        return browser;
    }

    /// <summary>Imports the document for Lao PDR; returns the draft's id (the browser is on the page it lands on).</summary>
    private static async Task<int> ImportAsync(Browser browser, byte[] docx, string kind)
    {
        await browser.OpenAsync("/Postings/Import");
        await browser.SubmitAsync("form.stack", new FormFill
        {
            Values = new Dictionary<string, string> { ["Input.Kind"] = kind, ["Input.Participant"] = "LAO" },
            Files = new Dictionary<string, (string, byte[])> { ["Input.Document"] = ("Document from Lao PDR.docx", docx) },
        });
        var path = browser.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.True(path.StartsWith("/Postings/", StringComparison.Ordinal) && path.EndsWith("/Classify", StringComparison.Ordinal),
            $"The import did not lead to the page that classifies it but to {path}: {browser.Find("[data-testid=errors]")}");
        return int.Parse(path["/Postings/".Length..^"/Classify".Length], CultureInfo.InvariantCulture);
    }

    private Task<Posting> PostingAsync(int id) =>
        Factory.WithDbAsync(db => db.Postings.AsNoTracking().Include(p => p.Countries).SingleAsync(p => p.Id == id));

    private static string[] Checked(Browser browser, params string[] names) =>
        [.. browser.Page!.QuerySelectorAll("form.stack input:checked")
            .Where(i => names.Contains(i.GetAttribute("name")))
            .Select(i => i.GetAttribute("value")!)];
}
