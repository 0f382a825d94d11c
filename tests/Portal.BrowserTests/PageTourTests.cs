using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;
using Portal.BrowserTests.Pages;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.BrowserTests;

/// <summary>
/// The pages no other journey passes through, reached as a person reaches them, each photographed at 1280 and 390
/// pixels and scanned by axe (<see cref="Checkpoints"/>): the password and sign-in side pages, the pages that say
/// no, the list with its filters open, the participants, and a published posting's edit and replace pages.
/// </summary>
public sealed class PageTourTests(PortalBrowserFixture app, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{
    private const string NewPassword = "a long new passphrase for the tour";

    [Fact]
    public async Task Tour_PasswordResetRecoveryCodeAndRefusals_AreUsableAndAccessible()
    {
        var steps = new Checkpoints(output, firstNumber: 131);
        var member = await TestAccounts.CreateAsync(app.Factory, PortalRole.Member, "CHE");
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        // Forgotten password: the form, what it answers, the link in the e-mail, the new password.
        await page.GotoAsync("/Account/SignIn");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Reset your password");
        await steps.AtAsync(page, "forgot-password");
        await page.GetByLabel("E-mail address").FillAsync(member.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send link" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("we have sent it a link");
        await steps.AtAsync(page, "forgot-password-sent");

        var mail = (await Mailbox.DeliverAndReadAsync(app.Factory, member.Email)).Single();
        await page.GotoAsync(new Uri(app.BaseAddress, Mailbox.LinkIn(mail, "/Account/ResetPassword?token=")).ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Choose a new password");
        await steps.AtAsync(page, "reset-password");
        await InvitationPage.FillPasswordAsync(page, NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByTestId("who")).ToContainTextAsync("Test Member");
        await steps.AtAsync(page, "member-home");

        // A member opening the coordinator's pages is told no, and an address that leads nowhere says so.
        await page.GotoAsync("/Admin/Accounts");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not allowed");
        await steps.AtAsync(page, "not-allowed");
        await page.GotoAsync("/Postings/999999");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await steps.AtAsync(page, "not-found");

        // Signing out leads back to the start.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First).ToBeVisibleAsync();
        await steps.AtAsync(page, "signed-out");

        // Someone without their authenticator takes a recovery code instead.
        var coordinator = await TestAccounts.CreateAsync(app.Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        await page.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(page, coordinator.Email, coordinator.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Use a recovery code instead" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in with a recovery code");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByTestId("errors")).ToBeVisibleAsync();
        await steps.AtAsync(page, "recovery-code-errors");

        // A second request for access from the same address is not filed twice.
        await using var visitorContext = await app.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        var amal = Visitor.FromLebanon("Amal Haddad");
        for (var i = 0; i < 2; i++)
        {
            await visitor.GotoAsync("/Access/Request");
            await RequestAccessPage.SendAsync(visitor, amal, "Accredited by the Permanent Mission in Geneva.");
        }

        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your request is already with the coordinator");
        await steps.AtAsync(visitor, "already-requested");
        steps.AssertAccessible();
    }

    [Fact]
    public async Task Tour_FiltersParticipantsEditAndReplace_AreUsableAndAccessible()
    {
        var steps = new Checkpoints(output, firstNumber: 141);
        var lao = await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "LAO");
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(page, lao.Email, lao.Password);
        await page.GotoAsync("/Postings/New?kind=Need");
        await PostingForm.FillCoreAsync(page, "Mobile victim assistance teams for Xieng Khouang",
            "Lao PDR seeks support for two mobile teams bringing victim assistance to remote villages.",
            "Victim assistance (Art. 5)", "Lao People's Democratic Republic", "Victim assistance unit, va@nra.test");
        await PostingForm.Button(page, "Save draft").ClickAsync();
        await PostingForm.Button(page, "Publish").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Published");
        var posting = page.Url;

        // The list on a phone with the filters open, two of them chosen.
        await page.GotoAsync("/Postings?kind=Need&region=Asia");
        await page.Locator("details.filter-panel summary").ClickAsync();
        await Expect(page.GetByLabel("Kind")).ToBeVisibleAsync();
        await steps.AtAsync(page, "filters-open");

        await page.GotoAsync("/Participants");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Participants that have published");
        await steps.AtAsync(page, "participants");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lao People's Democratic Republic", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lao People's Democratic Republic");
        await steps.AtAsync(page, "participant-postings");

        await page.GotoAsync(posting);
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Mobile victim assistance teams for Xieng Khouang");
        await steps.AtAsync(page, "edit-published");

        await page.GotoAsync(posting);
        await page.GetByRole(AriaRole.Link, new() { Name = "Replace", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Replace");
        await steps.AtAsync(page, "replace");
        steps.AssertAccessible();
    }
}
