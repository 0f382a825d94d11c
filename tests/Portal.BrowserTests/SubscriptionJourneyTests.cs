using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;
using Portal.BrowserTests.Pages;
using Portal.Data;
using Portal.Features.EntryCodes;
using Portal.Features.Subscriptions;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.BrowserTests;

/// <summary>
/// A member subscribes to clearance offers in Africa from their account page, gets the e-mail when one is published,
/// and stops it from the e-mail's link without signing in: checkpoints 381–384; a code holder, who has no account, does
/// the same from the link in their code e-mails and answers the yearly question: checkpoints 401–404. Each photographed
/// at 1280 and 390 pixels and scanned by axe.
/// </summary>
public sealed class SubscriptionJourneyTests(PortalBrowserFixture app, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Journey_AMemberSubscribes_ReadsTheEmail_AndUnsubscribesSignedOut()
    {
        var steps = new Checkpoints(output, firstNumber: 381);
        var member = await TestAccounts.CreateAsync(app.Factory, PortalRole.Member, "BIH");
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(page, member.Email, member.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "My account" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Your subscriptions" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("E-mails about new postings");
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Choose when you want the e-mail");
        await steps.AtAsync(page, "subscriptions-error");

        await page.GetByRole(AriaRole.Group, new() { Name = "Kinds of posting" }).GetByLabel("Offers", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "CCM areas" }).GetByLabel("Clearance and risk reduction education (Art. 4)").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Regions" }).GetByLabel("Africa", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Once a week" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your subscription is saved");
        await Expect(page.GetByTestId("subscription")).ToContainTextAsync("Africa");
        await steps.AtAsync(page, "subscriptions");

        app.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var donor = await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "NOR");
        using (var forms = new Browser(app.Factory, kestrel: app.BaseAddress))
        {
            await forms.SignInAsync(app.Factory, donor);
            await forms.PublishAsync(new PostingSteps.Draft
            {
                Kind = PostingKind.Offer,
                Title = "Survey and clearance teams for Africa",
                Areas = [nameof(CcmAreas.ClearanceAndRiskEducation)],
                Regions = [nameof(Regions.Africa)],
                Visibility = Visibility.StatesAndObservers,
            });
        }

        app.Factory.Time.Advance(SubscriptionFilter.Week + SubscriptionDigest.Settle);
        await app.Factory.WithServicesAsync(sp => sp.GetRequiredService<SubscriptionDigest>().SendDueAsync());
        var mail = (await Mailbox.DeliverAndReadAsync(app.Factory, member.Email)).Single(m => m.Subject.Contains("new posting", StringComparison.Ordinal));
        Assert.Contains("Survey and clearance teams for Africa", mail.Body, StringComparison.Ordinal);

        // Someone reading the e-mail elsewhere, not signed in.
        await using var elsewhere = await app.NewContextAsync();
        var reader = await elsewhere.NewPageAsync();
        await reader.GotoAsync(new Uri(app.BaseAddress, Mailbox.LinkIn(mail, "/Unsubscribe?token=")).ToString());
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Stop these e-mails?");
        await steps.AtAsync(reader, "unsubscribe");
        await reader.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You are unsubscribed");
        await steps.AtAsync(reader, "unsubscribed");

        // The member's own session ended during the week; the subscription is gone.
        Assert.Equal(0, await app.Factory.WithDbAsync(db => db.Subscriptions.CountAsync()));
        steps.AssertAccessible();
    }

    [Fact]
    public async Task Journey_ACodeHolderSubscribesFromTheirLink_AndConfirmsTheyStillNeedAccess()
    {
        var steps = new Checkpoints(output, firstNumber: 401);
        // A holder as a coordinator's "Send the entry code" makes one, and the links their e-mails carry.
        var holderId = await app.Factory.WithDbAsync(async db =>
        {
            var now = app.Factory.Time.GetUtcNow();
            var email = $"holder.{Guid.NewGuid():N}@example.test";
            var holder = new CodeHolder
            {
                Audience = CodeAudience.States,
                Name = "Lejla Hadžić",
                Email = email,
                NormalizedEmail = email,
                ParticipantId = await db.Participants.Where(p => p.Code == "BIH").Select(p => p.Id).SingleAsync(),
                CreatedAt = now,
                ConfirmedAt = now,
            };
            db.CodeHolders.Add(holder);
            await db.SaveChangesAsync();
            return holder.Id;
        });
        var links = app.Factory.Services.GetRequiredService<CodeHolderLinks>();

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(links.SubscriptionsPath(holderId));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("E-mails about new postings");
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Choose when you want the e-mail");
        await steps.AtAsync(page, "holder-subscriptions-error");
        await page.GetByRole(AriaRole.Group, new() { Name = "Kinds of posting" }).GetByLabel("Offers", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "At once" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your subscription is saved");
        await Expect(page.GetByTestId("subscription")).ToContainTextAsync("Offers");
        await steps.AtAsync(page, "holder-subscriptions");

        // The yearly question's link: opening it changes nothing, the button confirms.
        await page.GotoAsync(links.ConfirmPath(holderId));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Do you still need access?");
        await steps.AtAsync(page, "holder-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, I still need access" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You will keep receiving the entry code");
        await steps.AtAsync(page, "holder-confirmed");

        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.Subscriptions.CountAsync(s => s.CodeHolderId == holderId)));
        steps.AssertAccessible();
    }
}
