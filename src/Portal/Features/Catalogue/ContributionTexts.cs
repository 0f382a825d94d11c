using System.Globalization;
using Portal.Data;
using Portal.Features.Catalogue.Book;
using Portal.Features.Versions;

namespace Portal.Features.Catalogue;

/// <summary>
/// The words of a contribution that editors may copy-edit: title, text and the testimonials' quotes (in the
/// testimonials' order). Names, figures and the rest are the State's alone.
/// </summary>
public sealed record ContributionTexts(string Title, string Body, IReadOnlyList<string> Quotes)
{
    public static ContributionTexts Of(Contribution contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        return new(contribution.Title, contribution.Body, [.. contribution.Testimonials.OrderBy(t => t.Position).Select(t => t.Quote)]);
    }

    public static ContributionTexts Of(ContributionEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return new(edit.Title, edit.Body, edit.Quotes);
    }

    public static ContributionTexts Of(ContributionVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new(version.Title, version.Body, version.Quotes);
    }

    public bool SameAs(ContributionTexts other) =>
        other is not null && Title == other.Title && Body == other.Body && Quotes.SequenceEqual(other.Quotes);

    /// <summary>What changed from <paramref name="older"/> to these texts, line by line.</summary>
    public IReadOnlyList<DiffLine> ChangesFrom(ContributionTexts older)
    {
        ArgumentNullException.ThrowIfNull(older);
        return TextDiff.Between(older.Readable(), Readable());
    }

    /// <summary>The contribution's chapter as it would read with these texts, its pictures linked rather than embedded.</summary>
    public BookChapter AsChapterOf(Contribution contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        var testimonials = contribution.Testimonials.OrderBy(t => t.Position).Zip(Quotes)
            .Where(p => p.First.Consent)
            .Select(p => new BookTestimonial(p.Second, p.First.Person, p.First.Role, p.First.Place))
            .ToList();
        return ContributionChapters.ToChapter(contribution, new Dictionary<int, FigureImage>()) with
        {
            Title = Title,
            Body = Body,
            Testimonials = testimonials,
        };
    }

    /// <summary>The texts as one document for the comparison: labelled title, the Markdown as written, then each quote.</summary>
    public string Readable() => string.Join('\n', [
        $"Title: {Title}",
        "",
        Body,
        .. Quotes.SelectMany((q, i) => new[] { "", string.Create(CultureInfo.InvariantCulture, $"Testimonial {i + 1}:"), q }),
    ]);
}
