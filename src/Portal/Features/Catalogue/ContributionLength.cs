using Portal.Data;

namespace Portal.Features.Catalogue;

/// <summary>Pages a contribution takes in the book: the text and testimonials (which count against the limit), and with its pictures.</summary>
public sealed record PageCount(int Pages, int PagesWithPictures);

/// <summary>
/// Lays a contribution out with the book's own stylesheet and counts its pages (not a words-per-page guess).
/// </summary>
public sealed class ContributionLength
{
    public Task<PageCount?> CountAsync(Contribution contribution, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        cancellation.ThrowIfCancellationRequested();
        // Wired to the print layout when the book's printer lands (issue 11, deliverable 3).
        return Task.FromResult<PageCount?>(null);
    }
}
