using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Caching;

namespace Portal.Tests.Unit;

public sealed class ReadCacheTests : IDisposable
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly ReadCache cache;
    private int loads;

    public ReadCacheTests() => cache = new ReadCache(time);

    public void Dispose() => cache.Dispose();

    private Task<string> ReadAsync(long stamp, TimeSpan lifetime) => cache.GetOrLoadAsync("list", stamp, () =>
    {
        loads++;
        return Task.FromResult(($"read {loads}", time.GetUtcNow() + lifetime));
    });

    [Fact]
    public async Task SameStamp_AnswersFromMemory()
    {
        Assert.Equal("read 1", await ReadAsync(7, TimeSpan.FromHours(1)));
        Assert.Equal("read 1", await ReadAsync(7, TimeSpan.FromHours(1)));
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task AnotherStamp_ReadsAgain_EvenAnOlderOne()
    {
        await ReadAsync(7, TimeSpan.FromHours(1));
        Assert.Equal("read 2", await ReadAsync(8, TimeSpan.FromHours(1)));
        // A request that read the stamps before the change must not get the newer entry as if it were its own:
        // it reads for itself (correct either way, since its data is read after its stamp).
        Assert.Equal("read 3", await ReadAsync(7, TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task PastItsDeadline_OnThePortalsClock_ReadsAgain()
    {
        await ReadAsync(7, TimeSpan.FromMinutes(10));
        time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal("read 1", await ReadAsync(7, TimeSpan.FromMinutes(10)));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("read 2", await ReadAsync(7, TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void EntriesOfAnotherType_UnderTheSameKey_AreNotReturned()
    {
        cache.Set("key", 1, 42, DateTimeOffset.MaxValue);
        Assert.False(cache.TryGet<string>("key", 1, out _));
        Assert.True(cache.TryGet<int>("key", 1, out var value));
        Assert.Equal(42, value);
    }
}
