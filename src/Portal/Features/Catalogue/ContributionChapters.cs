using System.Globalization;
using Portal.Data;
using Portal.Features.Catalogue.Book;

namespace Portal.Features.Catalogue;

/// <summary>A contribution as a chapter of the book: the one mapping the form's preview, the page count and the builds use.</summary>
public static class ContributionChapters
{
    /// <param name="contribution">With its participant, authors, testimonials and figures loaded.</param>
    /// <param name="images">The figures' image bytes by figure id. Null leaves the pictures out (the page count of the
    /// text and testimonials); an empty dictionary keeps them without their bytes, for a page that links to them.</param>
    public static BookChapter ToChapter(Contribution contribution, IReadOnlyDictionary<int, FigureImage>? images)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        var figures = images is null
            ? []
            : contribution.Figures.OrderBy(f => f.Position)
                .Select(f => new BookFigure(
                    FigureKey(f.Id), f.Caption, f.Credit, f.AltText,
                    images.TryGetValue(f.Id, out var image) ? image.PrintJpeg : [], f.PrintWidth, f.PrintHeight,
                    image?.WebJpeg ?? [], f.WebWidth, f.WebHeight))
                .ToList();
        return new BookChapter(
            string.Create(CultureInfo.InvariantCulture, $"c-{contribution.Id}"),
            contribution.Title,
            contribution.Participant?.Name ?? "",
            contribution.Authors.OrderBy(a => a.Position).Select(a => new BookAuthor(a.Name, a.Function, a.Organisation)).ToList(),
            ContributionLabels.List(contribution.Provisions),
            contribution.Period,
            contribution.Body,
            contribution.Testimonials.Where(t => t.Consent).OrderBy(t => t.Position).Select(t => new BookTestimonial(t.Quote, t.Person, t.Role, t.Place)).ToList(),
            figures);
    }

    public static string FigureKey(int figureId) => string.Create(CultureInfo.InvariantCulture, $"f-{figureId}");

    /// <summary>The figure id in a key made by <see cref="FigureKey"/>.</summary>
    public static int FigureIdOf(string key) => int.Parse(key.AsSpan(2), CultureInfo.InvariantCulture);
}
