using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;
using Portal.BrowserTests.Pages;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.BrowserTests;

/// <summary>
/// A donor's focal point reads the needs its offer could serve, expresses interest in one in two lines; the State's
/// focal point finds it on the home page and in My connections, reads it and marks "project agreed"; the statistics
/// count it: checkpoints 351–359, photographed at 1280 and 390 pixels and scanned by axe.
/// </summary>
public sealed class InterestJourneyTests(PortalBrowserFixture app, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Journey_ADonorExpressesInterestInANeed_AndTheStateMarksProjectAgreed()
    {
        var steps = new Checkpoints(output, firstNumber: 351);
        var lao = await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "LAO");
        var donor = await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "DEU");
        const string Need = "Prosthetics and physiotherapy for survivors in Xieng Khouang province";
        await PublishAsync(lao, new PostingSteps.Draft
        {
            Title = Need,
            Types = [nameof(AssistanceTypes.Training), nameof(AssistanceTypes.Equipment)],
            Budget = "80,000",
            ContactPoint = "Victim assistance desk, National Regulatory Authority, va-desk@nra.lao.test",
        });
        var offer = await PublishAsync(donor, new PostingSteps.Draft
        {
            Kind = PostingKind.Offer,
            Title = "Rehabilitation grants for South-East Asia",
            Countries = ["LAO", "KHM", "VNM"],
            Regions = [nameof(Regions.Asia)],
            Types = [nameof(AssistanceTypes.Training)],
            Budget = "150,000",
        });

        await using (var donorContext = await app.NewContextAsync())
        {
            var page = await donorContext.NewPageAsync();
            await page.GotoAsync("/Account/SignIn");
            await SignInPages.SignInAsync(page, donor.Email, donor.Password);
            await page.GotoAsync($"/Postings/{offer}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Needs this offer could serve" }).ClickAsync();
            var match = page.GetByTestId("match").Filter(new() { HasText = Need });
            await Expect(match.GetByTestId("express-interest")).ToBeVisibleAsync();
            await steps.AtAsync(page, "matches-with-interest");

            await match.GetByTestId("express-interest").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("What would you like to tell");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Expect(page.GetByTestId("errors")).ToContainTextAsync("Write a short message");
            await steps.AtAsync(page, "interest-question-error");

            await page.GetByLabel("What would you like to tell").FillAsync(
                "Germany funds rehabilitation training in South-East Asia.\nCould we talk about a second workshop in Phonsavan?");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Interest sent", Level = 1 })).ToBeVisibleAsync();
            await steps.AtAsync(page, "interest-sent");
        }

        await using var stateContext = await app.NewContextAsync();
        var state = await stateContext.NewPageAsync();
        await state.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(state, lao.Email, lao.Password);
        await state.GotoAsync("/");
        await Expect(state.GetByTestId("waiting")).ToContainTextAsync("1 expression of interest in your postings is waiting for an answer.");
        await steps.AtAsync(state, "home-interest-waiting");

        await state.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "My connections" }).ClickAsync();
        await Expect(state.GetByRole(AriaRole.Heading, new() { Name = "My connections", Level = 1 })).ToBeVisibleAsync();
        await Expect(state.GetByTestId("received").GetByTestId("state")).ToHaveTextAsync("Waiting for an answer");
        await steps.AtAsync(state, "my-connections");

        await state.GetByTestId("received").GetByRole(AriaRole.Link, new() { Name = Need }).ClickAsync();
        await Expect(state.GetByTestId("message")).ToContainTextAsync("a second workshop in Phonsavan?");
        await Expect(state.GetByTestId("interested-contact")).ToContainTextAsync(donor.Email);
        await steps.AtAsync(state, "connection");

        await state.GetByRole(AriaRole.Button, new() { Name = "Mark as project agreed" }).ClickAsync();
        await Expect(state.GetByTestId("connection-state")).ToHaveTextAsync("Project agreed");
        await steps.AtAsync(state, "connection-project-agreed");

        await state.GetByRole(AriaRole.Link, new() { Name = "Statistics" }).First.ClickAsync();
        await Expect(state.GetByTestId("interests-total")).ToHaveTextAsync("1 expression of interest, which became a project agreed.");
        await Expect(state.GetByTestId("interests_by_state").Locator("tr").Filter(new() { HasText = "Project agreed" })).ToContainTextAsync("1");
        await state.GetByRole(AriaRole.Heading, new() { Name = "Expressions of interest and projects agreed" }).ScrollIntoViewIfNeededAsync();
        await steps.AtAsync(state, "statistics-interests");

        steps.AssertAccessible();
    }

    /// <summary>Through the forms, without a browser window: the connection is the subject here.</summary>
    private async Task<int> PublishAsync(TestAccount account, PostingSteps.Draft draft)
    {
        using var forms = new Browser(app.Factory, kestrel: app.BaseAddress);
        await forms.SignInAsync(app.Factory, account);
        return await forms.PublishAsync(draft);
    }
}
