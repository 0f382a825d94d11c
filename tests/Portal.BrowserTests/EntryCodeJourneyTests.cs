using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;
using Portal.BrowserTests.Pages;
using Portal.Data;
using Portal.Features.EntryCodes;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.BrowserTests;

/// <summary>A delegate who received the States' entry code enters without an account and reads, read-only.</summary>
public sealed class EntryCodeJourneyTests(PortalBrowserFixture app, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Journey_EntryCode_ForAState_OpensReadOnlySession()
    {
        var steps = new Checkpoints(output, firstNumber: 31);
        var code = await app.Factory.WithServicesAsync(sp =>
            sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.States, "test"));
        var karim = Visitor.FromLebanon("Karim Haddad");
        await using var visitorBrowser = await app.NewContextAsync();
        var visitor = await visitorBrowser.NewPageAsync();

        await visitor.GotoAsync("/Entry");
        await steps.AtAsync(visitor, "code-entry");

        await EntryPage.EnterButton(visitor).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter the entry code.");
        await steps.AtAsync(visitor, "code-entry-errors");

        await EntryPage.EnterWithCodeAsync(visitor, karim, code);
        var who = visitor.GetByTestId("who");
        await Expect(who).ToContainTextAsync("Karim Haddad");
        await Expect(who).ToContainTextAsync("Lebanon");
        await Expect(who).ToContainTextAsync("read-only (entry code)");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Karim Haddad");
        await steps.AtAsync(visitor, "code-home");

        // A publishing address (a link forwarded by a colleague) says why it is closed and what would open it.
        await visitor.GotoAsync("/Postings/New");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Publishing needs a focal point's account");
        await Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "request an account" })).ToHaveAttributeAsync("href", "/Access/Request");
        await steps.AtAsync(visitor, "code-cannot-publish");

        steps.AssertAccessible();
    }
}
