using System.Globalization;
using System.Text;
using Portal.Features.Markdown;

namespace Portal.Features.Catalogue.Book;

/// <summary>
/// Front and back matter shared by every edition: title page, foreword, introduction, contributing participants,
/// photo credits and the licence statement. The contents differ by edition (page numbers in print, the navigation
/// document in the EPUB, links on the web) and are written by each builder. Same encoding rules as
/// <see cref="ChapterMarkup"/>, and the same isolation of users' values inside a line (<see cref="ChapterMarkup.Isolate"/>).
/// </summary>
public static class BookMatter
{
    public static string TitlePage(BookEdition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var html = new StringBuilder("<section class=\"title-page\" id=\"title-page\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1 class=\"book-title\">{Encode(edition.Title)}</h1>\n");
        if (edition.Subtitle.Length > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"book-subtitle\">{Encode(edition.Subtitle)}</p>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p class=\"book-publisher\">{Encode(edition.Publisher)}</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"book-date\">{Encode(edition.PublicationDate.ToString("MMMM yyyy", CultureInfo.InvariantCulture))}</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"book-audience\">{Encode(edition.ForObservers
            ? "Edition for States Parties, signatories and observers."
            : "For the internal circulation of the States Parties.")}</p>\n");
        return html.Append("</section>\n").ToString();
    }

    /// <summary>The foreword or the introduction, or an empty string when the editors wrote none.</summary>
    public static string Essay(string id, string heading, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (markdown.Trim().Length == 0)
        {
            return "";
        }

        return $"<section class=\"essay\" id=\"{Encode(id)}\">\n<h1>{Encode(heading)}</h1>\n"
            + SafeMarkdown.ToHtml(markdown, resolveAttachment: null, topHeading: 2) + "</section>\n";
    }

    public static string Foreword(BookEdition edition) => Essay("foreword", "Foreword", edition?.Foreword ?? "");

    public static string Introduction(BookEdition edition) => Essay("introduction", "Introduction", edition?.Introduction ?? "");

    /// <summary>Each participant once, in alphabetical order, with the titles of its chapters.</summary>
    public static string ContributingParticipants(BookEdition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var html = new StringBuilder("<section class=\"back-matter\" id=\"participants\">\n<h1>Contributing participants</h1>\n<ul class=\"participants\">\n");
        // A participant of a joint chapter is listed with that chapter's title, the one the reader finds in the book.
        var entries = edition.Chapters.SelectMany(c => c.Members.Select(m => (m.Participant, c.Title)));
        foreach (var group in entries.GroupBy(e => e.Participant).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            html.Append("<li>").Append(Isolate(group.Key));
            html.Append(": ").Append(string.Join("; ", group.Select(e => e.Title).Distinct().Select(Isolate))).Append("</li>\n");
        }

        return html.Append("</ul>\n</section>\n").ToString();
    }

    /// <summary>Every photograph's credit with its caption and chapter, in the order of the book.</summary>
    public static string PhotoCredits(BookEdition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        // A joint chapter's pictures are credited under the chapter's title, where the reader finds them.
        var figures = edition.Chapters.SelectMany(c => c.Members.SelectMany(m => m.Figures).Select(f => (Chapter: c, Figure: f))).ToList();
        if (figures.Count == 0)
        {
            return "";
        }

        var html = new StringBuilder("<section class=\"back-matter\" id=\"photo-credits\">\n<h1>Photo credits</h1>\n<ul class=\"credits\">\n");
        foreach (var (chapter, figure) in figures)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{Isolate(figure.Caption)} ({Isolate(chapter.Title)}): {Isolate(figure.Credit)}</li>\n");
        }

        return html.Append("</ul>\n</section>\n").ToString();
    }

    public static string Licence(BookEdition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        return $"<section class=\"back-matter\" id=\"licence\">\n<h1>Notice</h1>\n<p>{Encode(edition.Licence)}</p>\n</section>\n";
    }

    private static string Encode(string text) => ChapterMarkup.Encode(text);

    private static string Isolate(string text) => ChapterMarkup.Isolate(text);
}
