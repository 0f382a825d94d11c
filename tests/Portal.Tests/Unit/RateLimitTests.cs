using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Security;

namespace Portal.Tests.Unit;

public class WindowRateLimiterTests
{
    [Fact]
    public async Task Limiter_RefusesPastTheLimitWithRetryAfter_SaidInWholeMinutes_AndOpensAfterTheWindow()
    {
        var time = new FakeTimeProvider();
        using var limiter = new WindowRateLimiter(3, TimeSpan.FromMinutes(15), time);
        for (var i = 0; i < 3; i++)
        {
            using var ok = limiter.AttemptAcquire();
            Assert.True(ok.IsAcquired);
        }

        time.Advance(TimeSpan.FromMinutes(5));
        using (var refused = await limiter.AcquireAsync())
        {
            Assert.False(refused.IsAcquired);
            Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
            Assert.Equal(TimeSpan.FromMinutes(10), retryAfter);
            Assert.Equal("Wait 10 minutes, then try again.", RateLimits.WaitSentence(retryAfter));
            Assert.Equal("Wait 1 minute, then try again.", RateLimits.WaitSentence(TimeSpan.FromSeconds(20)));
            Assert.Equal("Wait 2 minutes, then try again.", RateLimits.WaitSentence(TimeSpan.FromSeconds(61)));
            Assert.True(refused.TryGetMetadata(WindowRateLimiter.FirstRefusal, out var first));
            Assert.True(first);
        }

        using (var second = await limiter.AcquireAsync())
        {
            Assert.True(second.TryGetMetadata(WindowRateLimiter.FirstRefusal, out var first));
            Assert.False(first);
        }

        time.Advance(TimeSpan.FromMinutes(10));
        using var again = limiter.AttemptAcquire();
        Assert.True(again.IsAcquired);
    }
}

public class RateLimitPartitionTests
{
    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void PartitionKey_GroupsAnIpv6SubscribersNetwork(string address, string expected) =>
        Assert.Equal(expected, RateLimits.PartitionKey(System.Net.IPAddress.Parse(address)));
}

public class FailureLimitTests
{
    private static readonly System.Net.IPAddress Room = System.Net.IPAddress.Parse("192.0.2.10");

    [Fact]
    public void WithinTheBudget_NothingIsRefused_EvenANameThatFailedEveryTime()
    {
        var limit = new FailureLimit(3, 6, TimeSpan.FromMinutes(15), new FakeTimeProvider());
        limit.CountFailure(Room, "a@example.test");
        limit.CountFailure(Room, "a@example.test");
        Assert.Null(limit.Refusal(Room, "a@example.test"));
    }

    [Fact]
    public void PastTheBudget_OnlyNamesThatFailedFromThatAddressAreRefused_UntilTheWindowEnds()
    {
        var time = new FakeTimeProvider();
        var limit = new FailureLimit(3, 6, TimeSpan.FromMinutes(15), time);
        limit.CountFailure(Room, "a@example.test");
        limit.CountFailure(Room, "b@example.test");
        time.Advance(TimeSpan.FromMinutes(5));
        limit.CountFailure(Room, "b@example.test");

        // Names are compared as people type them: case and surrounding spaces do not make a new name.
        var refused = limit.Refusal(Room, " A@Example.TEST ");
        Assert.Equal((TimeSpan.FromMinutes(10), true), refused);
        Assert.Equal((TimeSpan.FromMinutes(10), false), limit.Refusal(Room, "b@example.test")); // audited once a window
        Assert.Null(limit.Refusal(Room, "someone.else@example.test"));
        Assert.Null(limit.Refusal(System.Net.IPAddress.Parse("192.0.2.11"), "a@example.test"));

        time.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(limit.Refusal(Room, "a@example.test"));
        limit.CountFailure(Room, "a@example.test");
        Assert.Null(limit.Refusal(Room, "a@example.test")); // a new window, a new budget
    }

    [Fact]
    public void AnIpv6SubscribersNetwork_SharesOneBudget()
    {
        var limit = new FailureLimit(2, 4, TimeSpan.FromMinutes(15), new FakeTimeProvider());
        limit.CountFailure(System.Net.IPAddress.Parse("2001:db8:1:2::1"), "a@example.test");
        limit.CountFailure(System.Net.IPAddress.Parse("2001:db8:1:2::2"), "b@example.test");
        Assert.NotNull(limit.Refusal(System.Net.IPAddress.Parse("2001:db8:1:2::3"), "a@example.test"));
    }

    [Fact]
    public void PastTheCeiling_TheAddressIsRefusedForEveryName()
    {
        var limit = new FailureLimit(3, 6, TimeSpan.FromMinutes(15), new FakeTimeProvider());
        for (var i = 0; i < 5; i++)
        {
            limit.CountFailure(Room, $"stolen{i}@example.test");
        }

        Assert.Null(limit.Refusal(Room, "delegate@example.test"));
        limit.CountFailure(Room, "stolen5@example.test");
        Assert.NotNull(limit.Refusal(Room, "delegate@example.test"));
    }
}

public class AcceptedLimitTests
{
    private static readonly System.Net.IPAddress Room = System.Net.IPAddress.Parse("192.0.2.20");

    [Fact]
    public async Task PastItsPermits_AnAddressIsRefusedWithRetryAfter_OthersAreNot_UntilTheWindowEnds()
    {
        var time = new FakeTimeProvider();
        using var limit = new AcceptedLimit(3, TimeSpan.FromHours(1), time);
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(await limit.TakeAsync(Room));
        }

        time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal((TimeSpan.FromMinutes(40), true), await limit.TakeAsync(Room));
        Assert.Equal((TimeSpan.FromMinutes(40), false), await limit.TakeAsync(Room)); // audited once a window
        Assert.Null(await limit.TakeAsync(System.Net.IPAddress.Parse("192.0.2.21")));

        time.Advance(TimeSpan.FromMinutes(40));
        Assert.Null(await limit.TakeAsync(Room));
    }

    [Fact]
    public async Task AnIpv6SubscribersNetwork_SharesOneCount()
    {
        using var limit = new AcceptedLimit(2, TimeSpan.FromHours(1), new FakeTimeProvider());
        Assert.Null(await limit.TakeAsync(System.Net.IPAddress.Parse("2001:db8:1:2::1")));
        Assert.Null(await limit.TakeAsync(System.Net.IPAddress.Parse("2001:db8:1:2::2")));
        Assert.NotNull(await limit.TakeAsync(System.Net.IPAddress.Parse("2001:db8:1:2::3")));
    }
}
