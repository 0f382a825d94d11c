using System.IO.Compression;
using System.Text;
using static Portal.Tests.Infrastructure.DocxBuilder;
using A = DocumentFormat.OpenXml.Drawing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Word files damaged the ways real ones get damaged (a picture lost when a file was copied by hand, a cut-off
/// download, a tool that wrote the package wrongly). Each starts from <see cref="Healthy"/> and changes the ZIP.
/// </summary>
public static class BrokenDocx
{
    private const string MainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    /// <summary>Text, a picture and a link to a web page: a document that imports well.</summary>
    public static byte[] Healthy() => Create(body => body.Append(
        Title("Need: clearance in Sekong"),
        Paragraph("Sekong needs two clearance teams for 2027."),
        Paragraph(Image(body, TinyPng, "Map of Sekong")),
        Paragraph(Run("See "), Hyperlink(body, "https://www.nra.gov.la/", "the national strategy"), Run("."))));

    /// <summary>The picture's relationship and content type are there, its part (media/image.png) is not.</summary>
    public static byte[] MissingImagePart() => Rezip(Healthy(), (name, content) =>
        name.Contains("media/", StringComparison.Ordinal) ? [] : [(name, content)]);

    public static byte[] WithoutContentTypes() => Rezip(Healthy(), (name, content) =>
        name == "[Content_Types].xml" ? [] : [(name, content)]);

    /// <summary>[Content_Types].xml gives Word's content type to a part the package does not hold, and calls the real one plain XML.</summary>
    public static byte[] MainPartMisnamed() => EditEntry(Healthy(), "[Content_Types].xml", xml =>
        xml.Replace($"<Default Extension=\"xml\" ContentType=\"{MainContentType}\" />", "<Default Extension=\"xml\" ContentType=\"application/xml\" />", StringComparison.Ordinal)
            .Replace("</Types>", $"<Override PartName=\"/word/documnt.xml\" ContentType=\"{MainContentType}\" /></Types>", StringComparison.Ordinal));

    /// <summary>The main part is there but [Content_Types].xml calls it plain XML, while another part claims to be Word's.</summary>
    public static byte[] MainPartWrongType() => EditEntry(Healthy(), "[Content_Types].xml", xml =>
        xml.Replace($"<Default Extension=\"xml\" ContentType=\"{MainContentType}\" />", "<Default Extension=\"xml\" ContentType=\"application/xml\" />", StringComparison.Ordinal)
            .Replace("</Types>", $"<Override PartName=\"/word/styles.xml\" ContentType=\"{MainContentType}\" /></Types>", StringComparison.Ordinal));

    /// <summary>The first <paramref name="fraction"/> of the file, as after an interrupted download.</summary>
    public static byte[] Truncated(double fraction = 0.6)
    {
        var healthy = Healthy();
        return healthy[..(int)(healthy.Length * fraction)];
    }

    /// <summary>word/document.xml twice, with different texts: which one a reader takes is up to the reader.</summary>
    public static byte[] DuplicateEntries() => Rezip(Healthy(), (name, content) => name == "word/document.xml"
        ? [(name, content), (name, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(content).Replace("Sekong", "Attapeu", StringComparison.Ordinal)))]
        : [(name, content)]);

    /// <summary>A picture linked to a file on the author's computer (Insert › Picture › Link to file), not embedded.</summary>
    public static byte[] LinkedImage() => Create(body =>
    {
        var run = Image(body, TinyPng, "Map of Sekong");
        var main = body.Ancestors<W.Document>().First().MainDocumentPart!;
        var blip = run.Descendants<A.Blip>().Single();
        main.DeletePart(blip.Embed!.Value!);
        var link = main.AddExternalRelationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", new Uri("file:///C:/Users/desk/Pictures/map.png"));
        blip.Embed = null;
        blip.Link = link.Id;
        body.Append(Paragraph("Sekong needs two clearance teams for 2027."), Paragraph(run));
    });

    /// <summary>A picture that says it is embedded (r:embed) but whose relationship points outside the package.</summary>
    public static byte[] EmbeddedImageWithExternalTarget() => Rezip(Healthy(), (name, content) => name == "word/_rels/document.xml.rels"
        ? [(name, Encoding.UTF8.GetBytes(ExternalImage(Encoding.UTF8.GetString(content))))]
        : name.Contains("media/", StringComparison.Ordinal) ? [] : [(name, content)]);

    /// <summary>The web link's relationship without TargetMode="External": an address where a part name must be.</summary>
    public static byte[] InternalHyperlinkRelationship() => EditEntry(Healthy(), "word/_rels/document.xml.rels", xml =>
        xml.Replace(" TargetMode=\"External\"", "", StringComparison.Ordinal));

    public static byte[] BrokenStyles() => EditEntry(Healthy(), "word/styles.xml", xml => xml[..(xml.Length / 2)]);

    public static byte[] BrokenNumbering() => EditEntry(Healthy(), "word/numbering.xml", xml => xml.Replace("<w:abstractNum ", "<w:abstractNum <", StringComparison.Ordinal));

    /// <summary>The damaged file named in a test's data.</summary>
    public static byte[] Make(string damage) => damage switch
    {
        "image part missing" => MissingImagePart(),
        "styles part missing" => Rezip(Healthy(), (name, content) => name == "word/styles.xml" ? [] : [(name, content)]),
        "picture naming no relationship" => EditEntry(Healthy(), "word/_rels/document.xml.rels", WithoutImageRelationship),
        "no [Content_Types].xml" => WithoutContentTypes(),
        "main part named wrongly" => MainPartMisnamed(),
        "main part with another part's content type" => MainPartWrongType(),
        "truncated" => Truncated(),
        "truncated before the central directory" => Truncated(0.97),
        "duplicate zip entries" => DuplicateEntries(),
        "relationship with an absolute internal target" => InternalHyperlinkRelationship(),
        "linked picture" => LinkedImage(),
        "embedded picture with an external target" => EmbeddedImageWithExternalTarget(),
        "empty file" => [],
        "broken styles XML" => BrokenStyles(),
        "broken numbering XML" => BrokenNumbering(),
        "document part with a styles root" => EditEntry(Healthy(), "word/document.xml", _ =>
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"),
        _ => throw new ArgumentOutOfRangeException(nameof(damage), damage, "No such damaged file."),
    };

    /// <summary>A copy of <paramref name="package"/> in which each entry becomes the entries <paramref name="map"/> returns.</summary>
    public static byte[] Rezip(byte[] package, Func<string, byte[], IEnumerable<(string Name, byte[] Content)>> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var read = entry.Open();
                using var copy = new MemoryStream();
                read.CopyTo(copy);
                foreach (var (name, content) in map(entry.FullName, copy.ToArray()))
                {
                    using var write = target.CreateEntry(name).Open();
                    write.Write(content);
                }
            }
        }

        return output.ToArray();
    }

    public static byte[] EditEntry(byte[] package, string entry, Func<string, string> edit) =>
        Rezip(package, (name, content) => [(name, name == entry ? Encoding.UTF8.GetBytes(edit(Encoding.UTF8.GetString(content))) : content)]);

    // The picture's relationship is gone (its part stays, unreferenced); the drawing still names it.
    private static string WithoutImageRelationship(string relationships)
    {
        var image = relationships.IndexOf("relationships/image\"", StringComparison.Ordinal);
        var start = relationships.LastIndexOf('<', image);
        return relationships[..start] + relationships[(relationships.IndexOf("/>", image, StringComparison.Ordinal) + 2)..];
    }

    private static string ExternalImage(string relationships)
    {
        var start = relationships.IndexOf("relationships/image\"", StringComparison.Ordinal);
        var target = relationships.IndexOf("Target=\"", start > 0 ? relationships.LastIndexOf('<', start) : 0, StringComparison.Ordinal);
        var end = relationships.IndexOf('"', target + 8);
        return relationships[..target] + "Target=\"https://example.org/map.png\" TargetMode=\"External\"" + relationships[(end + 1)..];
    }
}
