using System.Globalization;
using System.Reflection;

namespace Portal.Features.Catalogue.Book;

/// <summary>A file of the package: the manifest lists it, the spine reads the documents in order.</summary>
internal sealed record EpubItem(string Id, string Href, string MediaType, byte[] Content, string Properties = "", bool InSpine = false);

/// <summary>An entry of the contents (a part holds its chapters).</summary>
internal sealed record EpubContentsEntry(string Href, string Title, IReadOnlyList<EpubContentsEntry> Children);

/// <summary>An entry of the landmarks: where a reading system finds the cover, the contents and the start of the text.</summary>
internal sealed record EpubLandmark(string Type, string Href, string Title);

/// <summary>
/// The files of an edition's EPUB in reading order, then the images, the stylesheet and the cover image. File names
/// come from positions in the book, never from what contributors wrote.
/// </summary>
internal static class EpubItems
{
    private const string Xhtml = "application/xhtml+xml";

    public static IReadOnlyList<EpubItem> Of(BookEdition edition)
    {
        var images = new List<EpubItem>();
        var imageHrefs = new Dictionary<BookFigure, string>(ReferenceEqualityComparer.Instance);
        foreach (var figure in edition.Contributions.SelectMany(c => c.Figures))
        {
            var id = "figure-" + EpubBook.Number(images.Count + 1);
            if (imageHrefs.TryAdd(figure, $"images/{id}.jpg"))
            {
                images.Add(new EpubItem(id, imageHrefs[figure], "image/jpeg", figure.WebJpeg));
            }
        }

        var documents = new List<EpubItem>();
        var contents = new List<EpubContentsEntry>();
        var landmarks = new List<EpubLandmark>();
        EpubItem Page(string id, string title, string bodyType, string body)
        {
            var item = new EpubItem(id, id + ".xhtml", Xhtml, EpubXhtml.Utf8.GetBytes(EpubXhtml.Document(title, bodyType, body)), InSpine: true);
            documents.Add(item);
            return item;
        }

        void Matter(string id, string title, string bodyType, string body)
        {
            if (body.Length > 0)
            {
                contents.Add(new EpubContentsEntry(Page(id, title, bodyType, body).Href, title, []));
            }
        }

        landmarks.Add(new EpubLandmark("cover", Page("cover", edition.Title, "cover", EpubCover.Page(edition)).Href, "Cover"));
        landmarks.Add(new EpubLandmark("titlepage", Page("title-page", edition.Title, "frontmatter titlepage", BookMatter.TitlePage(edition)).Href, "Title page"));
        var navPosition = documents.Count;
        landmarks.Add(new EpubLandmark("toc", EpubPackage.NavHref + "#toc", "Contents"));
        Matter("foreword", "Foreword", "frontmatter foreword", BookMatter.Foreword(edition));
        Matter("introduction", "Introduction", "frontmatter introduction", BookMatter.Introduction(edition));

        var chapterNumber = 0;
        for (var p = 0; p < edition.Parts.Count; p++)
        {
            var part = edition.Parts[p];
            var partPage = Page("part-" + EpubBook.Number(p + 1), part.Title, "bodymatter part", PartTitle(p, part));
            if (p == 0)
            {
                landmarks.Add(new EpubLandmark("bodymatter", partPage.Href, "Start of the chapters"));
            }

            var chapters = new List<EpubContentsEntry>();
            foreach (var chapter in part.Chapters)
            {
                var body = ChapterMarkup.Render(chapter, figure => imageHrefs[figure], chapterHeading: 1);
                var page = Page("chapter-" + EpubBook.Number(++chapterNumber), chapter.Title, "bodymatter chapter", body);
                chapters.Add(new EpubContentsEntry(page.Href, chapter.Title, []));
            }

            contents.Add(new EpubContentsEntry(partPage.Href, part.Title, chapters));
        }

        Matter("participants", "Contributing participants", "backmatter", BookMatter.ContributingParticipants(edition));
        Matter("photo-credits", "Photo credits", "backmatter", BookMatter.PhotoCredits(edition));
        Matter("licence", "Notice", "backmatter", BookMatter.Licence(edition));

        var nav = EpubXhtml.Utf8.GetBytes(EpubPackage.Nav(edition.Title, contents, landmarks));
        documents.Insert(navPosition, new EpubItem("nav", EpubPackage.NavHref, Xhtml, nav, Properties: "nav", InSpine: true));
        return
        [
            .. documents,
            .. images,
            new EpubItem("stylesheet", EpubBook.StylesheetHref, "text/css", Stylesheet.Value),
            new EpubItem("cover-image", EpubCover.ImageHref, "image/svg+xml", EpubXhtml.Utf8.GetBytes(EpubCover.Image(edition)), Properties: "cover-image"),
        ];
    }

    private static string PartTitle(int index, BookPart part) =>
        string.Create(CultureInfo.InvariantCulture, $"<section class=\"part\" id=\"part_{index + 1}\">\n<p class=\"part-label\">Part {index + 1}</p>\n")
        + $"<h1 class=\"part-title\">{ChapterMarkup.Encode(part.Title)}</h1>\n</section>\n";

    /// <summary>The readers' stylesheet, shared with <see cref="SingleFileHtml"/>.</summary>
    internal static readonly Lazy<byte[]> Stylesheet = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Portal.EpubBook.css")
            ?? throw new InvalidOperationException("The readers' stylesheet Portal.EpubBook.css is not embedded in the assembly.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    });
}
