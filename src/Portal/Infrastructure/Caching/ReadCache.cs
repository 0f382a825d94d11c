using Microsoft.Extensions.Caching.Memory;

namespace Portal.Infrastructure.Caching;

/// <summary>
/// Results of reads that many requests repeat (a session's validity, a participant's rights, a list page, a posting),
/// kept in this instance's memory with the change stamp they were read under (decision 007). An entry answers only
/// while the database's stamp is still the one it was read under and its own deadline (an expiry, the end of a
/// session) has not passed on the portal's clock; otherwise the caller reads the database again.
/// </summary>
public sealed class ReadCache(TimeProvider time) : IDisposable
{
    /// <summary>Entries kept at most; the least recently used go first. A list page entry is a few kilobytes.</summary>
    public const int Capacity = 20_000;

    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.25 });

    /// <summary>The cached value for <paramref name="key"/> if it was read under <paramref name="stamp"/> and is not past its deadline.</summary>
    public bool TryGet<T>(object key, long stamp, out T value)
    {
        if (entries.TryGetValue(key, out var found) && found is Entry<T> entry && entry.Stamp == stamp
            && time.GetUtcNow() < entry.Until)
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>
    /// Keeps <paramref name="value"/>, read under <paramref name="stamp"/>, until <paramref name="until"/> at the latest.
    /// The stamp must have been read before the value: a change committed in between then only makes the entry
    /// newer than its stamp, never older.
    /// </summary>
    public void Set<T>(object key, long stamp, T value, DateTimeOffset until) =>
        entries.Set(key, new Entry<T>(stamp, value, until), new MemoryCacheEntryOptions
        {
            Size = 1,
            SlidingExpiration = TimeSpan.FromMinutes(30),
        });

    /// <summary>Reads through the cache: the cached value, or <paramref name="load"/>'s, which is then kept.</summary>
    public async Task<T> GetOrLoadAsync<T>(object key, long stamp, Func<Task<(T Value, DateTimeOffset Until)>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (TryGet<T>(key, stamp, out var cached))
        {
            return cached;
        }

        var (value, until) = await load();
        Set(key, stamp, value, until);
        return value;
    }

    public void Dispose() => entries.Dispose();

    private sealed record Entry<T>(long Stamp, T Value, DateTimeOffset Until);
}
