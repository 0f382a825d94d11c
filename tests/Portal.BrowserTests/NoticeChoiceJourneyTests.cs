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
/// A focal point opens their account settings, chooses one e-mail a day instead of an e-mail at once, saves and reads
/// the confirmation: checkpoints 251–252, photographed at 1280 and 390 pixels and scanned by axe.
/// </summary>
public sealed class NoticeChoiceJourneyTests(PortalBrowserFixture app, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Journey_AFocalPointChoosesTheDailySummary_AndReadsThatItIsSaved()
    {
        var steps = new Checkpoints(output, firstNumber: 251);
        var focal = await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "LAO");
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(page, focal.Email, focal.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "My account" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "change how you hear of what waits for you" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "How do you want to hear of what waits for you?" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "At once" })).ToBeCheckedAsync();
        await steps.AtAsync(page, "notice-choice");

        await page.GetByRole(AriaRole.Radio, new() { Name = "One e-mail a day" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save your choice" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your choice is saved");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "One e-mail a day" })).ToBeCheckedAsync();
        await steps.AtAsync(page, "notice-choice-saved");

        Assert.Equal(NoticeTiming.DailySummary,
            await app.Factory.WithDbAsync(db => db.Users.Where(u => u.Email == focal.Email).Select(u => u.Notices).SingleAsync()));
        steps.AssertAccessible();
    }
}
