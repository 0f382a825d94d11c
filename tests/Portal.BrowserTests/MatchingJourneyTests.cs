using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;
using Portal.BrowserTests.Pages;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.BrowserTests;

/// <summary>
/// A donor's focal point opens their offer, follows "Needs this offer could serve" and reads why each need was
/// suggested; then opens "Matches for our postings" from the home page, and the statistics: checkpoints 341–343,
/// photographed at 1280 and 390 pixels and scanned by axe.
/// </summary>
public sealed class MatchingJourneyTests(PortalBrowserFixture app, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Journey_ADonorReadsTheNeedsItsOfferCouldServe_WithTheReasons()
    {
        var steps = new Checkpoints(output, firstNumber: 341);
        var lao = await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "LAO");
        var lbn = await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "LBN");
        var donor = await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "DEU");
        await PublishAsync(lao, new PostingSteps.Draft
        {
            Title = "Prosthetics and physiotherapy for survivors in Xieng Khouang province",
            Types = [nameof(AssistanceTypes.Training), nameof(AssistanceTypes.Equipment)],
            Budget = "80,000",
        });
        await PublishAsync(lbn, new PostingSteps.Draft
        {
            Title = "Psychosocial support for survivors in South Lebanon",
            Countries = ["LBN"],
            Types = [nameof(AssistanceTypes.Expertise)],
            Budget = "300,000",
        });
        var offer = await PublishAsync(donor, new PostingSteps.Draft
        {
            Kind = PostingKind.Offer,
            Title = "Rehabilitation grants for South-East Asia and the Middle East",
            Countries = ["LAO", "KHM", "VNM"],
            Regions = [nameof(Regions.Asia)],
            Types = [nameof(AssistanceTypes.Training)],
            Budget = "150,000",
        });

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(page, donor.Email, donor.Password);
        await page.GotoAsync($"/Postings/{offer}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Needs this offer could serve" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Needs this offer could serve", Level = 1 })).ToBeVisibleAsync();
        var matches = page.GetByTestId("match");
        await Expect(matches).ToHaveCountAsync(2);
        await Expect(matches.First.GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link)).ToHaveTextAsync("Prosthetics and physiotherapy for survivors in Xieng Khouang province");
        await Expect(matches.First.GetByTestId("reasons").Locator("li")).ToHaveTextAsync(
        [
            "Same area: Victim assistance (Art. 5)",
            "Eligible country: Lao People's Democratic Republic",
            "Same type of assistance: Training",
            "Budget within range: USD 80,000 needed, up to USD 150,000 offered",
        ]);
        await Expect(matches.Nth(1).GetByTestId("reasons").Locator("li")).ToHaveTextAsync(
            ["Same area: Victim assistance (Art. 5)", "Eligible region: Asia"]);
        await steps.AtAsync(page, "offer-matches");

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Matches for our postings" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Matches for your postings", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("own-posting").GetByTestId("match")).ToHaveCountAsync(2);
        await steps.AtAsync(page, "our-matches");

        // The statistics count what the donor may see: the three postings above.
        await page.GetByRole(AriaRole.Link, new() { Name = "Statistics" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Statistics", Level = 1 })).ToBeVisibleAsync();
        await steps.AtAsync(page, "statistics");

        steps.AssertAccessible();
    }

    /// <summary>Through the forms, without a browser window: the suggestions are the subject here.</summary>
    private async Task<int> PublishAsync(TestAccount account, PostingSteps.Draft draft)
    {
        using var forms = new Browser(app.Factory, kestrel: app.BaseAddress);
        await forms.SignInAsync(app.Factory, account);
        return await forms.PublishAsync(draft);
    }
}
