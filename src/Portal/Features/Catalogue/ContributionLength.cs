using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Catalogue.Book;

namespace Portal.Features.Catalogue;

/// <summary>Pages a contribution takes in the book: the text and testimonials (which count against the limit), and with its pictures.</summary>
public sealed record PageCount(int Pages, int PagesWithPictures);

/// <summary>
/// Lays a contribution out with the book's own stylesheet in headless Chromium and counts its pages (not a
/// words-per-page guess). Pictures are shown in the estimate but do not count against the limit.
/// </summary>
public sealed class ContributionLength(PortalDbContext db, PrintBook printer, ILogger<ContributionLength> logger)
{
    /// <summary>The count, or null when the printer cannot run now (the error is logged; a submission waits for a count).</summary>
    public async Task<PageCount?> CountAsync(Contribution contribution, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        try
        {
            var pages = await printer.CountPagesAsync(ContributionChapters.ToChapter(contribution, images: null), cancellation);
            if (contribution.Figures.Count == 0)
            {
                return new PageCount(pages, pages);
            }

            var ids = contribution.Figures.Select(f => f.Id).ToList();
            var images = await db.FigureImages.AsNoTracking().Where(i => ids.Contains(i.FigureId)).ToDictionaryAsync(i => i.FigureId, cancellation);
            var withPictures = await printer.CountPagesAsync(ContributionChapters.ToChapter(contribution, images), cancellation);
            return new PageCount(pages, withPictures);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not lay out contribution {Id} to count its pages.", contribution.Id);
            return null;
        }
    }
}
