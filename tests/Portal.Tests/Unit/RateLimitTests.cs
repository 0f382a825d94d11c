using Portal.Infrastructure.Security;

namespace Portal.Tests.Unit;

public class RateLimitAnswerTests
{
    [Fact]
    public void WaitSentence_SaysWholeMinutes_RoundedUp()
    {
        Assert.Equal("Wait 10 minutes, then try again.", RateLimits.WaitSentence(TimeSpan.FromMinutes(10)));
        Assert.Equal("Wait 1 minute, then try again.", RateLimits.WaitSentence(TimeSpan.FromSeconds(20)));
        Assert.Equal("Wait 2 minutes, then try again.", RateLimits.WaitSentence(TimeSpan.FromSeconds(61)));
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
