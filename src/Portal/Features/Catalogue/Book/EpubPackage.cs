using System.Globalization;
using System.Text;

namespace Portal.Features.Catalogue.Book;

/// <summary>The EPUB's container file, package document (metadata, manifest, spine) and navigation document.</summary>
internal static class EpubPackage
{
    public const string Href = "package.opf";

    public const string NavHref = "nav.xhtml";

    public const string Container = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
        <rootfiles>
        <rootfile full-path="{EpubBook.PackageFolder}{Href}" media-type="application/oebps-package+xml" />
        </rootfiles>
        </container>

        """;

    // MARC relators: each chapter's authors wrote it; the participants contributed it.
    private const string AuthorRole = "aut";
    private const string ParticipantRole = "ctb";

    public static string Opf(BookEdition edition, IReadOnlyList<EpubItem> items)
    {
        var opf = new StringBuilder("""
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="en">
            <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">

            """);
        opf.Append(CultureInfo.InvariantCulture, $"<dc:identifier id=\"book-id\">{Encode(edition.Identifier)}</dc:identifier>\n");
        opf.Append(CultureInfo.InvariantCulture, $"<dc:title id=\"title\">{Encode(edition.Title)}</dc:title>\n");
        opf.Append("<meta refines=\"#title\" property=\"title-type\">main</meta>\n");
        if (edition.Subtitle.Trim().Length > 0)
        {
            opf.Append(CultureInfo.InvariantCulture, $"<dc:title id=\"subtitle\">{Encode(edition.Subtitle)}</dc:title>\n");
            opf.Append("<meta refines=\"#subtitle\" property=\"title-type\">subtitle</meta>\n");
        }

        opf.Append("<dc:language>en</dc:language>\n");
        opf.Append(CultureInfo.InvariantCulture, $"<dc:publisher>{Encode(edition.Publisher)}</dc:publisher>\n");
        opf.Append(CultureInfo.InvariantCulture, $"<dc:date>{edition.PublicationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}</dc:date>\n");
        opf.Append(CultureInfo.InvariantCulture, $"<meta property=\"dcterms:modified\">{edition.Modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}</meta>\n");
        var contributors = Distinct(edition.Contributions.SelectMany(c => c.Authors).Select(a => a.Name)).Select(name => (name, AuthorRole))
            .Concat(Distinct(edition.Contributions.Select(c => c.Participant)).Select(name => (name, ParticipantRole)));
        var n = 0;
        foreach (var (name, role) in contributors)
        {
            var id = "contributor-" + EpubBook.Number(++n);
            opf.Append(CultureInfo.InvariantCulture, $"<dc:contributor id=\"{id}\">{Encode(name)}</dc:contributor>\n");
            opf.Append(CultureInfo.InvariantCulture, $"<meta refines=\"#{id}\" property=\"role\" scheme=\"marc:relators\">{role}</meta>\n");
        }

        opf.Append(CultureInfo.InvariantCulture, $"<dc:rights>{Encode(edition.Licence)}</dc:rights>\n");
        opf.Append("<meta name=\"cover\" content=\"cover-image\" />\n</metadata>\n<manifest>\n");
        foreach (var item in items)
        {
            var properties = item.Properties.Length > 0 ? $" properties=\"{item.Properties}\"" : "";
            opf.Append(CultureInfo.InvariantCulture, $"<item id=\"{item.Id}\" href=\"{item.Href}\" media-type=\"{item.MediaType}\"{properties} />\n");
        }

        opf.Append("</manifest>\n<spine>\n");
        foreach (var item in items.Where(i => i.InSpine))
        {
            opf.Append(CultureInfo.InvariantCulture, $"<itemref idref=\"{item.Id}\" />\n");
        }

        return EpubXhtml.Clean(opf.Append("</spine>\n</package>\n").ToString());
    }

    /// <summary>The navigation document: the contents (parts with their chapters) and the landmarks.</summary>
    public static string Nav(string bookTitle, IReadOnlyList<EpubContentsEntry> contents, IReadOnlyList<EpubLandmark> landmarks)
    {
        var body = new StringBuilder("<nav epub:type=\"toc\" id=\"toc\">\n<h1>Contents</h1>\n");
        AppendList(body, contents);
        body.Append("</nav>\n<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<h2>Landmarks</h2>\n<ol>\n");
        foreach (var landmark in landmarks)
        {
            body.Append(CultureInfo.InvariantCulture, $"<li><a epub:type=\"{landmark.Type}\" href=\"{landmark.Href}\">{Encode(landmark.Title)}</a></li>\n");
        }

        body.Append("</ol>\n</nav>\n");
        return EpubXhtml.Document(bookTitle, "frontmatter toc", body.ToString());
    }

    private static void AppendList(StringBuilder html, IReadOnlyList<EpubContentsEntry> entries)
    {
        html.Append("<ol>\n");
        foreach (var entry in entries)
        {
            // A reading system lists the link's text; an empty one would be an entry nobody can see.
            var title = entry.Title.Trim().Length > 0 ? entry.Title : "Untitled";
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{entry.Href}\">{Encode(title)}</a>");
            if (entry.Children.Count > 0)
            {
                html.Append('\n');
                AppendList(html, entry.Children);
            }

            html.Append("</li>\n");
        }

        html.Append("</ol>\n");
    }

    /// <summary>Each name once, in the order of the book, without blank ones.</summary>
    private static IEnumerable<string> Distinct(IEnumerable<string> names) =>
        names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal);

    private static string Encode(string text) => ChapterMarkup.Encode(text);
}
