using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;
using Portal.BrowserTests.Pages;
using Portal.Data;
using Portal.Features.EntryCodes;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.BrowserTests;

/// <summary>
/// The pages the journeys do not reach: the coordinator's tools and a focal point turning on the authenticator
/// app. Each page is scanned by axe and photographed.
/// </summary>
public sealed class CoordinatorTourTests(PortalBrowserFixture app, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Tour_CoordinatorTools_AreUsableAndAccessible()
    {
        var steps = new Checkpoints(output, firstNumber: 51);
        var coordinator = await TestAccounts.CreateAsync(app.Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "LAO");
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(page, coordinator.Email, coordinator.Password);
        await SignInPages.AnswerSecondStepAsync(page, TestAccounts.CurrentCode(app.Factory, coordinator.AuthenticatorKey!));

        // A holder who receives the code, and one the yearly check dropped, so that the page shows both tables.
        await app.Factory.WithDbAsync(async db =>
        {
            var now = app.Factory.Time.GetUtcNow();
            var bih = await db.Participants.Where(p => p.Code == "BIH").Select(p => p.Id).SingleAsync();
            foreach (var (name, dropped) in new[] { ("Lejla Hadžić", false), ("Emir Kovač", true) })
            {
                var email = $"{name.Split(' ')[0].ToLowerInvariant()}.{Guid.NewGuid():N}@example.test";
                db.CodeHolders.Add(new CodeHolder
                {
                    Audience = CodeAudience.States,
                    Name = name,
                    Email = email,
                    NormalizedEmail = email,
                    ParticipantId = bih,
                    CreatedAt = now,
                    ConfirmedAt = now,
                    RevokedAt = dropped ? now : null,
                    RevokedBy = dropped ? "system" : null,
                    RevokedReason = dropped ? CodeHolders.DroppedUnconfirmed : null,
                });
            }

            return await db.SaveChangesAsync();
        });
        await page.GotoAsync("/Admin/Codes");
        await page.GetByTestId("code-States").GetByRole(AriaRole.Link, new() { Name = "Change the code for States now" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the code for States" }).ClickAsync();
        await page.GetByTestId("code-States").GetByRole(AriaRole.Button, new() { Name = "Show the code for States" }).ClickAsync();
        await Expect(page.GetByTestId("revealed-States")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$"));
        await steps.AtAsync(page, "entry-codes");
        await page.GetByRole(AriaRole.Link, new() { Name = "code holders", Exact = true }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Code holders");
        await steps.AtAsync(page, "code-holders");

        await page.GotoAsync("/Admin/Participants");
        await page.GetByLabel("Find").FillAsync("lao");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Lao People's Democratic Republic", Exact = true })).ToBeVisibleAsync();
        await steps.AtAsync(page, "participants");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lao People's Democratic Republic", Exact = true }).ClickAsync();
        await page.GetByLabel("Signatory").CheckAsync();
        await steps.AtAsync(page, "participant");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Lao People's Democratic Republic is now recorded as Signatory.");

        await page.GotoAsync("/Admin/Accounts");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invite someone" })).ToBeVisibleAsync();
        await steps.AtAsync(page, "accounts");

        await page.GotoAsync("/Admin/Audit");
        await Expect(page.GetByTestId("audit")).ToContainTextAsync("Participant's status changed");
        await steps.AtAsync(page, "audit");
        await page.GetByLabel("Event").SelectOptionAsync(new SelectOptionValue { Label = "Entry code changed" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.GetByTestId("audit")).ToContainTextAsync("Entry code changed");
        await steps.AtAsync(page, "audit-filtered");

        await page.GotoAsync("/Admin/Outbox");
        await steps.AtAsync(page, "outbox");

        await page.GotoAsync("/Account/Manage");
        await steps.AtAsync(page, "my-account");
        steps.AssertAccessible();
    }

    [Fact]
    public async Task Tour_FocalPoint_TurnsOnTheAuthenticatorApp()
    {
        var steps = new Checkpoints(output, firstNumber: 61);
        var focal = await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "NOR");
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(page, focal.Email, focal.Password);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "My account" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "set up" }).ClickAsync();
        var key = (await page.GetByTestId("shared-key").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await steps.AtAsync(page, "authenticator-setup");

        await page.GetByLabel("Code from the app").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That code is not right");
        await steps.AtAsync(page, "authenticator-wrong-code");

        await page.GetByLabel("Code from the app").FillAsync(TestAccounts.CurrentCode(app.Factory, key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Expect(page.GetByTestId("recovery-codes").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(10);
        await steps.AtAsync(page, "recovery-codes");
        steps.AssertAccessible();
    }
}
