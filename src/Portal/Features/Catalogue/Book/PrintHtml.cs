using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Features.Catalogue.Book;

/// <summary>
/// The print document of an edition: title page, contents, foreword and introduction, each part on a page of its own
/// followed by its chapters, then the back matter. Contributors' text comes only through <see cref="ChapterMarkup"/>
/// and <see cref="BookMatter"/> (encoded, Markdown made safe) and through <see cref="PrintCss.Quote"/> into the
/// stylesheet. Figures are files of the <see cref="PrintFolder"/>. The contents' page numbers are empty here;
/// <see cref="PrintBook"/> writes them in once it knows them.
/// </summary>
public static partial class PrintHtml
{
    /// <summary>The ids the contents link to, in the order of the book; the printed PDF says on which page each landed.</summary>
    public static IReadOnlyList<string> ContentsTargets(BookEdition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        return [.. Contents(edition).SelectMany(entry => entry.Chapters.Select(c => c.Id).Prepend(entry.Id))];
    }

    public static string Book(BookEdition edition, Func<BookFigure, string> figureFile)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(figureFile);
        var css = new StringBuilder(PrintCss.Stylesheet).Append(PrintCss.MatterPage(edition.Title));
        var chapters = edition.Chapters.ToList();
        for (var i = 0; i < chapters.Count; i++)
        {
            css.Append(PrintCss.ChapterPage(i + 1, chapters[i].Title));
        }

        var body = new StringBuilder();
        body.Append(BookMatter.TitlePage(edition));
        AppendContents(body, edition);
        body.Append(BookMatter.Foreword(edition)).Append(BookMatter.Introduction(edition));
        var index = 0;
        for (var p = 0; p < edition.Parts.Count; p++)
        {
            var part = edition.Parts[p];
            body.Append(CultureInfo.InvariantCulture, $"<section class=\"part\" id=\"{PartId(p)}\">\n")
                .Append(CultureInfo.InvariantCulture, $"<p class=\"part-label\">Part {p + 1}</p>\n")
                .Append(CultureInfo.InvariantCulture, $"<h1>{ChapterMarkup.Encode(part.Title)}</h1>\n</section>\n");
            foreach (var chapter in part.Chapters)
            {
                AppendChapter(body, chapter, ++index, figureFile);
            }
        }

        body.Append(BookMatter.ContributingParticipants(edition)).Append(BookMatter.PhotoCredits(edition)).Append(BookMatter.Licence(edition));
        return Document(edition.Title, css.ToString(), body.ToString());
    }

    /// <summary>One chapter alone, laid out exactly as in the book (same stylesheet, same named page), for counting its pages.</summary>
    public static string Chapter(BookChapter chapter, Func<BookFigure, string> figureFile)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        ArgumentNullException.ThrowIfNull(figureFile);
        var body = new StringBuilder();
        AppendChapter(body, chapter, 1, figureFile);
        return Document(chapter.Title, PrintCss.Stylesheet + PrintCss.ChapterPage(1, chapter.Title), body.ToString());
    }

    private static void AppendChapter(StringBuilder body, BookChapter chapter, int index, Func<BookFigure, string> figureFile)
    {
        foreach (var member in chapter.Members)
        {
            CheckKey(member.Key);
        }

        body.Append(CultureInfo.InvariantCulture, $"<div class=\"chapter-{index}\">\n")
            .Append(ChapterMarkup.Render(chapter, figureFile, chapterHeading: 2))
            .Append("</div>\n");
    }

    // The layout pass starts every document: nothing painted but the contents (PrintBook.css).
    private static string Document(string title, string css, string body) =>
        "<!DOCTYPE html>\n<html lang=\"en\" class=\"layout-pass\">\n<head>\n<meta charset=\"utf-8\">\n"
        + $"<title>{ChapterMarkup.Encode(title)}</title>\n<style>\n{css}</style>\n</head>\n<body>\n{body}</body>\n</html>\n";

    private static void AppendContents(StringBuilder html, BookEdition edition)
    {
        html.Append("<nav class=\"contents\" id=\"contents\" aria-labelledby=\"contents-title\">\n<h1 id=\"contents-title\">Contents</h1>\n<ol class=\"toc\">\n");
        foreach (var entry in Contents(edition))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li class=\"{entry.Kind}\">");
            AppendLink(html, entry.Id, entry.Text, participantsMarkup: null);
            if (entry.Chapters.Count > 0)
            {
                html.Append("\n<ol>\n");
                foreach (var chapter in entry.Chapters)
                {
                    html.Append("<li>");
                    AppendLink(html, chapter.Id, chapter.Text, chapter.Participant);
                    html.Append("</li>\n");
                }

                html.Append("</ol>\n");
            }

            html.Append("</li>\n");
        }

        html.Append("</ol>\n</nav>\n");
    }

    private static void AppendLink(StringBuilder html, string id, string text, string? participantsMarkup)
    {
        html.Append(CultureInfo.InvariantCulture, $"<a href=\"#{id}\"><span class=\"toc-text\">{ChapterMarkup.Encode(text)}");
        if (participantsMarkup is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $" <span class=\"toc-participant\">{participantsMarkup}</span>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</span><span class=\"toc-page\" data-for=\"{id}\"></span></a>");
    }

    private sealed record Entry(string Kind, string Id, string Text, IReadOnlyList<ChapterEntry> Chapters);

    // Participant is markup: the chapter's participants, each isolated (ChapterMarkup.NamesMarkup).
    private sealed record ChapterEntry(string Id, string Text, string Participant);

    private static List<Entry> Contents(BookEdition edition)
    {
        var entries = new List<Entry>();
        if (BookMatter.Foreword(edition).Length > 0)
        {
            entries.Add(new Entry("toc-matter", "foreword", "Foreword", []));
        }

        if (BookMatter.Introduction(edition).Length > 0)
        {
            entries.Add(new Entry("toc-matter", "introduction", "Introduction", []));
        }

        for (var p = 0; p < edition.Parts.Count; p++)
        {
            var part = edition.Parts[p];
            entries.Add(new Entry("toc-part", PartId(p), part.Title,
                [.. part.Chapters.Select(c => new ChapterEntry(CheckKey(c.Key), c.Title, ChapterMarkup.NamesMarkup(c.Members.Select(m => m.Participant))))]));
        }

        entries.Add(new Entry("toc-matter", "participants", "Contributing participants", []));
        if (BookMatter.PhotoCredits(edition).Length > 0)
        {
            entries.Add(new Entry("toc-matter", "photo-credits", "Photo credits", []));
        }

        entries.Add(new Entry("toc-matter", "licence", "Notice", []));
        return entries;
    }

    // An underscore never occurs in a chapter's key, so a part's id cannot be one.
    private static string PartId(int index) => string.Create(CultureInfo.InvariantCulture, $"part_{index + 1}");

    // Ids of the title page, the contents and BookMatter's sections.
    private static readonly HashSet<string> MatterIds = new(StringComparer.Ordinal)
    {
        "title-page", "contents", "contents-title", "foreword", "introduction", "participants", "photo-credits", "licence",
    };

    /// <summary>Keys become ids and link targets; <see cref="BookChapter.Key"/> promises letters, digits and hyphens.</summary>
    private static string CheckKey(string key) => KeyPattern().IsMatch(key) && !MatterIds.Contains(key)
        ? key
        : throw new ArgumentException($"A chapter's key must be letters, digits and hyphens, and not the id of a section of the book; \"{key}\" is not.", nameof(key));

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex KeyPattern();
}
