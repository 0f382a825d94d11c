using System.Globalization;
using System.Text;

namespace Portal.Features.Catalogue.Book;

/// <summary>
/// The whole book as one HTML file to download and open anywhere, offline: the readers' stylesheet inside, every
/// figure as a <c>data:</c> URI of its web JPEG, contents that link to each part and chapter, and no script. The
/// same shared markup as the EPUB, cleaned the same way, written as UTF-8.
/// </summary>
public static class SingleFileHtml
{
    public const string MediaType = "text/html; charset=utf-8";

    // The EPUB leaves margins to the reading system; a browser window needs a column of its own.
    private const string ScreenStylesheet = """
        body { max-width: 42em; margin: 0 auto; padding: 1em 1.5em 4em; }
        .title-page, .part { margin-top: 3em; }
        .part, .chapter, .essay, .back-matter, .contents { border-top: 1px solid #ccc; padding-top: 1.5em; margin-top: 3em; }

        """;

    public static byte[] Build(BookEdition edition)
    {
        using var memory = new MemoryStream();
        Write(edition, memory);
        return memory.ToArray();
    }

    public static void Write(BookEdition edition, Stream output)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamWriter(output, EpubXhtml.Utf8, bufferSize: 1 << 16, leaveOpen: true);
        writer.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        writer.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        writer.Write(EpubXhtml.Clean($"<title>{ChapterMarkup.Encode(edition.Title)}</title>\n"));
        writer.Write("<style>\n");
        writer.Write(EpubXhtml.Utf8.GetString(EpubItems.Stylesheet.Value));
        writer.Write(ScreenStylesheet);
        writer.Write("</style>\n</head>\n<body>\n");
        writer.Write(EpubXhtml.Clean(BookMatter.TitlePage(edition)));
        writer.Write(EpubXhtml.Clean(Contents(edition)));
        writer.Write(EpubXhtml.Clean(BookMatter.Foreword(edition) + BookMatter.Introduction(edition)));
        for (var p = 0; p < edition.Parts.Count; p++)
        {
            var part = edition.Parts[p];
            writer.Write(EpubXhtml.Clean(string.Create(CultureInfo.InvariantCulture,
                $"<section class=\"part\" id=\"{PartId(p)}\">\n<p class=\"part-label\">Part {p + 1}</p>\n<h1 class=\"part-title\">{ChapterMarkup.Encode(part.Title)}</h1>\n</section>\n")));
            foreach (var chapter in part.Chapters)
            {
                writer.Write(EpubXhtml.Clean(ChapterMarkup.Render(chapter, DataUri, chapterHeading: 2)));
            }
        }

        writer.Write(EpubXhtml.Clean(BookMatter.ContributingParticipants(edition) + BookMatter.PhotoCredits(edition) + BookMatter.Licence(edition)));
        writer.Write("</body>\n</html>\n");
    }

    private static string DataUri(BookFigure figure) => "data:image/jpeg;base64," + Convert.ToBase64String(figure.WebJpeg);

    private static string Contents(BookEdition edition)
    {
        var html = new StringBuilder("<nav class=\"contents\" id=\"contents\" aria-labelledby=\"contents-title\">\n<h1 id=\"contents-title\">Contents</h1>\n<ol>\n");
        void Entry(string id, string title) => html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{id}\">{ChapterMarkup.Encode(title)}</a></li>\n");
        if (BookMatter.Foreword(edition).Length > 0)
        {
            Entry("foreword", "Foreword");
        }

        if (BookMatter.Introduction(edition).Length > 0)
        {
            Entry("introduction", "Introduction");
        }

        for (var p = 0; p < edition.Parts.Count; p++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{PartId(p)}\">{ChapterMarkup.Encode(edition.Parts[p].Title)}</a>\n<ol>\n");
            foreach (var chapter in edition.Parts[p].Chapters)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{ChapterMarkup.Encode(chapter.Key)}\">{ChapterMarkup.Encode(chapter.Title)}</a></li>\n");
            }

            html.Append("</ol>\n</li>\n");
        }

        Entry("participants", "Contributing participants");
        if (BookMatter.PhotoCredits(edition).Length > 0)
        {
            Entry("photo-credits", "Photo credits");
        }

        Entry("licence", "Notice");
        return html.Append("</ol>\n</nav>\n").ToString();
    }

    // An underscore never occurs in a chapter's key, so a part's id cannot be one (as in the print HTML).
    private static string PartId(int index) => string.Create(CultureInfo.InvariantCulture, $"part_{index + 1}");
}
