using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// The rules of <see cref="FailureLimit"/> and <see cref="AcceptedLimit"/> on the counters in the database
/// (<see cref="RateCounters"/>), with small budgets; the pages that use them are tested in BruteForceTests,
/// AccessRequestLimitTests and MultiInstanceTests.
/// </summary>
public sealed class RateCounterTests : PortalTest
{
    private static readonly IPAddress Room = IPAddress.Parse("192.0.2.10");

    [Fact]
    public async Task FailureLimit_WithinTheBudgetNothingIsRefused_PastItTheNamesThatFailed_PastTheCeilingEveryName()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var counters = scope.ServiceProvider.GetRequiredService<RateCounters>();
        var limit = new FailureLimit("test", 3, 6, TimeSpan.FromMinutes(15), counters);
        var time = Factory.Time;

        await limit.CountFailureAsync(Room, "a@example.test");
        await limit.CountFailureAsync(Room, "b@example.test");
        Assert.Null(await limit.RefusalAsync(Room, "a@example.test"));
        time.Advance(TimeSpan.FromMinutes(5));
        await limit.CountFailureAsync(Room, "b@example.test");

        // Names are compared as people type them: case and surrounding spaces do not make a new name.
        Assert.Equal((TimeSpan.FromMinutes(10), true), await limit.RefusalAsync(Room, " A@Example.TEST "));
        Assert.Equal((TimeSpan.FromMinutes(10), false), await limit.RefusalAsync(Room, "b@example.test")); // audited once a window
        Assert.Null(await limit.RefusalAsync(Room, "someone.else@example.test"));
        Assert.Null(await limit.RefusalAsync(IPAddress.Parse("192.0.2.11"), "a@example.test"));

        // No name is kept in clear.
        var hashes = await Factory.WithDbAsync(db => db.RateCounterNames.Where(n => n.Limit == "test").Select(n => n.NameHash).ToListAsync());
        Assert.Equal(2, hashes.Count);
        Assert.All(hashes, h => Assert.Matches("^[0-9a-f]{64}$", h));

        // Past the ceiling, every name from the address is refused.
        for (var i = 0; i < 3; i++)
        {
            await limit.CountFailureAsync(Room, $"stolen{i}@example.test");
        }

        Assert.NotNull(await limit.RefusalAsync(Room, "delegate@example.test"));

        // A new window, a new budget; the ended window is purged when the next one starts.
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(await limit.RefusalAsync(Room, "a@example.test"));
        await limit.CountFailureAsync(Room, "a@example.test");
        Assert.Null(await limit.RefusalAsync(Room, "a@example.test"));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.RateCounterNames.CountAsync(n => n.Limit == "test")));

        // An IPv6 subscriber's /64 is one address.
        var network = new FailureLimit("test-v6", 2, 4, TimeSpan.FromMinutes(15), counters);
        await network.CountFailureAsync(IPAddress.Parse("2001:db8:1:2::1"), "a@example.test");
        await network.CountFailureAsync(IPAddress.Parse("2001:db8:1:2::2"), "b@example.test");
        Assert.NotNull(await network.RefusalAsync(IPAddress.Parse("2001:db8:1:2::3"), "a@example.test"));
    }

    [Fact]
    public async Task AcceptedLimit_PastItsPermitsRefusesWithRetryAfter_OthersAreNot_UntilTheWindowEnds_AndConcurrentTakesAreAllCounted()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var limit = new AcceptedLimit("test", 3, TimeSpan.FromHours(1), scope.ServiceProvider.GetRequiredService<RateCounters>());
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(await limit.TakeAsync(Room));
        }

        Factory.Time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal((TimeSpan.FromMinutes(40), true), await limit.TakeAsync(Room));
        Assert.Equal((TimeSpan.FromMinutes(40), false), await limit.TakeAsync(Room)); // audited once a window
        Assert.Null(await limit.TakeAsync(IPAddress.Parse("192.0.2.21")));
        Assert.Null(await limit.TakeAsync(IPAddress.Parse("2001:db8:1:2::1")));
        Assert.Null(await limit.TakeAsync(IPAddress.Parse("2001:db8:1:2::2")));
        Assert.Null(await limit.TakeAsync(IPAddress.Parse("2001:db8:1:2::3")));
        Assert.NotNull(await limit.TakeAsync(IPAddress.Parse("2001:db8:1:2::4")));

        Factory.Time.Advance(TimeSpan.FromMinutes(40));
        Assert.Null(await limit.TakeAsync(Room));

        // Twenty requests at once, each on a connection of its own: of ten permits, exactly ten are given.
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Factory.WithServicesAsync(sp =>
            new AcceptedLimit("burst", 10, TimeSpan.FromHours(1), sp.GetRequiredService<RateCounters>()).TakeAsync(Room))));
        Assert.Equal(10, results.Count(r => r is null));
        Assert.Single(results, r => r is (_, true));
    }
}
