using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Catalogue;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>Opening a call reaches every State's focal points; reminders reach those whose State has not submitted, once each.</summary>
public sealed class CallAnnouncementTests : PortalTest
{
    [Fact]
    public async Task Opening_ReachesEveryStatesFocalPoints_Once_AndRemindersOnlyStatesThatHaveNotSubmitted()
    {
        var start = Factory.Time.GetUtcNow();
        var today = DateOnly.FromDateTime(start.UtcDateTime);
        var call = await CatalogueSteps.CreateCallAsync(Factory, today.AddDays(2), today.AddDays(60));
        var laos = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var chile = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "CHL");
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "CHL");
        var organisation = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "ngo-publishes");

        Assert.Equal(new CallAnnouncements.Report(0, 0), await RunAsync());

        Factory.Time.Advance(TimeSpan.FromDays(3));
        var first = await RunAsync();
        Assert.True(first.Announced >= 2, $"announced to {first.Announced}");
        Assert.Equal(new CallAnnouncements.Report(0, 0), await RunAsync());
        var opened = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, chile.Email));
        Assert.Equal($"Call for contributions: {call.Title}", opened.Subject);
        Assert.Contains($"/Catalogue/Calls/{call.Id}", opened.Body, StringComparison.Ordinal);
        Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, laos.Email));
        Assert.Empty(await Mailbox.DeliverAndReadAsync(Factory, member.Email));
        Assert.Empty(await Mailbox.DeliverAndReadAsync(Factory, organisation.Email));

        // Laos submits; 30 days before the deadline only Chile is reminded, once.
        await Factory.WithDbAsync(async db =>
        {
            db.Contributions.Add(new Contribution { CallId = call.Id, ParticipantId = laos.ParticipantId, Title = "Ours", Status = ContributionStatus.Submitted, CreatedBy = "seed" });
            return await db.SaveChangesAsync();
        });
        Factory.Time.SetUtcNow(CallCalendar.ClosesAt(call).AddDays(-31).AddHours(1).ToUniversalTime());
        Assert.True((await RunAsync()).Reminded >= 1);
        Assert.Equal(0, (await RunAsync()).Reminded);
        var reminders = (await Mailbox.DeliverAndReadAsync(Factory, chile.Email)).Where(m => m.Subject.Contains("left for contributions", StringComparison.Ordinal)).ToList();
        Assert.Equal("30 days left for contributions: " + call.Title, Assert.Single(reminders).Subject);
        Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, laos.Email));

        // The portal was down on the 7-day mark: the next run sends one reminder, not two.
        Factory.Time.SetUtcNow(CallCalendar.ClosesAt(call).AddHours(-10).ToUniversalTime());
        Assert.True((await RunAsync()).Reminded >= 1);
        Assert.Equal(0, (await RunAsync()).Reminded);
        var last = (await Mailbox.DeliverAndReadAsync(Factory, chile.Email)).Select(m => m.Subject).ToList();
        Assert.Equal(3, last.Count);
        Assert.Contains("Last day for contributions: " + call.Title, last);

        Assert.Equal(3, await Factory.WithDbAsync(db => db.CallReminders.CountAsync(r => r.CallId == call.Id)));
    }

    private Task<CallAnnouncements.Report> RunAsync() =>
        Factory.WithServicesAsync(sp => sp.GetRequiredService<CallAnnouncements>().RunAsync());
}
