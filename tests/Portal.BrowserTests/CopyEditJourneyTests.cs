using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;
using Portal.BrowserTests.Pages;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.BrowserTests;

/// <summary>
/// "Edited and published": an editor copy-edits an accepted contribution, the State's focal point reads the changes
/// line by line and signs them off, and both read the versions. Every page is photographed at 1280 and 390 pixels and
/// scanned by axe.
/// </summary>
public sealed class CopyEditJourneyTests(PortalBrowserFixture app, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Journey_EditorCopyEdits_StateSignsOff_VersionsShowTheChanges()
    {
        var steps = new Checkpoints(output, firstNumber: 221);
        var editor = await TestAccounts.CreateAsync(app.Factory, PortalRole.Member, "MEX");
        await app.Factory.WithDbAsync(db => db.Users.Where(u => u.Email == editor.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsEditor, true)));
        var focal = await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "LAO");
        var today = DateOnly.FromDateTime(app.Factory.Time.GetUtcNow().UtcDateTime);
        var call = await CatalogueSteps.CreateCallAsync(app.Factory, today.AddDays(-1), today.AddDays(20));
        var id = (await CatalogueSteps.CreateContributionAsync(app.Factory, call, focal, ContributionStatus.Submitted)).Id;

        // The editor accepts the contribution, then copy-edits it.
        await using var editorContext = await app.NewContextAsync();
        var desk = await editorContext.NewPageAsync();
        await desk.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(desk, editor.Email, editor.Password);
        await desk.GotoAsync($"/Catalogue/Contributions/{id}");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await desk.GetByRole(AriaRole.Link, new() { Name = "Copy-edit" }).ClickAsync();
        await desk.GetByLabel("Note to the State").FillAsync("");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Propose the changes to the State" }).ClickAsync();
        await Expect(desk.GetByTestId("errors")).ToContainTextAsync("Say what you changed and why");
        await steps.AtAsync(desk, "copy-edit-errors");
        var text = desk.GetByLabel("Text", new() { Exact = true });
        await text.FillAsync((await text.InputValueAsync()).Replace("Teams cleared 1,200 hectares.", "Teams cleared 1,250 hectares of farmland.", StringComparison.Ordinal));
        await desk.GetByLabel("Testimonial 1, the words of Bounmy").FillAsync("Our children walk to school across the fields again.");
        await desk.GetByLabel("Note to the State").FillAsync("The area as the final report gives it, and one word of the testimonial.");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Propose the changes to the State" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("Your changes are proposed");
        await Expect(desk.GetByTestId("pending-sign-off")).ToBeVisibleAsync();
        await steps.AtAsync(desk, "copy-edit-proposed");

        // The focal point sees the notice, reads the changes and signs them off.
        await using var focalContext = await app.NewContextAsync();
        var page = await focalContext.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(page, focal.Email, focal.Password);
        await page.GotoAsync($"/Catalogue/Contributions/{id}");
        await steps.AtAsync(page, "contribution-with-proposal");
        await page.GetByRole(AriaRole.Link, new() { Name = "see them and sign off" }).ClickAsync();
        await Expect(page.GetByTestId("diff").Locator("ins mark").First).ToHaveTextAsync("250");
        await steps.AtAsync(page, "sign-off");
        await page.GetByRole(AriaRole.Button, new() { Name = "Decline the changes" }).ClickAsync();
        await Expect(page.GetByTestId("errors")).ToContainTextAsync("Say why your State declines the changes");
        await steps.AtAsync(page, "sign-off-errors");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign off these changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The changes are signed off");
        await Expect(page.GetByTestId("chapter")).ToContainTextAsync("1,250 hectares of farmland");
        await page.GetByRole(AriaRole.Link, new() { Name = "Versions" }).ClickAsync();
        await Expect(page.GetByTestId("version-row")).ToHaveCountAsync(2);
        await steps.AtAsync(page, "versions");

        steps.AssertAccessible();
    }

    [Fact]
    public async Task Journey_StateWithoutAccount_EditorRecordsItsAnswerReceivedByEmail()
    {
        var steps = new Checkpoints(output, firstNumber: 241);
        var editor = await TestAccounts.CreateAsync(app.Factory, PortalRole.Member, "MEX");
        await app.Factory.WithDbAsync(db => db.Users.Where(u => u.Email == editor.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsEditor, true)));
        var today = DateOnly.FromDateTime(app.Factory.Time.GetUtcNow().UtcDateTime);
        var call = await CatalogueSteps.CreateCallAsync(app.Factory, today.AddDays(-1), today.AddDays(20));
        // Accepted, of a State without any account: entered by the editor from a file that Sokha Chea sent by e-mail.
        var id = await app.Factory.WithDbAsync(async db =>
        {
            var editorId = await db.Users.Where(u => u.Email == editor.Email).Select(u => u.Id).SingleAsync();
            var contribution = new Contribution
            {
                CallId = call.Id,
                ParticipantId = await db.Participants.Where(p => p.Code == "KHM").Select(p => p.Id).SingleAsync(),
                Title = "Clearance in Battambang province",
                Body = CatalogueSteps.CompleteFields()["Input.Body"],
                Status = ContributionStatus.Accepted,
                ChapterGroup = "Article 4",
                CreatedBy = editorId,
                EnteredOnBehalfBy = editorId,
                ReceivedFromName = "Sokha Chea",
                ReceivedFromEmail = "s.chea@mfa.example.test",
                ImportedFileName = "battambang.docx",
                ImportedFileSha256 = new string('a', 64),
                Authors = [new ContributionAuthor { Position = 0, Name = "Ana Silva" }],
            };
            db.Contributions.Add(contribution);
            await db.SaveChangesAsync();
            return contribution.Id;
        });

        await using var editorContext = await app.NewContextAsync();
        var desk = await editorContext.NewPageAsync();
        await desk.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(desk, editor.Email, editor.Password);
        await desk.GotoAsync($"/Catalogue/Contributions/{id}/CopyEdit");
        await Expect(desk.GetByTestId("no-focal-point")).ToContainTextAsync("Sokha Chea");
        var text = desk.GetByLabel("Text", new() { Exact = true });
        await text.FillAsync((await text.InputValueAsync()).Replace("Teams cleared 1,200 hectares.", "Teams cleared 1,250 hectares of farmland.", StringComparison.Ordinal));
        await desk.GetByLabel("Note to the State").FillAsync("The area as the final report gives it.");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Propose the changes to the State" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("so your changes were e-mailed");
        await steps.AtAsync(desk, "proposed-to-sender");

        await desk.GetByRole(AriaRole.Link, new() { Name = "Record the State's answer received by e-mail" }).ClickAsync();
        await Expect(desk.GetByLabel("Who answered: name")).ToHaveValueAsync("Sokha Chea");
        await desk.GetByLabel("It declines them").CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Record the answer" }).ClickAsync();
        await Expect(desk.GetByTestId("errors")).ToContainTextAsync("Give the State's reason for declining the changes");
        await steps.AtAsync(desk, "record-answer-errors");
        await desk.GetByLabel("It signs the changes off").CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Record the answer" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("You recorded that Cambodia signed the changes off by e-mail.");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Versions" }).ClickAsync();
        await Expect(desk.GetByTestId("recorded-sign-off")).ToHaveTextAsync("Signed off by e-mail from Sokha Chea (s.chea@mfa.example.test), recorded by Test Member");
        await steps.AtAsync(desk, "versions-recorded-sign-off");

        steps.AssertAccessible();
    }
}
