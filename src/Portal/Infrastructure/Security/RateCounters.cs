using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Infrastructure.Security;

/// <summary>
/// The rate-limit counters every app instance shares, in the database (<see cref="RateCounter"/>): one row per limit
/// and address (or account), counted with one atomic statement (insert, or add one to the row, or start a new window
/// when the old one has ended), so concurrent requests on any instance never lose a count. Each statement is plain SQL
/// that SQLite and PostgreSQL read alike (INSERT … ON CONFLICT … DO UPDATE … RETURNING). Ended windows are purged
/// whenever a window starts, so the tables hold little more than the windows still running.
/// </summary>
public sealed class RateCounters(PortalDbContext db, TimeProvider time)
{
    /// <summary>A window as it stands after a count or a look.</summary>
    public sealed record Window(int Count, DateTimeOffset EndsAt, byte[] Salt);

    /// <summary>The clock the windows are on, to the millisecond as they are stored.</summary>
    public DateTimeOffset Now => DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>Counts one for the partition under the limit and returns the window the count went into.</summary>
    public async Task<Window> CountAsync(string limit, string partition, TimeSpan length, CancellationToken token = default)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var endsAt = now + (long)length.TotalMilliseconds;
        var salt = RandomNumberGenerator.GetBytes(16);
        // Every right-hand side reads the row as it was before this statement, on both databases.
        var rows = await db.Database.SqlQuery<CounterRow>($"""
            INSERT INTO "RateCounters" ("Limit", "Partition", "EndsAt", "Count", "Refused", "Salt")
            VALUES ({limit}, {partition}, {endsAt}, 1, FALSE, {salt})
            ON CONFLICT ("Limit", "Partition") DO UPDATE SET
                "Count" = CASE WHEN "RateCounters"."EndsAt" <= {now} THEN 1 ELSE "RateCounters"."Count" + 1 END,
                "Refused" = CASE WHEN "RateCounters"."EndsAt" <= {now} THEN FALSE ELSE "RateCounters"."Refused" END,
                "Salt" = CASE WHEN "RateCounters"."EndsAt" <= {now} THEN excluded."Salt" ELSE "RateCounters"."Salt" END,
                "EndsAt" = CASE WHEN "RateCounters"."EndsAt" <= {now} THEN excluded."EndsAt" ELSE "RateCounters"."EndsAt" END
            RETURNING "Count", "EndsAt", "Salt"
            """).ToListAsync(token);
        var row = rows.Single();
        if (row.Count == 1)
        {
            await PurgeEndedAsync(now, token);
        }

        return new(row.Count, DateTimeOffset.FromUnixTimeMilliseconds(row.EndsAt), row.Salt);
    }

    /// <summary>The partition's running window under the limit, or null when it has none.</summary>
    public async Task<Window?> FindAsync(string limit, string partition, CancellationToken token = default)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var rows = await db.Database.SqlQuery<CounterRow>($"""
            SELECT "Count", "EndsAt", "Salt" FROM "RateCounters"
            WHERE "Limit" = {limit} AND "Partition" = {partition} AND "EndsAt" > {now}
            """).ToListAsync(token);
        return rows is [var row] ? new(row.Count, DateTimeOffset.FromUnixTimeMilliseconds(row.EndsAt), row.Salt) : null;
    }

    /// <summary>
    /// Marks the window as having refused; true for the first refusal of the window only (on whichever instance), which is
    /// the one audited.
    /// </summary>
    public async Task<bool> MarkRefusedAsync(string limit, string partition, Window window, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        var endsAt = window.EndsAt.ToUnixTimeMilliseconds();
        return await db.Database.ExecuteSqlAsync($"""
            UPDATE "RateCounters" SET "Refused" = TRUE
            WHERE "Limit" = {limit} AND "Partition" = {partition} AND "EndsAt" = {endsAt} AND "Refused" = FALSE
            """, token) == 1;
    }

    /// <summary>
    /// Counts a failure of <paramref name="name"/> and remembers the name in the window, as a hash keyed with the window's
    /// salt; in one transaction, so that SQLite writes its log once.
    /// </summary>
    public async Task CountFailureAsync(string limit, string partition, TimeSpan length, string name, CancellationToken token = default)
    {
        // Within the caller's transaction if it has one.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(token) : null;
        var window = await CountAsync(limit, partition, length, token);
        await AddNameAsync(limit, partition, window, name, token);
        if (transaction is not null)
        {
            await transaction.CommitAsync(token);
        }
    }

    private async Task AddNameAsync(string limit, string partition, Window window, string name, CancellationToken token)
    {
        var hash = NameHash(window, name);
        var endsAt = window.EndsAt.ToUnixTimeMilliseconds();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "RateCounterNames" ("Limit", "Partition", "NameHash", "EndsAt") VALUES ({limit}, {partition}, {hash}, {endsAt})
            ON CONFLICT ("Limit", "Partition", "NameHash") DO UPDATE SET "EndsAt" = excluded."EndsAt"
            """, token);
    }

    /// <summary>Whether <paramref name="name"/> has failed from the partition in this window.</summary>
    public async Task<bool> HasNameAsync(string limit, string partition, Window window, string name, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        var hash = NameHash(window, name);
        var endsAt = window.EndsAt.ToUnixTimeMilliseconds();
        return await db.RateCounterNames.AnyAsync(
            n => n.Limit == limit && n.Partition == partition && n.NameHash == hash && n.EndsAt == endsAt, token);
    }

    private async Task PurgeEndedAsync(long now, CancellationToken token)
    {
        await db.RateCounters.Where(c => c.EndsAt <= now).ExecuteDeleteAsync(token);
        await db.RateCounterNames.Where(n => n.EndsAt <= now).ExecuteDeleteAsync(token);
    }

    private static string NameHash(Window window, string name) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(window.Salt, Encoding.UTF8.GetBytes(name)));

    // Read by EF from the SQL above; the names are the columns'.
    private sealed class CounterRow
    {
        public int Count { get; set; }

        public long EndsAt { get; set; }

        public byte[] Salt { get; set; } = [];
    }
}
