using System.Text;
using Portal.Features.Accounts;

namespace Portal.Tests.Unit;

public class TotpTests
{
    // RFC 6238 appendix B, SHA-1 key "12345678901234567890", 8 digits.
    [Theory]
    [InlineData(59, "94287082")]
    [InlineData(1111111109, "07081804")]
    [InlineData(1234567890, "89005924")]
    [InlineData(2000000000, "69279037")]
    public void Compute_MatchesRfc6238Vectors(long unixSeconds, string expected)
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");
        var step = Totp.TimeStep(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));
        Assert.Equal(expected, Totp.Compute(key, step, digits: 8));
    }

    [Fact]
    public void Match_RefusesAStepAlreadyUsed()
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var code = Totp.Compute(key, Totp.TimeStep(now));
        var step = Totp.Match(key, code, now, lastUsedStep: 0);
        Assert.Equal(Totp.TimeStep(now), step);
        Assert.Null(Totp.Match(key, code, now, lastUsedStep: step!.Value));
    }

    [Fact]
    public void Match_AcceptsOneStepOfDriftButNotTwo()
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        Assert.NotNull(Totp.Match(key, Totp.Compute(key, Totp.TimeStep(now) - 1), now, 0));
        Assert.Null(Totp.Match(key, Totp.Compute(key, Totp.TimeStep(now) - 2), now, 0));
        Assert.Null(Totp.Match(key, "12a456", now, 0));
    }

    [Fact]
    public void DecodeBase32_ReadsRfc4648()
    {
        Assert.Equal("foobar", Encoding.ASCII.GetString(Totp.DecodeBase32("MZXW6YTBOI======")));
        Assert.Equal("foobar", Encoding.ASCII.GetString(Totp.DecodeBase32("mzxw 6ytb oi")));
    }
}
