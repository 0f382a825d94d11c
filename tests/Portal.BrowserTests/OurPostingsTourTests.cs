using Microsoft.EntityFrameworkCore;
using Portal.BrowserTests.Infrastructure;
using Portal.BrowserTests.Pages;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.BrowserTests;

/// <summary>A focal point's "Our postings" with a long title, a draft and a posting that expires in 10 days.</summary>
public sealed class OurPostingsTourTests(PortalBrowserFixture app, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Tour_OurPostings_FlagsWhatExpiresSoon_AndReadsOnAPhone()
    {
        var steps = new Checkpoints(output, firstNumber: 111);
        var focal = await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "LAO");
        // The postings are made through the forms without a browser window: only the list is the subject here.
        int soon;
        using (var forms = new Browser(app.Factory, kestrel: app.BaseAddress))
        {
            await forms.SignInAsync(app.Factory, focal);
            soon = await forms.PublishAsync(new PostingSteps.Draft { Title = "Clearance and risk reduction education for returning families in Xieng Khouang" });
            app.Factory.Time.Advance(TimeSpan.FromDays(80));
            await forms.SignInAsync(app.Factory, focal);
            await forms.PublishAsync(new PostingSteps.Draft { Title = "Survey equipment for the national regulatory authority" });
            await forms.SaveDraftAsync(new PostingSteps.Draft { Title = "Victim assistance in remote villages" });
        }

        var validUntil = await app.Factory.WithDbAsync(db => db.Postings.Where(p => p.Id == soon).Select(p => p.ValidUntil).SingleAsync());
        app.Factory.Time.Advance(validUntil - TimeSpan.FromDays(10) - app.Factory.Time.GetUtcNow());
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(page, focal.Email, focal.Password);
        await page.GotoAsync("/Postings/Mine");
        var first = page.GetByTestId("own-postings").Locator("tbody tr").First;
        await Expect(first).ToContainTextAsync("Clearance and risk reduction education");
        await Expect(first.GetByTestId("expires-soon")).ToHaveTextAsync("Expires in 10 days");
        await steps.AtAsync(page, "our-postings");

        steps.AssertAccessible();
    }
}
