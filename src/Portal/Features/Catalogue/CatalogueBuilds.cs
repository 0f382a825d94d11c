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
/// edition with the SHA-256 of each file.
/// </summary>
public sealed class CatalogueBuilds(
    PortalDbContext db, CatalogueVisitors visitors, BookInputs inputs, PrintBook printer, AuditLog audit, TimeProvider time,
    BuildSignal signal, ILogger<CatalogueBuilds> logger)
{
    /// <summary>A build still marked running after this long was cut off (the portal stopped) and is failed.</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromHours(1);

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
        audit.Write(AuditEvent.BookEditionPublished, $"build:{build.Id.ToString(CultureInfo.InvariantCulture)}", BuildLabels.Edition(build.ForObservers));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return published == 1;
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
        var next = await db.CatalogueBuilds.Where(b => b.Status == BuildStatus.Queued).OrderBy(b => b.Id)
            .Select(b => (int?)b.Id).FirstOrDefaultAsync(cancellation);
        if (next is not int id)
        {
            return false;
        }

        var claimed = await db.CatalogueBuilds.Where(b => b.Id == id && b.Status == BuildStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BuildStatus.Running)
                .SetProperty(b => b.StartedAt, time.GetUtcNow())
                .SetProperty(b => b.Progress, "Reading the accepted contributions."), cancellation);
        if (claimed == 1)
        {
            await RunAsync(id, cancellation);
        }

        return true;
    }

    private async Task RunAsync(int id, CancellationToken cancellation)
    {
        try
        {
            var build = await db.CatalogueBuilds.SingleAsync(b => b.Id == id, cancellation);
            var call = await db.CatalogueCalls.AsNoTracking().SingleAsync(c => c.Id == build.CallId, cancellation);
            var edition = await inputs.LoadAsync(call, build.ForObservers, cancellation);
            build.Fingerprint = BookFingerprint.Of(edition);
            build.Chapters = edition.Chapters.Count();

            var printed = await printer.PrintAsync(edition, sentence => ProgressAsync(id, sentence, cancellation), cancellation);
            build.Pages = printed.Pages;
            await ProgressAsync(id, "Writing the EPUB and the web edition.", cancellation);
            var (epub, web) = EpubBook.BuildWithWebEdition(edition);
            var html = SingleFileHtml.Build(edition);

            await ProgressAsync(id, "Saving the files.", cancellation);
            Add(build, BuildFileKind.Pdf, "", printed.Pdf);
            Add(build, BuildFileKind.Epub, "", epub);
            Add(build, BuildFileKind.Html, "", html);
            foreach (var file in web)
            {
                Add(build, file.IsImage ? BuildFileKind.WebImage : BuildFileKind.WebPage, file.Name, file.Content);
            }

            build.Status = BuildStatus.Succeeded;
            build.Progress = "Done.";
            build.FinishedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellation);
            logger.LogInformation("Built the book of call {CallId} (build {BuildId}): {Chapters} chapters, {Pages} pages, fingerprint {Fingerprint}",
                call.Id, id, build.Chapters, build.Pages, build.Fingerprint);
        }
        catch (Exception ex) when (cancellation.IsCancellationRequested)
        {
            // The portal is stopping, whatever the error says (a disposed browser or context): the build waits for the next start.
            logger.LogWarning(ex, "The build {BuildId} was cut off by the portal stopping; it waits for the next start", id);
            db.ChangeTracker.Clear();
            await db.CatalogueBuilds.Where(b => b.Id == id && b.Status == BuildStatus.Running).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BuildStatus.Queued)
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
            await FailAsync(id, reason, CancellationToken.None);
        }
    }

    private static void Add(CatalogueBuild build, BuildFileKind kind, string name, byte[] content) =>
        build.Files.Add(new BuildFile
        {
            Kind = kind,
            Name = name,
            Length = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = new BuildFileContent { Data = content },
        });

    private async Task ProgressAsync(int id, string sentence, CancellationToken cancellation) =>
        await db.CatalogueBuilds.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Progress, sentence), cancellation);

    private async Task FailAsync(int id, string reason, CancellationToken cancellation) =>
        await db.CatalogueBuilds.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BuildStatus.Failed)
            .SetProperty(b => b.Error, reason)
            .SetProperty(b => b.Progress, "Stopped.")
            .SetProperty(b => b.FinishedAt, time.GetUtcNow()), cancellation);

    // A build whose instance died mid-run would otherwise show "running" for ever and block the next request.
    private async Task FailAbandonedAsync(CancellationToken cancellation)
    {
        var before = time.GetUtcNow() - Abandoned;
        await db.CatalogueBuilds.Where(b => b.Status == BuildStatus.Running && b.StartedAt < before)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BuildStatus.Failed)
                .SetProperty(b => b.Error, "The build was cut off (the portal stopped while it ran). Build again.")
                .SetProperty(b => b.Progress, "Stopped.")
                .SetProperty(b => b.FinishedAt, time.GetUtcNow()), cancellation);
    }
}
