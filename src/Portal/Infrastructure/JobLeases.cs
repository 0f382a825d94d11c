using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Infrastructure;

/// <summary>This process among the app instances on one database: a random id per start, with the machine's name for the logs.</summary>
public sealed class PortalInstance
{
    public string Id { get; } = $"{Environment.MachineName}/{Guid.NewGuid().ToString("N")[..12]}";
}

/// <summary>
/// Lets one app instance at a time run a background job (<see cref="ScheduledJob"/>): a row per job in
/// <see cref="JobLease"/>, taken with one conditional statement before a run (free, expired, or already this instance's),
/// renewed every <see cref="RenewEvery"/> while the run goes on, and removed at its end. An instance that dies during a
/// run stops renewing, and its lease expires after <see cref="Duration"/>: the next run of another instance takes it
/// over, and says so in the log. Times are on <see cref="TimeProvider"/>.
/// </summary>
public sealed class JobLeases(IServiceScopeFactory scopes, PortalInstance instance, TimeProvider time, ILogger<JobLeases> logger)
{
    /// <summary>How long a lease lasts without renewal: a killed instance's job is taken over within this.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(1);

    /// <summary>A third of <see cref="Duration"/>, so that two missed renewals still leave the lease held.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(20);

    public string InstanceId => instance.Id;

    /// <summary>True when this instance now holds the job's lease, for <see cref="Duration"/>.</summary>
    public async Task<bool> TryTakeAsync(string job, CancellationToken token = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var expiresAt = now + (long)Duration.TotalMilliseconds;
        var holder = instance.Id;
        var before = await db.JobLeases.AsNoTracking().Where(l => l.Job == job).Select(l => new { l.Holder, l.ExpiresAt }).ToListAsync(token);
        if (before is [var held] && held.Holder != holder && held.ExpiresAt > now)
        {
            return false;
        }

        // Taken only if it is still free, expired or this instance's when the statement runs: of two instances trying at
        // once, one inserts or updates the row and the other changes nothing.
        var taken = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "JobLeases" ("Job", "Holder", "ExpiresAt") VALUES ({job}, {holder}, {expiresAt})
            ON CONFLICT ("Job") DO UPDATE SET "Holder" = excluded."Holder", "ExpiresAt" = excluded."ExpiresAt"
            WHERE "JobLeases"."Holder" = excluded."Holder" OR "JobLeases"."ExpiresAt" <= {now}
            """, token) == 1;
        if (taken && before is [var expired] && expired.Holder != holder)
        {
            logger.LogWarning(
                "Job {Job}: took over the lease of instance {Previous}, which expired at {ExpiredAt:u} without being renewed or released",
                job, expired.Holder, DateTimeOffset.FromUnixTimeMilliseconds(expired.ExpiresAt));
        }

        return taken;
    }

    /// <summary>Extends this instance's lease; false when it no longer holds it (it expired and another took it).</summary>
    public async Task<bool> RenewAsync(string job, CancellationToken token = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var expiresAt = (time.GetUtcNow() + Duration).ToUnixTimeMilliseconds();
        return await db.JobLeases.Where(l => l.Job == job && l.Holder == instance.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, expiresAt), token) == 1;
    }

    /// <summary>Gives the lease up at the end of a run, if this instance still holds it.</summary>
    public async Task ReleaseAsync(string job, CancellationToken token = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.JobLeases.Where(l => l.Job == job && l.Holder == instance.Id).ExecuteDeleteAsync(token);
    }
}
