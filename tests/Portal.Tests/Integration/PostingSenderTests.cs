using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Postings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// The sender of a text the coordinator published on a State's behalf is kept informed instead of the coordinator:
/// the publication e-mail with its link and fingerprint, the reminders before expiry, and signed links that renew or
/// withdraw the posting without an account, which refuse a link changed by one character or past its time and say
/// nothing of the posting then. One journey on a fake clock, through the real SMTP sink.
/// </summary>
public sealed class PostingSenderTests : PortalTest
{
    private const string Lao = "Lao People's Democratic Republic";
    private const string Title = "Survey of contaminated farmland in Xieng Khouang";

    [Fact]
    public async Task SenderOfAnImportedText_IsToldAndReminded_AndRenewsAndWithdrawsSignedOut_ThroughLinksThatRefuseTampering()
    {
        var sender = $"desk.{Guid.NewGuid():N}@mission-lao.example.test";
        var coordinatorAccount = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        using var coordinator = new Browser(Factory);
        await coordinator.SignInAsync(Factory, coordinatorAccount);
        var id = await coordinator.SaveDraftAsync(new PostingSteps.Draft { For = "LAO", Title = Title });

        // Lao PDR has no focal point on the portal: the publish step requires the sender's address, and a real one.
        await coordinator.SubmitAsync("form[action*='handler=Publish']");
        Assert.Equal($"/Postings/{id}/Publish", coordinator.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath);
        await coordinator.SubmitAsync("form[action*='handler=Publish']");
        Assert.Equal($"Enter the e-mail address the text came from. {Lao} has no focal point on the portal, so the sender is the one told of its publication and reminded before it expires.",
            coordinator.Find("[data-testid=errors] li"));
        await coordinator.SubmitAsync("form[action*='handler=Publish']", new Dictionary<string, string> { ["Sender.Email"] = "desk at the mission" });
        Assert.Equal("Enter an e-mail address like name@ministry.gov.", coordinator.Find("[data-testid=errors] li"));
        Assert.Equal(PostingStatus.Draft, await Factory.WithDbAsync(db => db.Postings.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
        await coordinator.SubmitAsync("form[action*='handler=Publish']", new Dictionary<string, string> { ["Sender.Email"] = sender, ["Sender.Name"] = "Souksavanh Phommachanh" });
        Assert.Equal("Published. Everyone it is open to can now find it.", coordinator.Find("[role=status]"));
        Assert.Contains($"Text sent by Souksavanh Phommachanh <{sender}>, as the coordinator recorded it (not verified).", coordinator.Find("[data-testid=sender]"), StringComparison.Ordinal);
        var published = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "PostingPublished").Select(a => a.Detail).SingleAsync());
        Assert.EndsWith($"sent by Souksavanh Phommachanh <{sender}> (as the coordinator typed it, not verified)", published, StringComparison.Ordinal);

        // At publication: the link and the fingerprint, with the signed links.
        var (fingerprint, validUntil) = await Factory.WithDbAsync(async db => (
            await db.PostingVersions.Where(v => v.PostingId == id).Select(v => v.Fingerprint).SingleAsync(),
            await db.Postings.Where(p => p.Id == id).Select(p => p.ValidUntil).SingleAsync()));
        var publication = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, sender));
        Assert.Equal($"Published on behalf of {Lao}: “{Title}”", publication.Subject);
        Assert.Contains("Dear Souksavanh Phommachanh,", publication.Body, StringComparison.Ordinal);
        Assert.Equal($"/Postings/{id}", Mailbox.LinkIn(publication, $"/Postings/{id}"));
        Assert.Contains(fingerprint, publication.Body, StringComparison.Ordinal);
        var firstRenewal = Mailbox.LinkIn(publication, PostingSenderLinks.RenewPage);
        Mailbox.LinkIn(publication, PostingSenderLinks.WithdrawPage);

        // The reminder 30 days before expiry goes to the sender, and to no coordinator.
        Factory.Time.SetUtcNow(validUntil.AddDays(-29));
        Assert.Equal(new LifecycleReport(1, 0, 0, 0), await Factory.RunLifecycleAsync());
        var reminder = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, sender), m => m.Subject.Contains("expires on", StringComparison.Ordinal));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Outbox.CountAsync(m => m.Kind == PostingMail.ExpiryReminderKind)));
        var renewal = Mailbox.LinkIn(reminder, PostingSenderLinks.RenewPage);
        var withdrawal = Mailbox.LinkIn(reminder, PostingSenderLinks.WithdrawPage);

        // Signed out, a link changed by one character is refused and says nothing of the posting.
        using var signedOut = new Browser(Factory);
        var tampered = renewal[..^3] + (renewal[^3] == 'A' ? 'B' : 'A') + renewal[^2..];
        Assert.Equal(HttpStatusCode.NotFound, (await signedOut.GetAsync(tampered)).StatusCode);
        AssertRevealsNothing(signedOut);

        // The real link renews it, with the button, for another 12 months.
        Assert.Equal(HttpStatusCode.OK, (await signedOut.GetAsync(renewal)).StatusCode);
        Assert.Equal($"Renew {Title}?", signedOut.Find("h1"));
        await signedOut.SubmitAsync("form.actions button");
        Assert.Contains("is valid until", signedOut.Find("[data-testid=renewed]"), StringComparison.Ordinal);
        var renewedUntil = await Factory.WithDbAsync(db => db.Postings.Where(p => p.Id == id).Select(p => p.ValidUntil).SingleAsync());
        Assert.InRange((renewedUntil - Factory.Time.GetUtcNow()).TotalDays, 365, 366);
        var renewed = await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "PostingRenewed"));
        Assert.Equal((null, $"unverified: Souksavanh Phommachanh <{sender}>, through the signed link e-mailed to the sender"), (renewed.ActorUserId, renewed.Actor));
        // It acts once: the same link now has nothing to renew.
        await signedOut.OpenAsync(renewal);
        Assert.NotNull(signedOut.Find("[data-testid=not-yet]"));

        // A link is bound to its sender: once another is recorded, the old sender's links no longer act.
        await SetSenderAsync(id, "someone.else@mission-lao.example.test");
        Assert.Equal(HttpStatusCode.NotFound, (await signedOut.GetAsync(withdrawal)).StatusCode);
        await SetSenderAsync(id, sender);
        Assert.Equal(HttpStatusCode.OK, (await signedOut.GetAsync(withdrawal)).StatusCode);

        // Past its time (the old expiry and the grace period), a link is refused though the posting is still published.
        Factory.Time.SetUtcNow(validUntil.AddDays(91));
        Assert.Equal(HttpStatusCode.NotFound, (await signedOut.GetAsync(firstRenewal)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await signedOut.GetAsync(withdrawal)).StatusCode);
        AssertRevealsNothing(signedOut);

        // The next reminder's withdrawal link withdraws it.
        Factory.Time.SetUtcNow(renewedUntil.AddDays(-6));
        Assert.Equal(new LifecycleReport(0, 1, 0, 0), await Factory.RunLifecycleAsync());
        var next = (await Mailbox.DeliverAndReadAsync(Factory, sender)).Where(m => m.Subject.Contains("expires on", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, next.Count);
        var lastWithdrawal = Mailbox.LinkIn(next.Single(m => m.Body.Contains(PostingLabels.Date(renewedUntil), StringComparison.Ordinal)), PostingSenderLinks.WithdrawPage);
        await signedOut.OpenAsync(lastWithdrawal);
        Assert.Equal($"Are you sure you want to withdraw {Title}?", signedOut.Find("h1"));
        await signedOut.SubmitAsync("form.actions button");
        Assert.NotNull(signedOut.Find("[data-testid=withdrawn]"));
        Assert.Equal(PostingStatus.Withdrawn, await Factory.WithDbAsync(db => db.Postings.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
        Assert.StartsWith("unverified: Souksavanh Phommachanh", await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "PostingWithdrawn").Select(a => a.Actor).SingleAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await signedOut.GetAsync(lastWithdrawal)).StatusCode);
    }

    private Task<int> SetSenderAsync(int id, string email) =>
        Factory.WithDbAsync(db => db.Postings.Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.SenderEmail, email)));

    private static void AssertRevealsNothing(Browser browser)
    {
        Assert.Equal("This link has expired or is not valid", browser.Find("h1"));
        Assert.NotNull(browser.Find("[data-testid=link-invalid]"));
        Assert.DoesNotContain("Xieng Khouang", browser.Page!.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Null(browser.Page.QuerySelector("form"));
    }
}
