using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;
using Portal.BrowserTests.Pages;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.BrowserTests;

/// <summary>
/// A State's focal point invites a colleague without the coordinator: from the home page to their people, the
/// invitation form, the e-mail through the SMTP sink, the colleague's password and first sign-in; then the pages that
/// change a role and disable an account, left with Cancel. Every page photographed at 1280 and 390 px and scanned by axe.
/// </summary>
public sealed class PeopleJourneyTests(PortalBrowserFixture app, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Journey_FocalPointInvitesAColleague_WhoSetsAPasswordAndSignsIn()
    {
        var steps = new Checkpoints(output, firstNumber: 391);
        var focal = await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "LAO");
        var email = $"souksavanh.{Guid.NewGuid():N}@mofa.gov.test";
        await using var focalContext = await app.NewContextAsync();
        var page = await focalContext.NewPageAsync();

        await page.GotoAsync("/Account/SignIn");
        await steps.AtAsync(page, "people-sign-in");
        await SignInPages.SignInAsync(page, focal.Email, focal.Password);
        await Expect(page.GetByTestId("people-card")).ToBeVisibleAsync();
        await steps.AtAsync(page, "people-home");

        await page.GetByTestId("people-card").GetByRole(AriaRole.Link, new() { Name = "Our people" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Our people", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("last-focal-point")).ToBeVisibleAsync();

        // The form sent empty once: the summary and each field say what is missing.
        await page.GetByRole(AriaRole.Link, new() { Name = "Invite a colleague" }).ClickAsync();
        await PeoplePage.SendButton(page).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter the person's full name.");
        await steps.AtAsync(page, "people-invite-errors");

        await PeoplePage.FillInvitationAsync(page, "Souksavanh Phommachanh", email, "Member");
        await PeoplePage.SendButton(page).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invitation sent", Level = 1 })).ToBeVisibleAsync();
        await steps.AtAsync(page, "people-invited");

        // The list shows the invitation waiting, with what can be done about it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Our people" }).ClickAsync();
        await Expect(PeoplePage.RowOf(page, email)).ToContainTextAsync("Invited, no password yet");
        await steps.AtAsync(page, "people-list");

        // The invitation arrives through the SMTP sink; the colleague opens it in a browser of their own.
        var mail = (await Mailbox.DeliverAndReadAsync(app.Factory, email)).Single(m => m.Subject.Contains("invitation", StringComparison.OrdinalIgnoreCase));
        await using var colleagueContext = await app.NewContextAsync();
        var colleague = await colleagueContext.NewPageAsync();
        await colleague.GotoAsync(new Uri(app.BaseAddress, Mailbox.LinkIn(mail, "/Account/Invitation?token=")).ToString());
        await Expect(colleague.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Create your password");
        await steps.AtAsync(colleague, "people-invitation");

        await InvitationPage.SetPasswordAsync(colleague, "river stone quiet lantern");
        await Expect(colleague.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is set and you are signed in.");
        var who = colleague.GetByTestId("who");
        await Expect(who).ToContainTextAsync("Souksavanh Phommachanh");
        await Expect(who).ToContainTextAsync("Lao People's Democratic Republic");
        await Expect(who).ToContainTextAsync("Member");
        await steps.AtAsync(colleague, "people-colleague-home");

        // Back in the list the colleague is active; the pages that change a role and disable an account ask first.
        await page.ReloadAsync();
        await Expect(PeoplePage.RowOf(page, email)).ToContainTextAsync("Active");
        await PeoplePage.RowOf(page, email).GetByRole(AriaRole.Link, new() { Name = "Change role of Souksavanh Phommachanh" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Which role should Souksavanh Phommachanh have?");
        await steps.AtAsync(page, "people-role");

        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await PeoplePage.RowOf(page, email).GetByRole(AriaRole.Link, new() { Name = "Disable the account of Souksavanh Phommachanh" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Are you sure you want to disable the account of Souksavanh Phommachanh?");
        await steps.AtAsync(page, "people-disable");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await Expect(PeoplePage.RowOf(page, email)).ToContainTextAsync("Active");

        steps.AssertAccessible();
    }
}
