using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Catalogue;

/// <summary>
/// A build's files take about as much room as the book four times over, and editors build often to check the layout.
/// Of each edition the purge keeps the files of every published build, of the newest finished one not published and of
/// the newest of any status; the older ones lose their files but keep their record (time, fingerprint, hashes), marked
/// <see cref="BuildStatus.FilesRemoved"/>, and can be built again. It also removes what a failed run left behind.
/// Run by <see cref="CatalogueBuildJob"/> after builds and once a day.
/// </summary>
public sealed class BuildPurge(PortalDbContext db, TimeProvider time, ILogger<BuildPurge> logger)
{
    /// <summary>Removes the files of the builds that need not keep them; returns how many builds lost their files.</summary>
    public async Task<int> RunAsync(CancellationToken cancellation = default)
    {
        var builds = await db.CatalogueBuilds.AsNoTracking().Where(b => b.Status != BuildStatus.FilesRemoved)
            .Select(b => new { b.Id, b.CallId, b.ForObservers, b.Status, b.PublishedAt })
            .ToListAsync(cancellation);
        var kept = new HashSet<int>();
        foreach (var edition in builds.GroupBy(b => (b.CallId, b.ForObservers)))
        {
            kept.Add(edition.Max(b => b.Id));
            if (edition.Where(b => b.Status == BuildStatus.Succeeded && b.PublishedAt is null).Select(b => (int?)b.Id).Max() is int newest)
            {
                kept.Add(newest);
            }
        }

        var removed = 0;
        foreach (var id in builds.Where(b => b.Status == BuildStatus.Succeeded && b.PublishedAt is null && !kept.Contains(b.Id)).Select(b => b.Id))
        {
            removed += await RemoveFilesAsync(id, cancellation);
        }

        // A failed run removes its partial files itself, unless its instance died first.
        await db.BuildFiles.Where(f => db.CatalogueBuilds.Any(b => b.Id == f.BuildId && b.Status == BuildStatus.Failed))
            .ExecuteDeleteAsync(cancellation);
        if (removed > 0)
        {
            logger.LogInformation("Removed the files of {Count} older build(s) of the book to save room", removed);
        }

        return removed;
    }

    // Marked first, on the same condition the purge chose it by: an editor publishing it meanwhile keeps it whole, and a
    // build marked cannot be published (PublishAsync wants it Succeeded). The hashes stay with the build's record.
    private async Task<int> RemoveFilesAsync(int id, CancellationToken cancellation)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        var marked = await db.CatalogueBuilds.Where(b => b.Id == id && b.Status == BuildStatus.Succeeded && b.PublishedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BuildStatus.FilesRemoved)
                .SetProperty(b => b.FilesRemovedAt, time.GetUtcNow()), cancellation);
        if (marked == 1)
        {
            await db.BuildFileContents.Where(c => db.BuildFiles.Any(f => f.Id == c.FileId && f.BuildId == id)).ExecuteDeleteAsync(cancellation);
            await db.BuildFiles.Where(f => f.BuildId == id && (f.Kind == BuildFileKind.WebPage || f.Kind == BuildFileKind.WebImage))
                .ExecuteDeleteAsync(cancellation);
        }

        await transaction.CommitAsync(cancellation);
        return marked;
    }
}
