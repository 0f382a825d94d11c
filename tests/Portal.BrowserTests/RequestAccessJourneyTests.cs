using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;
using Portal.BrowserTests.Pages;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.BrowserTests;

/// <summary>
/// A new delegate asks for access, the coordinator invites them, they set a password from the e-mail and sign in:
/// the whole path in Chromium, with a screenshot and an axe check on every page.
/// </summary>
public sealed class RequestAccessJourneyTests(PortalBrowserFixture app, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{
    private const string NewPassword = "cedar valley morning walk";

    [Fact]
    public async Task Journey_RequestAccess_ApprovedByCoordinator_SignsInAsFocalPoint()
    {
        var steps = new Checkpoints(output, firstNumber: 1);
        var amina = Visitor.FromLebanon("Amina Diallo");
        await using var visitorBrowser = await app.NewContextAsync();
        var visitor = await visitorBrowser.NewPageAsync();

        // The front door, then the request form: sent empty once, then filled in.
        await visitor.GotoAsync("/");
        await Expect(visitor).ToHaveURLAsync(new Regex("/Entry"));
        await steps.AtAsync(visitor, "entry");

        await visitor.GetByRole(AriaRole.Link, new() { Name = "Request access" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Request access", Level = 1 })).ToBeVisibleAsync();
        await steps.AtAsync(visitor, "request-form");

        await RequestAccessPage.SendButton(visitor).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter your full name.");
        await steps.AtAsync(visitor, "request-form-errors");

        await RequestAccessPage.SendAsync(visitor, amina, "Accredited by the Permanent Mission in Geneva.");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("your request has been sent");
        await steps.AtAsync(visitor, "request-sent");

        // The coordinator signs in with the second factor and invites her as focal point.
        var coordinator = await TestAccounts.CreateAsync(app.Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        await using var isuBrowser = await app.NewContextAsync();
        var isu = await isuBrowser.NewPageAsync();
        await isu.GotoAsync("/");
        await isu.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await Expect(isu.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await steps.AtAsync(isu, "sign-in");

        await SignInPages.SignInAsync(isu, coordinator.Email, coordinator.Password);
        await Expect(isu.GetByRole(AriaRole.Heading, new() { Name = "Second step", Level = 1 })).ToBeVisibleAsync();
        await steps.AtAsync(isu, "second-factor");

        await SignInPages.AnswerSecondStepAsync(isu, TestAccounts.CurrentCode(app.Factory, coordinator.AuthenticatorKey!));
        await Expect(isu.GetByTestId("who")).ToContainTextAsync("Coordinator");
        await steps.AtAsync(isu, "coordinator-home");

        await isu.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Coordination" }).ClickAsync();
        await Expect(isu.GetByRole(AriaRole.Heading, new() { Name = "Coordination", Level = 1 })).ToBeVisibleAsync();
        await steps.AtAsync(isu, "coordination");

        await isu.GetByRole(AriaRole.Link, new() { Name = "Access requests" }).ClickAsync();
        await Expect(AccessRequestsPage.RequestFrom(isu, amina.Email)).ToContainTextAsync("Amina Diallo, Head of mine action");
        await steps.AtAsync(isu, "access-requests");

        await AccessRequestsPage.InviteAsync(isu, amina.Email, "Focal point");
        await Expect(isu.GetByRole(AriaRole.Status)).ToContainTextAsync("Invitation sent.");
        await Expect(AccessRequestsPage.RequestFrom(isu, amina.Email)).ToHaveCountAsync(0);
        await steps.AtAsync(isu, "invitation-sent");

        // The invitation arrives through the SMTP sink; she opens it in her own browser and chooses a password.
        var mail = (await Mailbox.DeliverAndReadAsync(app.Factory, amina.Email))
            .Single(m => m.Subject.Contains("invitation", StringComparison.OrdinalIgnoreCase));
        await visitor.GotoAsync(new Uri(app.BaseAddress, Mailbox.LinkIn(mail, "/Account/Invitation?token=")).ToString());
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Create your password");
        await Expect(visitor.GetByText("acts for")).ToContainTextAsync("Lebanon");
        await steps.AtAsync(visitor, "invitation");

        // Setting the password signs her in: she does not type it again.
        await InvitationPage.SetPasswordAsync(visitor, NewPassword);
        await Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is set and you are signed in.");
        var who = visitor.GetByTestId("who");
        await Expect(who).ToContainTextAsync("Amina Diallo");
        await Expect(who).ToContainTextAsync("Lebanon");
        await Expect(who).ToContainTextAsync("Focal point");
        await steps.AtAsync(visitor, "home-focal-point");

        steps.AssertAccessible();
    }
}
