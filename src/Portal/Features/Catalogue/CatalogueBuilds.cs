using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Features.Catalogue.Book;
using Portal.Infrastructure;

namespace Portal.Features.Catalogue;

/// <summary>Wakes the builder when an editor asks for a build.</summary>
public sealed class BuildSignal : JobSignal;

/// <summary>
/// Builds of the book: an editor asks for one, <see cref="CatalogueBuildJob"/> runs it in the background and writes
/// what it is doing into the build, so that the build page shows the progress. A build reads its inputs once
/// (<see cref="BookInputs"/>), keeps their fingerprint, and stores the PDF, the EPUB, the one-file HTML and the web
/// edition with the SHA-256 of each file. A running build beats (<see cref="BuildHeartbeat"/>); one silent for
/// several minutes is failed by the next builder to look.
/// </summary>
public sealed class CatalogueBuilds(
    PortalDbContext db, CatalogueVisitors visitors, BookInputs inputs, PrintBook printer, AuditLog audit, TimeProvider time,
    BuildSignal signal, IServiceScopeFactory scopes, ILogger<CatalogueBuilds> logger)
{
    /// <summary>The web edition's files are saved in batches of about this many bytes.</summary>
    private const long SaveEvery = 8 * 1024 * 1024;

    /// <summary>
    /// Queues a build of the edition, or returns the one already waiting for it (a running build has read its inputs
    /// already, so a request made while it runs queues a new one); null, with the reason in Error, when the edition has
    /// no chapter to build.
    /// </summary>
    public async Task<(CatalogueBuild? Build, string? Error)> RequestAsync(CatalogueCall call, bool forObservers)
    {
        ArgumentNullException.ThrowIfNull(call);
        var visitor = await visitors.CurrentAsync();
        if (!visitor.MayBuild)
        {
            throw new UnauthorizedAccessException("Only editors build the book.");
        }

        var pending = await db.CatalogueBuilds.FirstOrDefaultAsync(b => b.CallId == call.Id && b.ForObservers == forObservers
            && b.Status == BuildStatus.Queued);
        if (pending is not null)
        {
            return (pending, null);
        }

        var chapters = await db.Contributions.CountAsync(c => c.CallId == call.Id && c.Status == ContributionStatus.Accepted
            && (!forObservers || !c.StatesOnly));
        if (chapters == 0)
        {
            return (null, forObservers
                ? "There is nothing to build for observers yet: no accepted contribution may be shown to them."
                : "There is nothing to build yet: accept at least one contribution first.");
        }

        var build = new CatalogueBuild
        {
            CallId = call.Id,
            ForObservers = forObservers,
            Status = BuildStatus.Queued,
            Progress = "Waiting for the builder to start.",
            RequestedBy = visitor.Reader.UserId!,
            RequestedAt = time.GetUtcNow(),
        };
        db.CatalogueBuilds.Add(build);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditEvent.BookBuildRequested, $"build:{build.Id.ToString(CultureInfo.InvariantCulture)}",
            forObservers ? $"{call.Title}: the edition for observers" : $"{call.Title}: the edition for States");
        signal.Wake();
        return (build, null);
    }

    /// <summary>
    /// Gives a finished build to its readers; the build of the same edition they had before is retired, so that readers
    /// always have one. Returns false when the build cannot be published (not finished).
    /// </summary>
    public async Task<bool> PublishAsync(CatalogueBuild build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var visitor = await visitors.CurrentAsync();
        if (!visitor.IsEditor)
        {
            throw new UnauthorizedAccessException("Only editors publish the book.");
        }

        if (!visitor.MayPublish(build))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.CatalogueBuilds.Where(b => b.CallId == build.CallId && b.ForObservers == build.ForObservers && b.Id != build.Id && b.PublishedAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.PublishedAt, (DateTimeOffset?)null).SetProperty(b => b.PublishedBy, (string?)null));
        var published = await db.CatalogueBuilds.Where(b => b.Id == build.Id && b.Status == BuildStatus.Succeeded)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.PublishedAt, time.GetUtcNow()).SetProperty(b => b.PublishedBy, visitor.Reader.UserId));
        if (published != 1)
        {
            // Its files were removed meanwhile (BuildPurge): readers keep the build they have.
            await transaction.RollbackAsync();
            return false;
        }

        audit.Write(AuditEvent.BookEditionPublished, $"build:{build.Id.ToString(CultureInfo.InvariantCulture)}", BuildLabels.Edition(build.ForObservers));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>Takes a published build back from its readers (a chapter that must not circulate); editors still see it.</summary>
    public async Task WithdrawAsync(CatalogueBuild build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var visitor = await visitors.CurrentAsync();
        if (!visitor.IsEditor)
        {
            throw new UnauthorizedAccessException("Only editors withdraw an edition.");
        }

        await db.CatalogueBuilds.Where(b => b.Id == build.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.PublishedAt, (DateTimeOffset?)null).SetProperty(b => b.PublishedBy, (string?)null));
        await audit.RecordAsync(AuditEvent.BookEditionWithdrawn, $"build:{build.Id.ToString(CultureInfo.InvariantCulture)}", BuildLabels.Edition(build.ForObservers));
    }

    /// <summary>Runs the oldest waiting build; false when none waits. Two instances never run the same build.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellation = default)
    {
        await FailAbandonedAsync(cancellation);
        if (await ClaimNextAsync(cancellation) is not { } claim)
        {
            return false;
        }

        await RunAsync(claim, cancellation);
        return true;
    }

    /// <summary>
    /// Claims the oldest waiting build for this run with a conditional update and a fresh token; null when none waits.
    /// What an earlier run of the same build left (it was cut off while storing its files) is removed first.
    /// </summary>
    public async Task<BuildClaim?> ClaimNextAsync(CancellationToken cancellation = default)
    {
        while (await db.CatalogueBuilds.Where(b => b.Status == BuildStatus.Queued).OrderBy(b => b.Id)
            .Select(b => (int?)b.Id).FirstOrDefaultAsync(cancellation) is int id)
        {
            var claim = new BuildClaim(id, Guid.NewGuid());
            var now = time.GetUtcNow();
            var claimed = await db.CatalogueBuilds.Where(b => b.Id == id && b.Status == BuildStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BuildStatus.Running)
                    .SetProperty(b => b.ClaimToken, claim.Token)
                    .SetProperty(b => b.StartedAt, now)
                    .SetProperty(b => b.HeartbeatAt, now)
                    .SetProperty(b => b.Progress, "Reading the accepted contributions."), cancellation);
            if (claimed == 1)
            {
                await db.BuildFiles.Where(f => f.BuildId == id).ExecuteDeleteAsync(cancellation);
                return claim;
            }

            // Another instance took it: try the next one.
        }

        return null;
    }

    /// <summary>
    /// Runs a claimed build to its end. Each file is stored as soon as it is made, and let go of, so that the builder
    /// holds one output at a time rather than the whole book four times over; every step is written only while the
    /// build is still this run's (<see cref="BuildClaim"/>), and a run whose build was taken from it discards its work.
    /// </summary>
    public async Task RunAsync(BuildClaim claim, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var id = claim.BuildId;
        try
        {
            await using (new BuildHeartbeat(scopes, time, claim, logger))
            {
                await BuildAsync(claim, cancellation);
            }
        }
        catch (BuildTakenException)
        {
            db.ChangeTracker.Clear();
            logger.LogWarning("The build {BuildId} was taken from this run (its heartbeat was late, and the sweep failed it, or another instance took it); its result is discarded", id);
            await DiscardFilesAsync(claim, CancellationToken.None);
        }
        catch (Exception ex) when (cancellation.IsCancellationRequested)
        {
            // The portal is stopping, whatever the error says (a disposed browser or context): the build waits for the next start.
            logger.LogWarning(ex, "The build {BuildId} was cut off by the portal stopping; it waits for the next start", id);
            db.ChangeTracker.Clear();
            await DiscardFilesAsync(claim, CancellationToken.None);
            await claim.Of(db).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BuildStatus.Queued)
                .SetProperty(b => b.Progress, "Waiting for the builder to start again (the portal was restarted)."), CancellationToken.None);
            throw new OperationCanceledException(cancellation);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The build {BuildId} failed", id);
            db.ChangeTracker.Clear();
            var reason = ex switch
            {
                System.TimeoutException => "Printing the PDF took longer than the portal allows (the setting Print:LoadTimeout). The details are in the portal's log; tell the portal's operator.",
                PlaywrightException => "The PDF could not be printed: the portal could not use its browser (Chromium). The details are in the portal's log; tell the portal's operator.",
                _ => "The build stopped on an unexpected error. The details are in the portal's log; build again, and tell the portal's operator if it fails again.",
            };
            await DiscardFilesAsync(claim, CancellationToken.None);
            var failed = await claim.Of(db).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BuildStatus.Failed)
                .SetProperty(b => b.Error, reason)
                .SetProperty(b => b.Progress, "Stopped.")
                .SetProperty(b => b.FinishedAt, time.GetUtcNow()), CancellationToken.None);
            if (failed == 0)
            {
                logger.LogWarning("The build {BuildId} was taken from this run before it failed; its failure is not recorded", id);
            }
        }
    }

    private async Task BuildAsync(BuildClaim claim, CancellationToken cancellation)
    {
        var build = await db.CatalogueBuilds.AsNoTracking().SingleAsync(b => b.Id == claim.BuildId, cancellation);
        var call = await db.CatalogueCalls.AsNoTracking().SingleAsync(c => c.Id == build.CallId, cancellation);
        var edition = await inputs.LoadAsync(call, build.ForObservers, cancellation);
        var fingerprint = BookFingerprint.Of(edition);
        var chapters = edition.Chapters.Count();

        var pages = await StorePdfAsync(claim, edition, cancellation);
        await ProgressAsync(claim, "Writing the EPUB and the web edition.", cancellation);
        await StoreWebEditionAsync(claim, await StoreEpubAsync(claim, edition, cancellation), cancellation);
        await ProgressAsync(claim, "Writing the one-file HTML.", cancellation);
        await StoreAsync(claim.BuildId, BuildFileKind.Html, "", SingleFileHtml.Build(edition), cancellation);

        var now = time.GetUtcNow();
        var done = await claim.Of(db).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BuildStatus.Succeeded)
            .SetProperty(b => b.Fingerprint, fingerprint)
            .SetProperty(b => b.Chapters, chapters)
            .SetProperty(b => b.Pages, pages)
            .SetProperty(b => b.Progress, "Done.")
            .SetProperty(b => b.HeartbeatAt, now)
            .SetProperty(b => b.FinishedAt, now), cancellation);
        if (done == 0)
        {
            throw new BuildTakenException();
        }

        logger.LogInformation("Built the book of call {CallId} (build {BuildId}): {Chapters} chapters, {Pages} pages, fingerprint {Fingerprint}",
            call.Id, claim.BuildId, chapters, pages, fingerprint);
    }

    // Each output in a method of its own: its bytes are gone with the method, not kept until the build ends.
    private async Task<int> StorePdfAsync(BuildClaim claim, BookEdition edition, CancellationToken cancellation)
    {
        var printed = await printer.PrintAsync(edition, sentence => ProgressAsync(claim, sentence, cancellation), cancellation);
        await ProgressAsync(claim, "Saving the PDF.", cancellation);
        await StoreAsync(claim.BuildId, BuildFileKind.Pdf, "", printed.Pdf, cancellation);
        return printed.Pages;
    }

    private async Task<Queue<WebEditionFile>> StoreEpubAsync(BuildClaim claim, BookEdition edition, CancellationToken cancellation)
    {
        var (epub, web) = EpubBook.BuildWithWebEdition(edition);
        await StoreAsync(claim.BuildId, BuildFileKind.Epub, "", epub, cancellation);
        return new Queue<WebEditionFile>(web);
    }

    // The web edition's pages and figures are many small files: saved a few megabytes at a time, each let go once saved.
    private async Task StoreWebEditionAsync(BuildClaim claim, Queue<WebEditionFile> files, CancellationToken cancellation)
    {
        while (files.Count > 0)
        {
            await ProgressAsync(claim, "Saving the web edition.", cancellation);
            long batch = 0;
            while (batch < SaveEvery && files.TryDequeue(out var file))
            {
                Stage(claim.BuildId, file.IsImage ? BuildFileKind.WebImage : BuildFileKind.WebPage, file.Name, file.Content);
                batch += file.Content.LongLength;
            }

            await SaveAsync(cancellation);
        }
    }

    private async Task StoreAsync(int buildId, BuildFileKind kind, string name, byte[] content, CancellationToken cancellation)
    {
        Stage(buildId, kind, name, content);
        await SaveAsync(cancellation);
    }

    private void Stage(int buildId, BuildFileKind kind, string name, byte[] content) =>
        db.BuildFiles.Add(new BuildFile
        {
            BuildId = buildId,
            Kind = kind,
            Name = name,
            Length = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = new BuildFileContent { Data = content },
        });

    // The change tracker would otherwise keep every stored file's bytes until the build ends.
    private async Task SaveAsync(CancellationToken cancellation)
    {
        await db.SaveChangesAsync(cancellation);
        db.ChangeTracker.Clear();
    }

    /// <summary>Tells the editors what the build does now, and beats; a build no longer this run's stops here.</summary>
    private async Task ProgressAsync(BuildClaim claim, string sentence, CancellationToken cancellation)
    {
        var written = await claim.Of(db).ExecuteUpdateAsync(s => s.SetProperty(b => b.Progress, sentence)
            .SetProperty(b => b.HeartbeatAt, time.GetUtcNow()), cancellation);
        if (written == 0)
        {
            throw new BuildTakenException();
        }
    }

    // Only while the build is still this run's, or failed (then nobody else's): a run never removes another run's files.
    private Task<int> DiscardFilesAsync(BuildClaim claim, CancellationToken cancellation) =>
        db.BuildFiles.Where(f => f.BuildId == claim.BuildId && db.CatalogueBuilds.Any(b => b.Id == claim.BuildId
                && ((b.Status == BuildStatus.Running && b.ClaimToken == claim.Token) || b.Status == BuildStatus.Failed)))
            .ExecuteDeleteAsync(cancellation);

    // A build whose instance died mid-run would otherwise show "running" for ever and block the next request. A live
    // build beats every 30 s, so only one silent for several beats is failed; builds from before the heartbeat have none.
    private async Task FailAbandonedAsync(CancellationToken cancellation)
    {
        var before = time.GetUtcNow() - BuildHeartbeat.Timeout;
        await db.CatalogueBuilds.Where(b => b.Status == BuildStatus.Running && (b.HeartbeatAt ?? b.StartedAt) < before)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BuildStatus.Failed)
                .SetProperty(b => b.Error, "The build was cut off (the portal stopped while it ran). Build again.")
                .SetProperty(b => b.Progress, "Stopped.")
                .SetProperty(b => b.FinishedAt, time.GetUtcNow()), cancellation);
    }

    /// <summary>The build is no longer this run's: the sweep failed it or another instance holds it.</summary>
    private sealed class BuildTakenException : Exception;
}
