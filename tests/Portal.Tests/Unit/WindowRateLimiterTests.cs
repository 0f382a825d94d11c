using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;
using Portal.Features.Security;

namespace Portal.Tests.Unit;

public class WindowRateLimiterTests
{
    [Fact]
    public async Task Limiter_RefusesPastTheLimitWithRetryAfter_AndOpensAfterTheWindow()
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
