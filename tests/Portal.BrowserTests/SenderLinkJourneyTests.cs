using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;
using Portal.Data;
using Portal.Features.Postings;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.BrowserTests;

/// <summary>
/// The person who e-mailed a State's text to the coordinator, with no account, renews the posting from the reminder's
/// link, then withdraws it from the other; a link changed by one character names nothing.
/// </summary>
public sealed class SenderLinkJourneyTests(PortalBrowserFixture app, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Journey_SenderRenewsFromTheReminderLink_WithoutAnAccount()
    {
        var steps = new Checkpoints(output, firstNumber: 421);
        var sender = $"desk.{Guid.NewGuid():N}@mission-khm.example.test";
        // Published on Cambodia's behalf from the sender's e-mail, three weeks before it expires.
        await app.Factory.WithDbAsync(async db =>
        {
            var now = app.Factory.Time.GetUtcNow();
            db.Postings.Add(new Posting
            {
                ParticipantId = await db.Participants.Where(p => p.Code == "KHM").Select(p => p.Id).SingleAsync(),
                Kind = PostingKind.Need,
                Status = PostingStatus.Published,
                Title = "Risk education in Battambang province",
                Summary = "Cambodia seeks partners for risk education in the villages of Battambang province.",
                Body = "## What is needed\n\nTraining for twelve risk education teams.\n",
                ContactPoint = "Risk education unit, re@cmaa.example.test",
                Areas = CcmAreas.ClearanceAndRiskEducation,
                CreatedAt = now,
                PublishedAt = now,
                CurrentVersion = 1,
                ValidUntil = now.AddDays(21),
                SenderEmail = sender,
                SenderName = "Sokha Chea",
            });
            return await db.SaveChangesAsync();
        });
        await app.Factory.RunLifecycleAsync();
        var reminder = Assert.Single(await Mailbox.DeliverAndReadAsync(app.Factory, sender));

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Mailbox.LinkIn(reminder, PostingSenderLinks.RenewPage));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Renew Risk education in Battambang province?");
        await steps.AtAsync(page, "sender-renew");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Renew until") }).ClickAsync();
        await Expect(page.GetByTestId("renewed")).ToContainTextAsync("Risk education in Battambang province is valid until");
        await steps.AtAsync(page, "sender-renewed");

        var withdrawal = Mailbox.LinkIn(reminder, PostingSenderLinks.WithdrawPage);
        await page.GotoAsync(withdrawal);
        await steps.AtAsync(page, "sender-withdraw");
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw it" }).ClickAsync();
        await Expect(page.GetByTestId("withdrawn")).ToContainTextAsync("Nobody finds Risk education in Battambang province on the portal any more.");

        var response = await page.GotoAsync(withdrawal[..^3] + (withdrawal[^3] == 'A' ? 'B' : 'A') + withdrawal[^2..]);
        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This link has expired or is not valid");
        await steps.AtAsync(page, "sender-link-invalid");

        steps.AssertAccessible();
    }
}
