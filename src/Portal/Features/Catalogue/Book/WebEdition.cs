using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Portal.Features.Catalogue.Book;

/// <summary>A file of the web edition: one of the EPUB's documents or figures, under the name it has in the EPUB.</summary>
public sealed record WebEditionFile(string Name, bool IsImage, byte[] Content);

/// <summary>A page of the web edition as the portal shows it: its title and the markup inside its body.</summary>
public sealed record WebEditionPage(string Title, string BodyHtml);

/// <summary>
/// The web edition is the EPUB read inside the portal: the same documents and figures, kept with the build, so that
/// the web edition, the EPUB and the one-file HTML of a build never differ. Relative links between the documents and
/// to the figures work unchanged when the pages are served under one folder.
/// </summary>
public static partial class WebEdition
{
    /// <summary>The page a reader starts on: the contents.</summary>
    public const string ContentsPage = EpubPackage.NavHref;

    /// <summary>The title page, which the contents do not list.</summary>
    public const string TitlePage = "title-page.xhtml";

    private static readonly XNamespace XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal) { "img", "br", "hr", "wbr", "col", "meta", "link" };

    /// <summary>The documents (but the cover, which only a reading system needs) and the figures of an EPUB's items.</summary>
    internal static IReadOnlyList<WebEditionFile> Files(IReadOnlyList<EpubItem> items) =>
        items.Where(i => (i.MediaType == "application/xhtml+xml" && i.Id != "cover") || i.MediaType == "image/jpeg")
            .Select(i => new WebEditionFile(i.Href, i.MediaType == "image/jpeg", i.Content))
            .ToList();

    /// <summary>Whether <paramref name="name"/> can name a page ("chapter-001.xhtml") or a figure ("images/figure-001.jpg").</summary>
    public static bool IsPageName(string? name) => name is not null && PageName().IsMatch(name);

    public static bool IsImageName(string? name) => name is not null && ImageName().IsMatch(name);

    /// <summary>The title and the body of one of the web edition's documents, as HTML to place inside a portal page.</summary>
    /// <param name="xhtml">The document, as the EPUB holds it.</param>
    /// <param name="folder">The path the web edition's files are served under, ending in "/": links between the documents
    /// and to the figures, relative in the EPUB, are made absolute with it, so that they work from any address.</param>
    public static WebEditionPage Read(byte[] xhtml, string folder)
    {
        var document = Parse(xhtml);
        var title = document.Descendants(XhtmlNamespace + "title").FirstOrDefault()?.Value ?? "";
        var body = document.Descendants(XhtmlNamespace + "body").Single();
        var html = new StringBuilder();
        foreach (var node in body.Nodes())
        {
            html.Append(AsHtml(node, folder));
        }

        return new WebEditionPage(title, html.ToString());
    }

    /// <summary>The pages in reading order, as the contents list them (without their fragments, each once).</summary>
    public static IReadOnlyList<string> ReadingOrder(byte[] contents)
    {
        var document = Parse(contents);
        var toc = document.Descendants(XhtmlNamespace + "nav").First(n => (string?)n.Attribute("id") == "toc");
        return toc.Descendants(XhtmlNamespace + "a")
            .Select(a => ((string?)a.Attribute("href") ?? "").Split('#')[0])
            .Where(IsPageName)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static XDocument Parse(byte[] xhtml)
    {
        // The documents were written by EpubItems (well-formed, with an HTML5 doctype and no entities).
        using var stream = new MemoryStream(xhtml, writable: false);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        return XDocument.Load(reader);
    }

    // XHTML as HTML: names without their namespace, no namespace declarations or epub: attributes, and every element
    // that is not void closed explicitly (an HTML parser reads <p /> as an opening tag).
    private static string AsHtml(XNode node, string folder) => node switch
    {
        XElement element => Element(element, folder).ToString(SaveOptions.DisableFormatting),
        XText text => new XText(text.Value).ToString(),
        _ => "",
    };

    private static XElement Element(XElement source, string folder)
    {
        var name = source.Name.LocalName;
        var copy = new XElement(name, source.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.Namespace == XNamespace.None)
            .Select(a => new XAttribute(a.Name.LocalName, a.Name.LocalName is "href" or "src" ? Resolve(a.Value, folder) : a.Value)));
        foreach (var child in source.Nodes())
        {
            switch (child)
            {
                case XElement element:
                    copy.Add(Element(element, folder));
                    break;
                case XText text:
                    copy.Add(new XText(text.Value));
                    break;
                default:
                    break;
            }
        }

        if (!copy.Nodes().Any() && !VoidElements.Contains(name))
        {
            copy.Add(new XText(""));
        }

        return copy;
    }

    // Only the names the EPUB gives its own files are relative; a contributor's links are absolute (SafeMarkdown).
    private static string Resolve(string value, string folder)
    {
        var path = value.Split('#', 2)[0];
        return IsPageName(path) || IsImageName(path) ? folder + value : value;
    }

    [GeneratedRegex("^[a-z0-9-]{1,60}\\.xhtml$", RegexOptions.CultureInvariant)]
    private static partial Regex PageName();

    [GeneratedRegex("^images/[a-z0-9-]{1,60}\\.jpg$", RegexOptions.CultureInvariant)]
    private static partial Regex ImageName();
}
