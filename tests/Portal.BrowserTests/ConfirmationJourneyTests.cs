using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;
using Portal.BrowserTests.Pages;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.BrowserTests;

/// <summary>
/// Destructive actions ask on a page of their own (GOV.UK's "Are you sure" pattern, no JavaScript), and what they lead
/// to survives a reload. Each confirmation page is photographed at 1280 and 390 pixels wide and scanned by axe.
/// </summary>
public sealed class ConfirmationJourneyTests(PortalBrowserFixture app, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{

    [Fact]
    public async Task Journey_ChangingACode_AsksFirst_AndReloadingTheCodesPageDoesNotChangeItAgain()
    {
        var steps = new Checkpoints(output, firstNumber: 41);
        await using var context = await app.NewContextAsync();
        var page = await SignInAsCoordinatorAsync(context);
        await page.GotoAsync("/Admin/Codes");
        var before = await CodesAsync();

        await page.GetByTestId("code-States").GetByRole(AriaRole.Link, new() { Name = "Change the code for States now" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Are you sure you want to change the code for States now?");
        await steps.AtAsync(page, "change-code");
        Assert.Equal(before, await CodesAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Change the code for States" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/Admin/Codes").ToString());
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The code for States has changed");
        var changed = await CodesAsync();
        Assert.NotEqual(before, changed);
        await steps.AtAsync(page, "code-changed");

        await page.ReloadAsync();
        await Expect(page.GetByTestId("code-States").GetByRole(AriaRole.Button, new() { Name = "Show the code for States" })).ToBeVisibleAsync();
        Assert.Equal(changed, await CodesAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Show the code for States" }).ClickAsync();
        await Expect(page.GetByTestId("revealed-States")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$"));
        await steps.AtAsync(page, "code-shown");
        Assert.Equal(changed, await CodesAsync());
        steps.AssertAccessible();
    }

    [Fact]
    public async Task Tour_TheOtherConfirmationPages_AreUsableAndAccessible_OnAWideScreenAndAPhone()
    {
        var steps = new Checkpoints(output, firstNumber: 101);
        var member = await TestAccounts.CreateAsync(app.Factory, PortalRole.Member, "LAO");
        var lao = await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "LAO");
        var requestId = await app.Factory.WithServicesAsync(async sp =>
        {
            var requests = sp.GetRequiredService<Portal.Features.Access.AccessRequests>();
            var ghana = await sp.GetRequiredService<PortalDbContext>().Participants.Where(p => p.Code == "GHA").Select(p => p.Id).SingleAsync();
            return (await requests.SubmitAsync("Kwame Asante", "kwame@mission.test", ghana, "First Secretary", "Accredited by the Permanent Mission.", null))!.Id;
        });
        await using var context = await app.NewContextAsync();
        var page = await SignInAsCoordinatorAsync(context);

        await page.GotoAsync("/Admin/Accounts");
        await page.GetByRole(AriaRole.Link, new() { Name = "Disable the account of Test Member" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Are you sure you want to disable the account of Test Member?");
        await steps.AtAsync(page, "disable-account");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/Admin/Accounts").ToString());
        Assert.False(await app.Factory.WithDbAsync(db => db.Users.Where(u => u.Email == member.Email).Select(u => u.IsDisabled).SingleAsync()));

        await page.GotoAsync("/Admin/Requests");
        await page.GetByRole(AriaRole.Link, new() { Name = "Reject this request of Kwame Asante" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reject the request" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Give a reason");
        await steps.AtAsync(page, "reject-request");
        await page.GetByLabel("Reason (sent to the requester)").FillAsync("We could not confirm the accreditation with the Permanent Mission.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reject the request" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Request #{requestId} has been rejected");

        // A focal point removes an attachment of their own posting, and opens the page to withdraw it.
        await using var focalContext = await app.NewContextAsync();
        var focal = await focalContext.NewPageAsync();
        await focal.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(focal, lao.Email, lao.Password);
        await focal.GotoAsync("/Postings/New?kind=Need");
        await PostingForm.FillCoreAsync(focal, "Mobile victim assistance teams for Xieng Khouang",
            "Lao PDR seeks support for two mobile teams bringing victim assistance to remote villages.",
            "Victim assistance (Art. 5)", "Lao People's Democratic Republic", "Victim assistance unit, va@nra.test");
        await PostingForm.Button(focal, "Save draft").ClickAsync();
        await PostingForm.Button(focal, "Publish").ClickAsync();
        await Expect(focal.GetByRole(AriaRole.Status)).ToContainTextAsync("Published");
        await focal.GetByRole(AriaRole.Link, new() { Name = "Attachments" }).ClickAsync();
        await PostingForm.AttachAsync(focal, "Budget plan 2027.pdf", "application/pdf", SampleFiles.Pdf());
        await focal.GetByRole(AriaRole.Link, new() { Name = "Remove Budget plan 2027.pdf" }).ClickAsync();
        await steps.AtAsync(focal, "remove-attachment");
        await focal.GetByRole(AriaRole.Button, new() { Name = "Remove the file" }).ClickAsync();
        await Expect(focal.GetByRole(AriaRole.Status)).ToContainTextAsync("The file has been removed.");
        await focal.GetByRole(AriaRole.Link, new() { Name = "Back to the posting" }).ClickAsync();
        await focal.GetByRole(AriaRole.Link, new() { Name = "Withdraw" }).ClickAsync();
        await Expect(focal.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Are you sure you want to withdraw");
        await steps.AtAsync(focal, "withdraw");
        steps.AssertAccessible();
    }

    private async Task<IPage> SignInAsCoordinatorAsync(IBrowserContext context)
    {
        var coordinator = await TestAccounts.CreateAsync(app.Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(page, coordinator.Email, coordinator.Password);
        await SignInPages.AnswerSecondStepAsync(page, TestAccounts.CurrentCode(app.Factory, coordinator.AuthenticatorKey!));
        await Expect(page.GetByTestId("who")).ToBeVisibleAsync();
        return page;
    }


    /// <summary>The entry codes as the database holds them: which exist and which are current.</summary>
    private Task<string> CodesAsync() => app.Factory.WithDbAsync(async db =>
        string.Join(";", await db.EntryCodes.AsNoTracking().OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.RetiredAt == null}").ToListAsync()));
}
