using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;
using Portal.BrowserTests.Pages;
using Portal.Data;
using Portal.Features.WordImport;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.BrowserTests;

/// <summary>A focal point of Lao PDR publishes a need with a Word attachment; a Swiss member finds it and downloads it.</summary>
public sealed class NeedJourneyTests(PortalBrowserFixture app, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Journey_FocalPointPublishesANeed_DonorMemberFindsItAndDownloadsTheAttachment()
    {
        var steps = new Checkpoints(output, firstNumber: 71);
        var focal = await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "LAO");
        var donor = await TestAccounts.CreateAsync(app.Factory, PortalRole.Member, "CHE");
        await using var laoBrowser = await app.NewContextAsync();
        var lao = await laoBrowser.NewPageAsync();
        await lao.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(lao, focal.Email, focal.Password);

        await lao.GetByRole(AriaRole.Link, new() { Name = "New posting" }).First.ClickAsync();
        await steps.AtAsync(lao, "posting-kinds");
        await lao.GetByRole(AriaRole.Link, new() { Name = "New need" }).ClickAsync();
        await Expect(lao.GetByLabel("Text", new() { Exact = true })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^## "));
        await steps.AtAsync(lao, "need-form");

        await PostingForm.Button(lao, "Save draft").ClickAsync();
        await Expect(lao.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter a title.");
        await steps.AtAsync(lao, "need-form-errors");

        await PostingForm.FillCoreAsync(lao, "Mobile victim assistance teams for Xieng Khouang",
            "Lao PDR seeks support for two mobile teams bringing victim assistance and physiotherapy to remote villages.",
            "Victim assistance (Art. 5)", "Lao People's Democratic Republic", "Victim assistance unit, va@nra.test");
        await lao.GetByLabel("Text", new() { Exact = true }).FillAsync(
            "## What is needed\n\nTwo mobile teams for three years.\n\n| Item | USD |\n|:--|--:|\n| Vehicles and equipment | 120,000 |\n| Staff | 360,000 |\n");
        await lao.GetByLabel("Indicative budget").FillAsync("480,000");
        await lao.GetByLabel("Currency").SelectOptionAsync("USD");
        await lao.GetByLabel("States and observers").CheckAsync();
        await PostingForm.Button(lao, "Save draft").ClickAsync();
        await Expect(lao.GetByRole(AriaRole.Status)).ToContainTextAsync("Draft saved");
        await steps.AtAsync(lao, "need-draft");

        await lao.GetByRole(AriaRole.Link, new() { Name = "Attachments" }).ClickAsync();
        await PostingForm.AttachAsync(lao, "Costed plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", SampleFiles.Docx("Costed plan"));
        await Expect(lao.GetByRole(AriaRole.Link, new() { Name = "Costed plan.docx", Exact = true })).ToBeVisibleAsync();
        await steps.AtAsync(lao, "need-attachments");
        await lao.GetByRole(AriaRole.Link, new() { Name = "Back to the posting" }).ClickAsync();
        await PostingForm.Button(lao, "Publish").ClickAsync();
        await Expect(lao.GetByRole(AriaRole.Status)).ToContainTextAsync("Published");
        await Expect(lao.GetByTestId("fingerprint")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
        await steps.AtAsync(lao, "need-published");

        await using var swissBrowser = await app.NewContextAsync();
        var swiss = await swissBrowser.NewPageAsync();
        await swiss.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(swiss, donor.Email, donor.Password);
        await swiss.GetByLabel("Search postings").FillAsync("victim assistance");
        await swiss.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        // The filters are folded away under the search box; opened, they narrow the search.
        await swiss.GetByText("Filter and sort", new() { Exact = true }).ClickAsync();
        await swiss.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Needs" });
        await swiss.GetByLabel("Region").SelectOptionAsync(new SelectOptionValue { Label = "Asia" });
        await swiss.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(swiss.GetByTestId("result-count")).ToHaveTextAsync("1 posting matches");
        await Expect(swiss.GetByTestId("filters").Locator("summary")).ToHaveTextAsync("Filter and sort: 2 filters apply");
        Assert.Contains("q=victim+assistance", swiss.Url, StringComparison.Ordinal);
        Assert.Contains("region=Asia", swiss.Url, StringComparison.Ordinal);
        await steps.AtAsync(swiss, "search-results");

        await swiss.GetByRole(AriaRole.Link, new() { Name = "Mobile victim assistance teams for Xieng Khouang" }).ClickAsync();
        await Expect(swiss.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mobile victim assistance teams for Xieng Khouang");
        // The column alignment gets through the Content-Security-Policy: a class the stylesheet styles, not an inline style.
        await Expect(swiss.Locator(".markdown td", new() { HasText = "120,000" })).ToHaveCSSAsync("text-align", "right");
        await Expect(swiss.GetByRole(AriaRole.Link, new() { Name = "va@nra.test" })).ToHaveAttributeAsync("href", "mailto:va@nra.test");
        await steps.AtAsync(swiss, "need-as-donor");
        var download = await swiss.RunAndWaitForDownloadAsync(() => swiss.GetByRole(AriaRole.Link, new() { Name = "Costed plan.docx", Exact = true }).ClickAsync());
        Assert.Equal("Costed plan.docx", download.SuggestedFilename);

        steps.AssertAccessible();
    }
}

/// <summary>The coordinator receives a State's Word file and publishes it on the State's behalf, word for word.</summary>
public sealed class WordImportJourneyTests(PortalBrowserFixture app, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Journey_CoordinatorImportsAWordFileOnBehalfOfAState()
    {
        var steps = new Checkpoints(output, firstNumber: 81);
        var coordinator = await TestAccounts.CreateAsync(app.Factory, PortalRole.Coordinator, "isu", twoFactor: true);
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(page, coordinator.Email, coordinator.Password);
        await SignInPages.AnswerSecondStepAsync(page, TestAccounts.CurrentCode(app.Factory, coordinator.AuthenticatorKey!));

        await page.GotoAsync("/Postings/Mine");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import a Word document" }).ClickAsync();
        await steps.AtAsync(page, "import-form");
        // The template a State may fill in instead of writing its own document.
        var template = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Word template for a need" }).ClickAsync());
        Assert.Equal("portal-need-template.docx", template.SuggestedFilename);
        await page.GetByLabel("a need").CheckAsync();
        await page.GetByLabel("Publish for").SelectOptionAsync(new SelectOptionValue { Label = "Lao People's Democratic Republic" });
        var file = new FilePayload
        {
            Name = "Need from Lao PDR.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = WithPendingInsertion(DocxBuilder.SampleNeed(), " (as revised by the Ministry)"),
        };
        await page.GetByLabel("Word document (.docx)").SetInputFilesAsync(file);
        await PostingForm.Button(page, "Import").ClickAsync();

        // A change nobody accepted is the State's to settle: the page says so and waits for the coordinator's choice.
        await Expect(page.GetByTestId("errors")).ToContainTextAsync("still holds 1 tracked insertion that nobody has accepted");
        await steps.AtAsync(page, "import-pending-change");
        await page.GetByLabel(WordUpload.AcceptChangesLabel).CheckAsync();
        await page.GetByLabel("Word document (.docx)").SetInputFilesAsync(file);
        await PostingForm.Button(page, "Import").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported as a draft");
        await Expect(page.GetByTestId("import-report")).ToContainTextAsync("1 tracked insertion");
        await Expect(page.GetByTestId("import-report")).ToContainTextAsync("it was imported as if every change were accepted");
        // The summary and contact point are the document's words: the coordinator only classifies.
        await Expect(page.GetByTestId("from-document")).ToContainTextAsync("Xieng Khouang is among the provinces most affected");
        await Expect(page.GetByTestId("from-document")).ToContainTextAsync("the Permanent Mission in Geneva.");
        await steps.AtAsync(page, "import-classify");

        await page.GetByLabel("Victim assistance (Art. 5)").CheckAsync();
        await PostingForm.ChooseCountryAsync(page, "Lao People's Democratic Republic");
        await PostingForm.Button(page, "Save draft").ClickAsync();
        await steps.AtAsync(page, "import-draft");
        await PostingForm.Button(page, "Publish").ClickAsync();
        // Published on the State's behalf: the publish step asks who sent the text, who is then kept informed.
        await page.GetByLabel("Sender’s e-mail address").FillAsync("desk@mission-lao.example.test");
        await PostingForm.Button(page, "Publish").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Published");
        await Expect(page.Locator("footer.provenance")).ToContainTextAsync("published by the coordinator on behalf of Lao People's Democratic Republic");
        await Expect(page.Locator(".markdown table")).ToBeVisibleAsync();
        await Expect(page.Locator(".markdown img")).ToBeVisibleAsync();
        await steps.AtAsync(page, "import-published");

        await page.GetByRole(AriaRole.Link, new() { Name = "Version history and fingerprints" }).ClickAsync();
        await steps.AtAsync(page, "import-versions");

        steps.AssertAccessible();
    }

    /// <summary>The document with a tracked insertion at the end of its last paragraph, as Word writes one.</summary>
    private static byte[] WithPendingInsertion(byte[] docx, string text)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Last().Append(
                new InsertedRun(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { Id = "1", Author = "Ministry", Date = new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc) });
        }

        return stream.ToArray();
    }
}

/// <summary>Months later the reminder arrives; the owner follows its link, signs in and renews in one click.</summary>
public sealed class RenewJourneyTests(PortalBrowserFixture app, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Journey_RenewFromTheReminderLink()
    {
        var steps = new Checkpoints(output, firstNumber: 91);
        var focal = await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "LBN");
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(page, focal.Email, focal.Password);
        await page.GotoAsync("/Postings/New?kind=Offer");
        await PostingForm.FillCoreAsync(page, "Training in non-technical survey for regional operators",
            "Lebanon offers places in its non-technical survey course to operators from the region.",
            "Clearance and risk reduction education (Art. 4)", "Lebanon", "Training cell, training@lmac.test");
        await PostingForm.Button(page, "Save draft").ClickAsync();
        await PostingForm.Button(page, "Publish").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Published");

        // Eleven months later: the 30-day reminder.
        app.Factory.Time.Advance(TimeSpan.FromDays(340));
        await app.Factory.RunLifecycleAsync();
        var mails = await Mailbox.DeliverAndReadAsync(app.Factory, focal.Email);
        var reminder = Assert.Single(mails, m => m.Subject.StartsWith("Your offer expires on", StringComparison.Ordinal));
        var link = Mailbox.LinkIn(reminder, "/Postings/");

        // The session of eleven months ago is long over: the link asks for sign-in, then leads to the button.
        await page.GotoAsync(link);
        await steps.AtAsync(page, "renew-entry");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await SignInPages.SignInAsync(page, focal.Email, focal.Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Renew");
        await steps.AtAsync(page, "renew-confirm");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Renew until") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Renewed: valid until");
        await steps.AtAsync(page, "renewed");

        steps.AssertAccessible();
    }
}
