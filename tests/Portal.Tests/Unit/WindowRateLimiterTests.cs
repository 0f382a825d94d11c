using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;
using Portal.Features.Security;

namespace Portal.Tests.Unit;

public class WindowRateLimiterTests
{
    [Fact]
    public void Limiter_RefusesPastTheLimitWithRetryAfter_AndOpensAfterTheWindow()
    {
        var time = new FakeTimeProvider();
        using var limiter = new WindowRateLimiter(3, TimeSpan.FromMinutes(15), time);
        for (var i = 0; i < 3; i++)
        {
            using var ok = limiter.AttemptAcquire();
            Assert.True(ok.IsAcquired);
        }

        time.Advance(TimeSpan.FromMinutes(5));
        using (var refused = limiter.AttemptAcquire())
        {
            Assert.False(refused.IsAcquired);
            Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
            Assert.Equal(TimeSpan.FromMinutes(10), retryAfter);
        }

        time.Advance(TimeSpan.FromMinutes(10));
        using var again = limiter.AttemptAcquire();
        Assert.True(again.IsAcquired);
    }
}
