using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;
using Portal.BrowserTests.Pages;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static Portal.Tests.Infrastructure.DocxBuilder;

namespace Portal.BrowserTests;

/// <summary>
/// A contribution that reached the editors as a Word file: the editor enters it on the State's behalf (a missing sender
/// first), the State's focal point opens the draft with the sender and the file's SHA-256, and replaces its text from
/// a revised file. Every page is photographed at 1280 and 390 pixels and scanned by axe.
/// </summary>
public sealed class ContributionImportJourneyTests(PortalBrowserFixture app, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{
    private const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [Fact]
    public async Task Journey_EditorEntersAContributionReceivedByEmail_TheStateOpensAndRevisesIt()
    {
        var steps = new Checkpoints(output, firstNumber: 301);
        var editor = await TestAccounts.CreateAsync(app.Factory, PortalRole.Member, "MEX");
        await app.Factory.WithDbAsync(db => db.Users.Where(u => u.Email == editor.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsEditor, true)));
        var focal = await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "LAO");
        var today = DateOnly.FromDateTime(app.Factory.Time.GetUtcNow().UtcDateTime);
        var call = await CatalogueSteps.CreateCallAsync(app.Factory, today.AddDays(-1), today.AddDays(20));
        var docx = Create(body => body.Append(
            Title("Clearance of cluster munition remnants in Xieng Khouang"),
            Heading(1, "Context"),
            Paragraph(Run("The province is among the most "), Run("heavily", bold: true), Run(" contaminated in the world.")),
            Paragraph(Image(body, TinyPng, alt: "Deminers at work")),
            Heading(1, "What was done"),
            Paragraph("Village volunteers mapped the suspected areas.")));

        await using var editorContext = await app.NewContextAsync();
        var desk = await editorContext.NewPageAsync();
        await desk.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(desk, editor.Email, editor.Password);
        await desk.GotoAsync($"/Catalogue/Calls/{CatalogueSteps.Id(call.Id)}");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Enter a contribution received by e-mail" }).ClickAsync();
        await steps.AtAsync(desk, "enter-on-behalf");
        await desk.GetByLabel("State", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = focal.ParticipantName });
        await desk.GetByLabel("Sender’s e-mail address").FillAsync("not an address");
        await desk.GetByLabel("Word document (.docx)").SetInputFilesAsync(new FilePayload { Name = "Contribution from Lao PDR.docx", MimeType = WordType, Buffer = docx });
        await desk.GetByRole(AriaRole.Button, new() { Name = "Enter the contribution" }).ClickAsync();
        await Expect(desk.GetByTestId("errors")).ToContainTextAsync("Enter the name of the person who sent the file.");
        await steps.AtAsync(desk, "enter-on-behalf-errors");
        await desk.GetByLabel("Sender’s name").FillAsync("Souksavanh Phommachanh");
        await desk.GetByLabel("Sender’s e-mail address").FillAsync("s.phommachanh@mofa.example.test");
        await desk.GetByLabel("Word document (.docx)").SetInputFilesAsync(new FilePayload { Name = "Contribution from Lao PDR.docx", MimeType = WordType, Buffer = docx });
        await desk.GetByRole(AriaRole.Button, new() { Name = "Enter the contribution" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Contribution entered");
        await Expect(desk.GetByTestId("focal-points-told")).ToContainTextAsync("focal point was e-mailed");
        await steps.AtAsync(desk, "entered");

        await using var focalContext = await app.NewContextAsync();
        var page = await focalContext.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(page, focal.Email, focal.Password);
        var id = await app.Factory.WithDbAsync(db => db.Contributions.Where(c => c.CallId == call.Id).Select(c => c.Id).SingleAsync());
        await page.GotoAsync($"/Catalogue/Contributions/{CatalogueSteps.Id(id)}");
        await Expect(page.GetByTestId("entered-on-behalf")).ToContainTextAsync("from a Word file sent by Souksavanh Phommachanh");
        await steps.AtAsync(page, "entered-seen-by-the-state");
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue writing" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Import the text from a Word document" }).ClickAsync();
        await steps.AtAsync(page, "import-into-draft");
        await page.GetByLabel("Word document (.docx)").SetInputFilesAsync(new FilePayload { Name = "Revised.docx", MimeType = WordType, Buffer = docx });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import the text" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("One picture was not imported");
        await steps.AtAsync(page, "imported-into-draft");

        steps.AssertAccessible();
    }

    [Fact]
    public async Task Journey_StateWithoutAccount_EditorCompletesTheDraftAndSubmitsItOnTheStatesBehalf()
    {
        var steps = new Checkpoints(output, firstNumber: 321);
        var editor = await TestAccounts.CreateAsync(app.Factory, PortalRole.Member, "ESP");
        await app.Factory.WithDbAsync(db => db.Users.Where(u => u.Email == editor.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsEditor, true)));
        var today = DateOnly.FromDateTime(app.Factory.Time.GetUtcNow().UtcDateTime);
        var call = await CatalogueSteps.CreateCallAsync(app.Factory, today.AddDays(-1), today.AddDays(20));
        var docx = Create(body => body.Append(
            Title("Clearance in Battambang province"),
            Heading(1, "Context"),
            Paragraph("The province borders Thailand and was contaminated in the 1980s."),
            Heading(1, "What was done"),
            Paragraph("Teams cleared 1,200 hectares."),
            Heading(1, "Results"),
            Paragraph("Farmland returned to use."),
            Heading(1, "Lessons learned"),
            Paragraph("Work with the communities from the start.")));

        // Cambodia has no focal point account: the editor enters its Word file, received by e-mail.
        await using var editorContext = await app.NewContextAsync();
        var desk = await editorContext.NewPageAsync();
        await desk.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(desk, editor.Email, editor.Password);
        await desk.GotoAsync($"/Catalogue/Calls/{CatalogueSteps.Id(call.Id)}");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Enter a contribution received by e-mail" }).ClickAsync();
        await desk.GetByLabel("State", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Cambodia" });
        await desk.GetByLabel("Sender’s name").FillAsync("Sokha Chea");
        await desk.GetByLabel("Sender’s e-mail address").FillAsync("s.chea@mfa.example.test");
        await desk.GetByLabel("Word document (.docx)").SetInputFilesAsync(new FilePayload { Name = "Battambang.docx", MimeType = WordType, Buffer = docx });
        await desk.GetByRole(AriaRole.Button, new() { Name = "Enter the contribution" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Contribution entered");
        await desk.GetByRole(AriaRole.Link, new() { Name = "See the draft" }).ClickAsync();
        await Expect(desk.GetByTestId("submit-on-behalf")).ToContainTextAsync("Cambodia has no focal point account on the portal");
        await steps.AtAsync(desk, "draft-without-focal-point");

        // The State's e-mail gives what the file left out; the editor completes the draft.
        await desk.GetByRole(AriaRole.Link, new() { Name = "Continue writing" }).ClickAsync();
        await Expect(desk.GetByTestId("on-behalf-hint")).ToBeVisibleAsync();
        await Expect(desk.GetByRole(AriaRole.Button, new() { Name = "Submit to the editors" })).ToHaveCountAsync(0);
        await Expect(desk.GetByRole(AriaRole.Group, new() { Name = "The State's role" })).ToBeVisibleAsync();
        await desk.GetByLabel("Article 4: clearance and destruction of remnants, risk reduction education").CheckAsync();
        await desk.GetByLabel("Recipient", new() { Exact = true }).CheckAsync();
        await desk.GetByLabel("Bilateral", new() { Exact = true }).CheckAsync();
        await desk.GetByLabel("Period of the project").FillAsync("2015–2020");
        await desk.GetByLabel("Name of author 1").FillAsync("Sokha Chea");
        await desk.GetByLabel("Function of author 1").FillAsync("Deputy director");
        await desk.GetByLabel("Organisation of author 1").FillAsync("Cambodian Mine Action Centre");
        await steps.AtAsync(desk, "editor-completes-the-draft");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Save and check the length" }).ClickAsync();
        await desk.GetByRole(AriaRole.Link, new() { Name = "submit it on the State's behalf" }).ClickAsync();

        // Cambodia asks by e-mail for the submission; the editor records that e-mail and submits.
        await Expect(desk.GetByLabel("Who sent the e-mail: name")).ToHaveValueAsync("Sokha Chea");
        await Expect(desk.GetByTestId("page-count")).ToContainTextAsync("of 10 pages");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Submit on the State's behalf" }).ClickAsync();
        await Expect(desk.GetByTestId("errors")).ToContainTextAsync("free of copyright restrictions");
        await steps.AtAsync(desk, "submit-on-behalf-errors");
        await desk.GetByLabel("The sender's e-mail states that the material is free of copyright restrictions", new() { Exact = false }).CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Submit on the State's behalf" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("is submitted on behalf of Cambodia, from the e-mail of Sokha Chea");
        await Expect(desk.GetByTestId("submitted-on-behalf")).ToContainTextAsync("Submitted on the State's behalf by Test Member, from the e-mail of Sokha Chea (s.chea@mfa.example.test)");
        await Expect(desk.GetByTestId("status")).ToHaveTextAsync("Submitted");
        await steps.AtAsync(desk, "submitted-on-behalf");

        steps.AssertAccessible();
    }
}
