using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Catalogue;

/// <summary>The build a builder holds: its number and the token it was claimed with.</summary>
public sealed record BuildClaim(int BuildId, Guid Token)
{
    /// <summary>The build, if it is still running under this claim (the sweep or another instance may have taken it).</summary>
    public IQueryable<CatalogueBuild> Of(PortalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.CatalogueBuilds.Where(b => b.Id == BuildId && b.Status == BuildStatus.Running && b.ClaimToken == Token);
    }
}

/// <summary>
/// Keeps a running build's <see cref="CatalogueBuild.HeartbeatAt"/> fresh every <see cref="Interval"/> while the build
/// is busy between progress updates (printing a long PDF says nothing for a while). It writes through a context of its
/// own, since the build's context is in use meanwhile; a missed beat is logged and the next one tries again.
/// </summary>
public sealed class BuildHeartbeat : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A running build whose heartbeat is older than this was cut off (its instance stopped or lost the database) and
    /// is failed by the sweep: several missed beats, so that a slow database or a pause does not fail a live build.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly CancellationTokenSource stop = new();
    private readonly Task beating;

    public BuildHeartbeat(IServiceScopeFactory scopes, TimeProvider time, BuildClaim claim, ILogger logger)
    {
        beating = BeatAsync(scopes, time, claim, logger, stop.Token);
    }

    private static async Task BeatAsync(IServiceScopeFactory scopes, TimeProvider time, BuildClaim claim, ILogger logger, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                    // A beat that has started is finished even if the build ends meanwhile: it only touches its own claim.
                    await claim.Of(db).ExecuteUpdateAsync(s => s.SetProperty(b => b.HeartbeatAt, time.GetUtcNow()), CancellationToken.None);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "The heartbeat of build {BuildId} could not be written; it tries again in {Interval}", claim.BuildId, Interval);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The build ended.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await beating;
        stop.Dispose();
    }
}
