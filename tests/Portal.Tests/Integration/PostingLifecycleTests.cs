using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Postings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>Reminders, expiry, renewal and deletion, on a fake clock: the job is run by hand, twice where it matters.</summary>
public sealed class PostingLifecycleTests : PortalTest
{
    private Task<LifecycleReport> RunJobAsync() => Factory.RunLifecycleAsync();

    private Task<int> RemindersAsync() =>
        Factory.WithDbAsync(db => db.Outbox.CountAsync(m => m.Subject.Contains("expires on")));

    [Fact]
    public async Task Reminders_AreSentOnceEach_ExpiryHides_RenewRestores_AndGraceDeletionRemovesEverything()
    {
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var colleague = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "CHE");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, lao);
        var id = await owner.PublishAsync(new PostingSteps.Draft());
        await owner.AttachAsync(id, "plan.pdf", SampleFiles.Pdf());
        var validUntil = await Factory.WithDbAsync(db => db.Postings.Where(p => p.Id == id).Select(p => p.ValidUntil).SingleAsync());
        Assert.InRange((validUntil - Factory.Time.GetUtcNow()).TotalDays, 365, 366);

        Assert.Equal(new LifecycleReport(0, 0, 0, 0), await RunJobAsync());
        AdvanceTo(validUntil.AddDays(-29));
        Assert.Equal(new LifecycleReport(1, 0, 0, 0), await RunJobAsync());
        Assert.Equal(new LifecycleReport(0, 0, 0, 0), await RunJobAsync());
        Assert.Equal(2, await RemindersAsync()); // both focal points of Lao PDR

        AdvanceTo(validUntil.AddDays(-6));
        Assert.Equal(new LifecycleReport(0, 1, 0, 0), await RunJobAsync());
        Assert.Equal(new LifecycleReport(0, 0, 0, 0), await RunJobAsync());
        Assert.Equal(4, await RemindersAsync());
        var mails = await Mailbox.DeliverAndReadAsync(Factory, colleague.Email);
        var mail = mails[^1];
        Assert.Contains($"http://portal.test/Postings/{id}/Renew", mail.Body, StringComparison.Ordinal);

        AdvanceTo(validUntil.AddMinutes(1));
        Assert.Equal(new LifecycleReport(0, 0, 1, 0), await RunJobAsync());
        Assert.Equal(new LifecycleReport(0, 0, 0, 0), await RunJobAsync());
        using var reader = new Browser(Factory);
        await reader.SignInAsync(Factory, member);
        await reader.OpenAsync("/Postings");
        Assert.Equal("No postings", reader.Find("[data-testid=result-count]"));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/Postings/{id}")).StatusCode);

        // The owner still sees it, and renews it from the reminder's link.
        await owner.SignInAsync(Factory, lao);
        await owner.OpenAsync($"/Postings/{id}");
        Assert.Contains("Expired", owner.Find(".kicker") ?? "", StringComparison.Ordinal);
        await owner.OpenAsync(Mailbox.LinkIn(mail, $"/Postings/{id}/Renew"));
        await owner.SubmitAsync("form.actions button");
        Assert.StartsWith("Renewed: valid until", owner.Find("[role=status]"), StringComparison.Ordinal);
        await reader.OpenAsync("/Postings");
        Assert.Equal("1 posting", reader.Find("[data-testid=result-count]"));

        // Renewal re-arms the reminders for the new date.
        var renewed = await Factory.WithDbAsync(db => db.Postings.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Null(renewed.Reminder30SentAt);
        Assert.Null(renewed.ExpiredAt);

        // Left alone, it expires again, and 90 days later it is gone with everything it held.
        AdvanceTo(renewed.ValidUntil.AddMinutes(1));
        Assert.Equal(1, (await RunJobAsync()).Expired);
        AdvanceTo(renewed.ValidUntil.AddDays(89));
        Assert.Equal(0, (await RunJobAsync()).Deleted);
        AdvanceTo(renewed.ValidUntil.AddDays(90).AddMinutes(1));
        Assert.Equal(new LifecycleReport(0, 0, 0, 1), await RunJobAsync());
        Assert.Equal(new LifecycleReport(0, 0, 0, 0), await RunJobAsync());
        Assert.Equal((0, 0, 0, 0, 0), await Factory.WithDbAsync(async db => (
            await db.Postings.CountAsync(), await db.PostingVersions.CountAsync(), await db.PostingAttachments.CountAsync(),
            await db.AttachmentContents.CountAsync(), await db.Set<PostingCountry>().CountAsync())));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "PostingDeleted" && a.Target == $"posting {id}")));
        using var later = new Browser(Factory);
        await later.SignInAsync(Factory, member);
        await later.OpenAsync("/Postings?q=prosthetics");
        Assert.Equal("No postings match", later.Find("[data-testid=result-count]"));
    }

    [Fact]
    public async Task Edit_KeepsTheRemindersOfItsDate_AndANewDateReArmsThem()
    {
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, lao);
        var id = await owner.PublishAsync(new PostingSteps.Draft());

        // Renewed when renewal opens (60 days before expiry), the date carries the time of day of the renewal; the
        // form only knows the day.
        Factory.Time.Advance(TimeSpan.FromDays(310));
        await owner.SignInAsync(Factory, lao);
        await owner.OpenAsync($"/Postings/{id}/Renew");
        await owner.SubmitAsync("form.actions button");
        var validUntil = await Factory.WithDbAsync(db => db.Postings.Where(p => p.Id == id).Select(p => p.ValidUntil).SingleAsync());
        Assert.NotEqual(new TimeOnly(23, 59, 59), TimeOnly.FromDateTime(validUntil.UtcDateTime));
        AdvanceTo(validUntil.AddDays(-29));
        Assert.Equal(new LifecycleReport(1, 0, 0, 0), await RunJobAsync());

        // A typo fixed: the reminder for this date was sent and is not sent again.
        await owner.SignInAsync(Factory, lao);
        await owner.OpenAsync($"/Postings/{id}/Edit");
        await owner.SubmitAsync("form.stack", new Dictionary<string, string> { ["Input.Title"] = "Support for a prosthetics workshop in Xieng Khouang province" });
        Assert.Contains("new version is published", owner.Find("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(validUntil, await Factory.WithDbAsync(db => db.Postings.Where(p => p.Id == id).Select(p => p.ValidUntil).SingleAsync()));
        Assert.Equal(new LifecycleReport(0, 0, 0, 0), await RunJobAsync());

        // A new date, three weeks away: its 30-day reminder is due again.
        await owner.OpenAsync($"/Postings/{id}/Edit");
        var date = DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime.AddDays(21));
        await owner.SubmitAsync("form.stack", new Dictionary<string, string> { ["Input.ValidUntil"] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains("new version is published", owner.Find("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(new LifecycleReport(1, 0, 0, 0), await RunJobAsync());
    }

    [Fact]
    public async Task Withdrawn_IsHiddenAtOnce_AndDeletedAfterTheGracePeriod()
    {
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, lao);
        var id = await owner.PublishAsync(new PostingSteps.Draft());
        await owner.OpenAsync($"/Postings/{id}/Withdraw");
        await owner.SubmitAsync("form.actions button");
        Assert.Equal(PostingStatus.Withdrawn, await Factory.WithDbAsync(db => db.Postings.Select(p => p.Status).SingleAsync()));

        Factory.Time.Advance(TimeSpan.FromDays(91));
        Assert.Equal(1, (await RunJobAsync()).Deleted);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Postings.CountAsync()));
    }

    [Fact]
    public async Task Job_RunByTwoInstancesAtOnce_RemindsAndDeletesOnce()
    {
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, lao);
        var ids = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await owner.PublishAsync(new PostingSteps.Draft { Title = $"Posting {i}" }));
        }

        await using var second = new PortalFactory().ShareDatabaseWith(Factory);
        _ = second.Server;
        var validUntil = await Factory.WithDbAsync(db => db.Postings.MaxAsync(p => p.ValidUntil));
        AdvanceTo(validUntil.AddDays(-20));
        second.Time.SetUtcNow(Factory.Time.GetUtcNow());
        var reports = await Task.WhenAll(
            Factory.RunLifecycleAsync(),
            second.RunLifecycleAsync());
        Assert.Equal(4, reports.Sum(r => r.Reminders30));
        Assert.Equal(4, await RemindersAsync());

        AdvanceTo(validUntil.AddDays(100));
        second.Time.SetUtcNow(Factory.Time.GetUtcNow());
        reports = await Task.WhenAll(
            Factory.RunLifecycleAsync(),
            second.RunLifecycleAsync());
        Assert.Equal(4, reports.Sum(r => r.Deleted));
        Assert.Equal(4, reports.Sum(r => r.Expired));
        Assert.Equal(4, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "PostingDeleted")));
    }

    private void AdvanceTo(DateTimeOffset when) => Factory.Time.SetUtcNow(when);
}
