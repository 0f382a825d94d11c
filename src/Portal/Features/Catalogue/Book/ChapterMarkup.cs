using System.Globalization;
using System.Net;
using System.Text;
using Portal.Features.Markdown;

namespace Portal.Features.Catalogue.Book;

/// <summary>
/// A chapter's content as markup that is both HTML and well-formed XHTML, shared by the print HTML (PDF), the EPUB and
/// the web edition so that the three say the same thing. Everything a contributor wrote is encoded here or rendered
/// by <see cref="SafeMarkdown"/> (raw HTML off, links checked); images named in the body are never shown, so a
/// chapter can only show its own figures. A value a user gave that stands inside a sentence of the book's (a name, a
/// function, a caption, a credit) is isolated in <c>&lt;bdi&gt;</c> (<see cref="Isolate"/>), so that a name written
/// in Arabic or Hebrew keeps its own direction and does not carry the sentence's punctuation into it.
/// </summary>
public static class ChapterMarkup
{
    /// <param name="chapter">One accepted contribution.</param>
    /// <param name="imageSource">Where the page finds a figure's image: a file name inside the EPUB, a path in the
    /// portal, a file for the printer.</param>
    /// <param name="chapterHeading">The level of the chapter's title (the body's headings continue below it).</param>
    public static string Render(BookChapter chapter, Func<BookFigure, string> imageSource, int chapterHeading = 2)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        ArgumentNullException.ThrowIfNull(imageSource);
        ArgumentOutOfRangeException.ThrowIfLessThan(chapterHeading, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chapterHeading, 4);

        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"chapter\" id=\"{Encode(chapter.Key)}\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<h{chapterHeading} class=\"chapter-title\">{Encode(chapter.Title)}</h{chapterHeading}>\n");
        if (!chapter.IsJoint)
        {
            AppendAuthors(html, chapter);
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"participant\">Contributed by {Isolate(chapter.Participant)}.</p>\n");
            AppendContribution(html, chapter, imageSource, chapterHeading);
            return html.Append("</section>\n").ToString();
        }

        // A joint chapter: both participants under the title, then each account under its participant's name, with
        // its own authors. The chapter has the first account's title; the others' titles stay in the portal.
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"participants\">Contributed jointly by {NamesMarkup(chapter.Members.Select(m => m.Participant))}.</p>\n");
        foreach (var member in chapter.Members)
        {
            html.Append(ReferenceEquals(member, chapter) ? "<section class=\"contribution\">\n" : $"<section class=\"contribution\" id=\"{Encode(member.Key)}\">\n")
                .Append(CultureInfo.InvariantCulture, $"<h{chapterHeading + 1} class=\"contribution-title\">{Encode(member.Participant)}</h{chapterHeading + 1}>\n");
            AppendAuthors(html, member);
            AppendContribution(html, member, imageSource, chapterHeading + 1);
            html.Append("</section>\n");
        }

        return html.Append("</section>\n").ToString();
    }

    /// <summary>"Australia and the Lao People's Democratic Republic": each participant once, in the order given.</summary>
    public static string Names(IEnumerable<string> names) => Names(names, value: name => name);

    /// <summary><see cref="Names(IEnumerable{string})"/> as markup, each name encoded and isolated.</summary>
    public static string NamesMarkup(IEnumerable<string> names) => Names(names, Isolate);

    private static string Names(IEnumerable<string> names, Func<string, string> value)
    {
        ArgumentNullException.ThrowIfNull(names);
        var list = names.Distinct(StringComparer.Ordinal).Select(value).ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => $"{string.Join(", ", list.Take(list.Count - 1))} and {list[^1]}",
        };
    }

    /// <summary>
    /// A value a user gave, for a sentence of the book's: encoded, and isolated in <c>&lt;bdi&gt;</c> (valid HTML and
    /// XHTML5, so EPUB 3) so that its direction neither takes nor gives the surrounding text's; empty stays empty.
    /// </summary>
    public static string Isolate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? "" : $"<bdi>{Encode(text)}</bdi>";
    }

    private static void AppendAuthors(StringBuilder html, BookChapter chapter)
    {
        if (chapter.Authors.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"authors\">{AuthorLine(chapter.Authors, Isolate)}</p>\n");
        }
    }

    /// <summary>
    /// One contribution's facts, text, testimonials and figures, under a heading of level <paramref name="heading"/>
    /// (the body's headings continue below it).
    /// </summary>
    private static void AppendContribution(StringBuilder html, BookChapter chapter, Func<BookFigure, string> imageSource, int heading)
    {
        if (chapter.Provisions.Length > 0 || chapter.Period.Length > 0)
        {
            html.Append("<dl class=\"chapter-facts\">\n");
            AppendFact(html, "CCM provisions", chapter.Provisions);
            AppendFact(html, "Period", chapter.Period);
            html.Append("</dl>\n");
        }

        html.Append("<div class=\"chapter-body\">\n")
            .Append(SafeMarkdown.ToHtml(chapter.Body, resolveAttachment: null, topHeading: heading + 1))
            .Append("</div>\n");

        foreach (var testimonial in chapter.Testimonials)
        {
            html.Append("<aside class=\"testimonial\">\n<blockquote><p>")
                .Append(Encode(testimonial.Quote))
                .Append("</p></blockquote>\n<p class=\"attribution\">")
                .Append(Attribution(testimonial, Isolate))
                .Append("</p>\n</aside>\n");
        }

        foreach (var figure in chapter.Figures)
        {
            html.Append(CultureInfo.InvariantCulture, $"<figure id=\"{Encode(figure.Key)}\">\n")
                .Append(CultureInfo.InvariantCulture, $"<img src=\"{Encode(imageSource(figure))}\" alt=\"{Encode(figure.AltText)}\" width=\"{figure.WebWidth}\" height=\"{figure.WebHeight}\" />\n")
                .Append("<figcaption>").Append(Isolate(figure.Caption))
                .Append(" <span class=\"credit\">").Append(CreditLine(figure.Credit, Isolate)).Append("</span></figcaption>\n")
                .Append("</figure>\n");
        }
    }

    /// <summary>
    /// "Photo: K. Phommachanh / Mine Action Centre"; a credit that already says what it credits ("Map: …", "Graphic: …",
    /// "Photo: …") is set as given.
    /// </summary>
    public static string CreditLine(string credit) => CreditLine(credit, value: text => text);

    private static string CreditLine(string credit, Func<string, string> value)
    {
        ArgumentNullException.ThrowIfNull(credit);
        var colon = credit.IndexOf(':', StringComparison.Ordinal);
        return colon is > 0 and <= 20 && credit[..colon].All(char.IsLetter) ? value(credit) : $"Photo: {value(credit)}";
    }

    /// <summary>"By Ana Silva (Programme officer, Mine Action Centre) and Li Wei (Adviser, Ministry of Defence)."</summary>
    public static string AuthorLine(IReadOnlyList<BookAuthor> authors) => AuthorLine(authors, value: text => text);

    /// <param name="authors">The contribution's authors.</param>
    /// <param name="value">How each name, function and organisation is set: as it is, or <see cref="Isolate"/>d.</param>
    private static string AuthorLine(IReadOnlyList<BookAuthor> authors, Func<string, string> value)
    {
        ArgumentNullException.ThrowIfNull(authors);
        var names = authors.Select(a => Describe(a, value)).ToList();
        return names.Count switch
        {
            0 => "",
            1 => $"By {names[0]}.",
            _ => $"By {string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}.",
        };
    }

    private static string Describe(BookAuthor author, Func<string, string> value)
    {
        var details = string.Join(", ", new[] { author.Function, author.Organisation }.Where(d => d.Length > 0).Select(value));
        return details.Length == 0 ? value(author.Name) : $"{value(author.Name)} ({details})";
    }

    private static string Attribution(BookTestimonial testimonial, Func<string, string> value) =>
        string.Join(", ", new[] { testimonial.Person, testimonial.Role, testimonial.Place }.Where(d => d.Length > 0).Select(value));

    private static void AppendFact(StringBuilder html, string term, string value)
    {
        if (value.Length > 0)
        {
            html.Append("<dt>").Append(Encode(term)).Append("</dt><dd>").Append(Encode(value)).Append("</dd>\n");
        }
    }

    /// <summary>Encodes for both HTML and XML: markup characters and quotes, and nothing XML would not know.</summary>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WebUtility.HtmlEncode(text);
    }
}
