using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Data;
using Portal.Features.Access;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// Coordinators hear of new access requests by e-mail, so nobody has to look; a burst of requests becomes one notice
/// per coordinator and <see cref="AccessRequests.NoticeInterval"/>, through the real forms and the real SMTP sink.
/// </summary>
public sealed class CoordinatorNoticeTests : PortalTest
{
    private const string Note = "Please call me on my private number.";

    [Fact]
    public async Task Burst_GivesEachCoordinatorTheFirstRequestAtOnce_AndTheRestInOneNoticeAfterTheInterval()
    {
        var coordinators = new[]
        {
            await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true),
            await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true),
        };
        var ids = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await RequestAccessAsync($"Delegate {i}", $"delegate{i}.{Guid.NewGuid():N}@mission.test"));
            Factory.Time.Advance(TimeSpan.FromSeconds(20));
        }

        foreach (var coordinator in coordinators)
        {
            var first = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, coordinator.Email));
            Assert.Equal($"A request for access is waiting (#{ids[0]})", first.Subject);
        }

        // Within the interval the job tells of nothing; after it, of the other eleven, in one notice each.
        Assert.Equal(0, await RunNoticeJobAsync());
        Factory.Time.Advance(AccessRequests.NoticeInterval);
        Assert.Equal(11, await RunNoticeJobAsync());
        Assert.Equal(0, await RunNoticeJobAsync());
        foreach (var coordinator in coordinators)
        {
            var mails = await Mailbox.DeliverAndReadAsync(Factory, coordinator.Email);
            Assert.Equal(2, mails.Count);
            var summary = Assert.Single(mails, m => m.Subject == "11 requests for access are waiting");
            Assert.Contains("11 new requests for access to the portal are waiting for your decision.", summary.Body, StringComparison.Ordinal);
            Assert.Contains($"#{ids[1]}: Delegate 1, Head of mine action, <delegate1.", summary.Body, StringComparison.Ordinal);
            Assert.Contains($"#{ids[10]}: Delegate 10, ", summary.Body, StringComparison.Ordinal);
            Assert.DoesNotContain($"#{ids[11]}:", summary.Body, StringComparison.Ordinal);
            Assert.Contains("Only the first 10 are named here; the requests page lists all 11.", summary.Body, StringComparison.Ordinal);
            Assert.Contains("http://portal.test/Admin/Requests", summary.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(Note, summary.Body, StringComparison.Ordinal);
        }

        // A quiet spell later, a new request is told of at once again.
        Factory.Time.Advance(AccessRequests.NoticeInterval);
        var late = await RequestAccessAsync("Late Delegate", $"late.{Guid.NewGuid():N}@mission.test");
        var told = await Mailbox.DeliverAndReadAsync(Factory, coordinators[0].Email);
        Assert.Contains(told, m => m.Subject == $"A request for access is waiting (#{late})");
    }

    [Fact]
    public async Task RequestDecidedBeforeTheNotice_IsLeftOutOfIt()
    {
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        await RequestAccessAsync("First Delegate", $"first.{Guid.NewGuid():N}@mission.test");
        var decided = await RequestAccessAsync("Decided Delegate", $"decided.{Guid.NewGuid():N}@mission.test");
        var waiting = await RequestAccessAsync("Waiting Delegate", $"waiting.{Guid.NewGuid():N}@mission.test");
        Assert.Null(await Factory.WithServicesAsync(sp => sp.GetRequiredService<AccessRequests>().RejectAsync(decided, "Please ask your mission.")));

        Factory.Time.Advance(AccessRequests.NoticeInterval);
        Assert.Equal(1, await RunNoticeJobAsync());
        var notice = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, coordinator.Email), m => m.Subject == $"A request for access is waiting (#{waiting})");
        Assert.DoesNotContain("Decided Delegate", notice.Body, StringComparison.Ordinal);
    }

    /// <summary>One run of the background job that tells of requests held back by the interval.</summary>
    private Task<int> RunNoticeJobAsync() => Factory.WithServicesAsync(async sp =>
    {
        var before = await sp.GetRequiredService<PortalDbContext>().AccessRequests.CountAsync(r => r.CoordinatorsToldAt != null);
        await Factory.Services.GetServices<IHostedService>().OfType<AccessRequestNotices>().Single().RunOnceAsync();
        return await sp.GetRequiredService<PortalDbContext>().AccessRequests.CountAsync(r => r.CoordinatorsToldAt != null) - before;
    });

    private async Task<int> RequestAccessAsync(string name, string email)
    {
        using var visitor = new Browser(Factory);
        await visitor.OpenAsync("/Access/Request");
        var participantId = await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == "LBN").Select(p => p.Id).SingleAsync());
        await visitor.SubmitAsync("form", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Email"] = email,
            ["Input.ParticipantId"] = participantId.ToString(CultureInfo.InvariantCulture),
            ["Input.Position"] = "Head of mine action",
            ["Input.Note"] = Note,
        });
        Assert.Contains("your request has been sent", visitor.Text, StringComparison.OrdinalIgnoreCase);
        return await Factory.WithDbAsync(db => db.AccessRequests.Where(r => r.Email == email).Select(r => r.Id).SingleAsync());
    }
}
