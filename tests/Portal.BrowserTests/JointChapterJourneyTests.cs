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
/// One chapter per project: an editor makes one chapter of a recipient's and a donor's accounts of the same project on
/// the book page, then makes the donor's a chapter of its own again. Photographed at 1280 and 390 pixels, scanned by axe.
/// </summary>
public sealed class JointChapterJourneyTests(PortalBrowserFixture app, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{
    private const string Recipient = "Clearance of the Plain of Jars";
    private const string Donor = "Spain's support to the clearance of the Plain of Jars";

    [Fact]
    public async Task Journey_EditorJoinsTwoAccountsOfOneProject_ThenSeparatesThem()
    {
        var steps = new Checkpoints(output, firstNumber: 241);
        var editor = await TestAccounts.CreateAsync(app.Factory, PortalRole.Member, "MEX");
        await app.Factory.WithDbAsync(db => db.Users.Where(u => u.Email == editor.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsEditor, true)));
        var today = DateOnly.FromDateTime(app.Factory.Time.GetUtcNow().UtcDateTime);
        var call = await CatalogueSteps.CreateCallAsync(app.Factory, today.AddDays(-1), today.AddDays(20));
        var lao = await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "LAO");
        var spain = await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "ESP");
        await CatalogueSteps.CreateContributionAsync(app.Factory, call, lao, ContributionStatus.Accepted, Recipient);
        await CatalogueSteps.CreateContributionAsync(app.Factory, call, spain, ContributionStatus.Accepted, Donor);

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(page, editor.Email, editor.Password);
        await page.GotoAsync($"/Catalogue/Calls/{call.Id}/Book");
        await Expect(page.GetByTestId("chapter-row")).ToHaveCountAsync(2);

        // Nothing chosen: the error summary says what to do.
        await page.GetByRole(AriaRole.Button, new() { Name = "Make one chapter" }).ClickAsync();
        await Expect(page.GetByTestId("errors")).ToContainTextAsync("Choose the chapter that keeps its title.");
        await steps.AtAsync(page, "join-errors");

        await page.GetByLabel("Chapter that keeps its title").SelectOptionAsync(new SelectOptionValue { Label = $"{Recipient} (Lao People's Democratic Republic)" });
        await page.GetByLabel("Contribution to show in it").SelectOptionAsync(new SelectOptionValue { Label = $"{Donor} (Spain)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Make one chapter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"“{Donor}” is now part of the chapter “{Recipient}”.");
        await Expect(page.GetByTestId("chapter-row")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("joined")).ToContainTextAsync(Donor);
        await Expect(page.Locator("p.lead")).ToContainTextAsync("2 accepted contributions, all in 1 chapter.");
        await steps.AtAsync(page, "joint-chapter");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Make it a chapter of its own “{Donor}”" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"“{Donor}” is a chapter of its own again");
        await Expect(page.GetByTestId("chapter-row")).ToHaveCountAsync(2);
        await steps.AtAsync(page, "separated");

        steps.AssertAccessible();
    }
}
