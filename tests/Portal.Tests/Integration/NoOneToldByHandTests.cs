using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Notices;
using Portal.Features.Postings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// What a State's focal points learn without anyone telling them by hand: a text the coordinator published in their name,
/// by e-mail with its link and fingerprint; their postings about to expire, on their home page and in the daily summary.
/// </summary>
public sealed class NoOneToldByHandTests : PortalTest
{
    [Fact]
    public async Task CoordinatorPublishesOnAStatesBehalf_ItsFocalPointsAreEmailedTheLinkAndFingerprint_NobodyElse()
    {
        var coordinatorAccount = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        var first = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO", email: $"lao.one.{Guid.NewGuid():N}@example.test");
        var second = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO", email: $"lao.two.{Guid.NewGuid():N}@example.test");
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "LAO");
        var otherState = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "KHM");
        // Chose the daily summary: this e-mail asks nothing of them, so it goes at once to them too.
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == second.Email)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Notices, NoticeTiming.DailySummary)));

        using var coordinator = new Browser(Factory);
        await coordinator.SignInAsync(Factory, coordinatorAccount);
        var id = await coordinator.PublishAsync(new PostingSteps.Draft { For = "LAO", Title = "Survey of contaminated farmland" });
        var fingerprint = await Factory.WithDbAsync(db => db.PostingVersions.Where(v => v.PostingId == id).Select(v => v.Fingerprint).SingleAsync());

        foreach (var focalPoint in new[] { first, second })
        {
            var mail = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, focalPoint.Email),
                m => m.Subject.StartsWith("Published on behalf of Lao People's Democratic Republic", StringComparison.Ordinal));
            Assert.Contains("“Survey of contaminated farmland”", mail.Subject, StringComparison.Ordinal);
            Assert.Equal($"/Postings/{id}", Mailbox.LinkIn(mail, $"/Postings/{id}"));
            Assert.Contains(fingerprint, mail.Body, StringComparison.Ordinal);
            Assert.Contains("published a need on behalf of Lao People's Democratic Republic", mail.Body, StringComparison.Ordinal);
        }

        foreach (var bystander in new[] { member, otherState, coordinatorAccount })
        {
            Assert.DoesNotContain(await Mailbox.DeliverAndReadAsync(Factory, bystander.Email), m => m.Subject.StartsWith("Published on behalf", StringComparison.Ordinal));
        }

        // The page the link opens shows the same fingerprint to the focal point.
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, first);
        await owner.OpenAsync($"/Postings/{id}");
        Assert.Equal(fingerprint, owner.Find("[data-testid=fingerprint]"));

        // A version the State publishes itself tells nobody; the coordinator's next version does, with its own fingerprint.
        await owner.OpenAsync($"/Postings/{id}/Edit");
        await owner.SubmitAsync("form.stack", new Dictionary<string, string> { ["Input.Title"] = "Survey of farmland, phase 1" });
        await coordinator.OpenAsync($"/Postings/{id}/Edit");
        await coordinator.SubmitAsync("form.stack", new Dictionary<string, string> { ["Input.Title"] = "Survey of farmland, phase 2" });
        var third = await Factory.WithDbAsync(db => db.PostingVersions.Where(v => v.PostingId == id && v.Number == 3).Select(v => v.Fingerprint).SingleAsync());
        var mails = (await Mailbox.DeliverAndReadAsync(Factory, first.Email)).Where(m => m.Subject.StartsWith("Published on behalf", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, mails.Count);
        var latest = Assert.Single(mails, m => m.Body.Contains(third, StringComparison.Ordinal));
        Assert.Contains("published version 3 of a need", latest.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostingsExpiringWithin30Days_WaitOnTheOwnersFocalPointsHomePage_Only_AndStayOutOfTheDailySummary()
    {
        var owner = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var lao = new Browser(Factory);
        await lao.SignInAsync(Factory, owner);
        var soon = await lao.PublishAsync(new PostingSteps.Draft { Title = "Prosthetics workshop support" });
        var validUntil = await Factory.WithDbAsync(db => db.Postings.Where(p => p.Id == soon).Select(p => p.ValidUntil).SingleAsync());
        Factory.Time.Advance(validUntil.AddDays(-40) - Factory.Time.GetUtcNow());
        await lao.SignInAsync(Factory, owner);
        await lao.PublishAsync(new PostingSteps.Draft { Title = "Survey equipment" });

        await lao.OpenAsync("/");
        Assert.Null(lao.Page!.QuerySelector("[data-testid=expiring]"));

        Factory.Time.Advance(TimeSpan.FromDays(20));
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "LAO");
        var otherFocalPoint = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "KHM");
        await lao.SignInAsync(Factory, owner);
        await lao.OpenAsync("/");
        var waiting = lao.Find("[data-testid=waiting] [data-testid=expiring]") ?? "";
        Assert.StartsWith("1 of your postings expires within 30 days.", waiting, StringComparison.Ordinal);
        Assert.Contains("Prosthetics workshop support: expires in 20 days", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain("Survey equipment", waiting, StringComparison.Ordinal);
        Assert.NotNull(lao.Page!.QuerySelector($"[data-testid=expiring] a[href='/Postings/{soon}/Renew']"));

        foreach (var account in new[] { member, otherFocalPoint })
        {
            using var reader = new Browser(Factory);
            await reader.SignInAsync(Factory, account);
            await reader.OpenAsync("/");
            Assert.Null(reader.Page!.QuerySelector("[data-testid=expiring]"));
        }

        // The reminders say it by e-mail: the daily summary leaves it out rather than repeat it for 30 days.
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == owner.Email).ExecuteUpdateAsync(u => u.SetProperty(x => x.Notices, NoticeTiming.DailySummary)));
        Assert.Equal(0, await Factory.WithServicesAsync(sp => sp.GetRequiredService<DailySummary>().SendDueAsync()));
        var sections = await Factory.WithServicesAsync(async sp =>
        {
            var reader = new Portal.Features.Access.Reader(owner.ParticipantId, true, true, PortalRole.FocalPoint, true, "x");
            return await sp.GetRequiredService<WaitingItems>().ForAsync(new WaitingAccount(reader, false));
        });
        var section = Assert.Single(sections, s => s.Key == PostingWaitingItems.Key);
        Assert.Equal($"/Postings/{soon}/Renew", Assert.Single(section.Items).Path);
        Assert.False(section.InDailySummary);

        // Renewed, it no longer waits.
        await lao.OpenAsync($"/Postings/{soon}/Renew");
        await lao.SubmitAsync("form.actions button");
        await lao.OpenAsync("/");
        Assert.Null(lao.Page!.QuerySelector("[data-testid=expiring]"));
    }
}
