using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;
using Portal.BrowserTests.Pages;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.BrowserTests;

/// <summary>
/// The new-posting form in the states that are hardest to lay out, on a 390-pixel phone and a 1280-pixel screen: with
/// every error showing, with the country picker open after a round trip, and the warning before a template-only text
/// is published. Each state is photographed at both widths (<see cref="Checkpoints"/>) and must not scroll sideways nor
/// have any axe violation, whatever its impact.
/// </summary>
public sealed class PostingFormLayoutTests(PortalBrowserFixture app, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task NewPostingForm_WithErrors_WithThePickerOpen_AndThePublishWarning_FitAPhoneAndAWideScreen()
    {
        var steps = new Checkpoints(output, firstNumber: 121);
        var focal = await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "LAO");
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(page, focal.Email, focal.Password);
        await page.GotoAsync("/Postings/New?kind=Need");

        await PostingForm.Button(page, "Save draft").ClickAsync();
        await Expect(page).ToHaveTitleAsync("Error: New need · CCM Cooperation Portal");
        // The summary takes the focus when the page opens, as GOV.UK's does, without a script of ours.
        await Expect(page.GetByTestId("errors")).ToBeFocusedAsync();
        await steps.AtAsync(page, "new-need-errors");

        await PostingForm.ChooseCountryAsync(page, "Lao People's Democratic Republic");
        await PostingForm.ChooseCountryAsync(page, "Viet Nam");
        await PostingForm.ChooseCountryAsync(page, "The whole of Africa");
        await PostingForm.Button(page, "Save draft").ClickAsync();
        await Expect(page.GetByTestId("chosen")).ToContainTextAsync("Viet Nam");
        await page.Locator("details.region summary", new() { HasText = "Asia" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Viet Nam", Exact = true })).ToBeCheckedAsync();
        await steps.AtAsync(page, "new-need-picker-open");

        await PostingForm.FillCoreAsync(page, "Mobile victim assistance teams for Xieng Khouang",
            "Lao PDR seeks support for two mobile teams bringing victim assistance to remote villages.",
            "Victim assistance (Art. 5)", "Lao People's Democratic Republic", "Victim assistance unit, va@nra.test");
        // The template's headings with nothing under them.
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync(
            "## Context and obligation concerned\n\n## What is needed\n\n## What is already in place\n\n## Expected results\n\n## Contact and next steps\n");
        await PostingForm.Button(page, "Save draft").ClickAsync();
        await PostingForm.Button(page, "Publish").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Some sections of this need are still empty");
        await steps.AtAsync(page, "publish-warning");
        await PostingForm.Button(page, "Publish anyway").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Published");

        steps.AssertAccessible();
    }
}
