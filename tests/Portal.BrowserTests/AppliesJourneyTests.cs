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
/// A donor chooses a whole M49 sub-region on the posting form; a State's focal point sees on the home page the posting
/// that expires soon, filters offers by its own country and finds those for its sub-region and the world, each saying
/// why it applies, then finds a word by its beginning: checkpoints 371–374, photographed at 1280 and 390 pixels and
/// scanned by axe.
/// </summary>
public sealed class AppliesJourneyTests(PortalBrowserFixture app, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Journey_AStateFindsTheOffersThatApplyToIt_AndWhatWaitsForIt()
    {
        var steps = new Checkpoints(output, firstNumber: 371);
        var lao = await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "LAO");
        var donor = await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "DEU");
        var offer = new PostingSteps.Draft
        {
            Kind = PostingKind.Offer,
            Countries = [],
            Body = "## What we offer\n\nGrants for rehabilitation centres and the training of physiotherapists.\n",
        };
        await PublishAsync(donor, offer with { Title = "Rehabilitation grants for South-East Asia", Regions = [nameof(Regions.SouthEasternAsia)] });
        await PublishAsync(donor, offer with { Title = "Global fund for survivors' assistance", Regions = [nameof(Regions.Global)] });
        await PublishAsync(donor, offer with { Title = "Peer support in Viet Nam", Countries = ["VNM"] });
        var need = await PublishAsync(lao, new PostingSteps.Draft { Title = "Prosthetics workshop in Xieng Khouang" });
        var soon = app.Factory.Time.GetUtcNow().AddDays(12);
        await app.Factory.WithDbAsync(db => db.Postings.Where(p => p.Id == need).ExecuteUpdateAsync(u => u.SetProperty(p => p.ValidUntil, soon)));

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        // The donor's form: each region's countries grouped by sub-region, each with "The whole of …".
        await page.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(page, donor.Email, donor.Password);
        await page.GotoAsync("/Postings/New?kind=Offer");
        await page.Locator("details.region summary", new() { HasText = "Asia" }).ClickAsync();
        await page.GetByLabel("The whole of South-East Asia").CheckAsync();
        await Expect(page.GetByLabel("Lao People's Democratic Republic")).ToBeVisibleAsync();
        await steps.AtAsync(page, "form-subregion");
        await context.ClearCookiesAsync();

        // The State's focal point: the posting that expires soon waits on the home page, with its renew link.
        await page.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(page, lao.Email, lao.Password);
        await page.GotoAsync("/");
        var waiting = page.GetByTestId("waiting").GetByTestId("expiring");
        await Expect(waiting).ToContainTextAsync("1 of your postings expires within 30 days.");
        await Expect(waiting.GetByRole(AriaRole.Link, new() { Name = "Renew Prosthetics workshop in Xieng Khouang" })).ToBeVisibleAsync();
        await steps.AtAsync(page, "home-waiting");

        // Offers for victim assistance that apply to Lao PDR: the region's and the world's, not Viet Nam's.
        await page.GotoAsync("/Postings");
        await page.GetByTestId("filters").Locator("summary").ClickAsync();
        await page.GetByLabel("Kind").SelectOptionAsync("Offer");
        await page.GetByLabel("CCM area").SelectOptionAsync(nameof(CcmAreas.VictimAssistance));
        await page.GetByLabel("Applies to country").SelectOptionAsync("LAO");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("result-count")).ToHaveTextAsync("2 postings match");
        await Expect(page.GetByTestId("applies")).ToHaveTextAsync(["Applies worldwide.", "Applies to South-East Asia."]);
        await steps.AtAsync(page, "applies-to-country");

        // A word's beginning finds it, marked in the snippet.
        await page.GotoAsync("/");
        await page.GetByLabel("Search postings").FillAsync("physio");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).First.ClickAsync();
        await Expect(page.GetByTestId("result-count")).ToHaveTextAsync("3 postings match");
        await Expect(page.Locator("ol.results mark").First).ToHaveTextAsync("physiotherapists");
        await steps.AtAsync(page, "prefix-search");

        steps.AssertAccessible();
    }

    /// <summary>Through the forms, without a browser window: what the State finds is the subject here.</summary>
    private async Task<int> PublishAsync(TestAccount account, PostingSteps.Draft draft)
    {
        using var forms = new Browser(app.Factory, kestrel: app.BaseAddress);
        await forms.SignInAsync(app.Factory, account);
        return await forms.PublishAsync(draft);
    }
}
