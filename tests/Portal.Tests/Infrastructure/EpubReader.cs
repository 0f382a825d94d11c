using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Portal.Tests.Infrastructure;

/// <summary>Reads an EPUB the way a reading system does: container, package document, manifest and spine, every file parsed as XML.</summary>
public sealed class EpubReader
{
    public static readonly XNamespace Opf = "http://www.idpf.org/2007/opf";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    public static readonly XNamespace Ops = "http://www.idpf.org/2007/ops";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public EpubReader(byte[] epub)
    {
        using var zip = new ZipArchive(new MemoryStream(epub), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            Entries.Add(entry.FullName, memory.ToArray());
            Times.Add(entry.FullName, entry.LastWriteTime);
        }

        var container = Parse("META-INF/container.xml");
        PackagePath = container.Descendants().Single(e => e.Name.LocalName == "rootfile").Attribute("full-path")!.Value;
        Package = Parse(PackagePath);
        Manifest = Package.Descendants(Opf + "item").Select(i => new Item(
            i.Attribute("id")!.Value, Resolve(PackagePath, i.Attribute("href")!.Value) ?? "", i.Attribute("media-type")!.Value,
            i.Attribute("properties")?.Value ?? "")).ToList();
        Spine = Package.Descendants(Opf + "itemref").Select(r => Manifest.Single(i => i.Id == r.Attribute("idref")!.Value)).ToList();
    }

    public sealed record Item(string Id, string Path, string MediaType, string Properties);

    /// <summary>Every zip entry by its full name, in the zip's order.</summary>
    public Dictionary<string, byte[]> Entries { get; } = [];

    public Dictionary<string, DateTimeOffset> Times { get; } = [];

    public string PackagePath { get; }

    public XDocument Package { get; }

    public IReadOnlyList<Item> Manifest { get; }

    public IReadOnlyList<Item> Spine { get; }

    public IEnumerable<Item> Documents => Manifest.Where(i => i.MediaType == "application/xhtml+xml");

    public Item Nav => Manifest.Single(i => i.Properties.Split(' ').Contains("nav"));

    /// <summary>Decodes strictly as UTF-8 and parses with System.Xml (well-formedness and XML's character rules checked).</summary>
    public XDocument Parse(string path)
    {
        var text = Text(path);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, CheckCharacters = true };
        using var reader = XmlReader.Create(new StringReader(text), settings);
        return XDocument.Load(reader, LoadOptions.SetLineInfo);
    }

    public string Text(string path) => StrictUtf8.GetString(Entries[path]);

    /// <summary>The document whose body holds an element with this id.</summary>
    public (Item Item, XDocument Document) DocumentWithId(string id) =>
        Documents.Select(i => (i, Parse(i.Path))).Single(d => d.Item2.Descendants().Any(e => (string?)e.Attribute("id") == id));

    /// <summary>A relative reference from a file, as a path inside the zip (without its fragment), or null when it leaves the package.</summary>
    public static string? Resolve(string from, string reference)
    {
        var baseUri = new Uri("http://package.invalid/" + from);
        if (!Uri.TryCreate(baseUri, reference, out var resolved) || resolved.Host != "package.invalid" || resolved.Scheme != "http"
            || reference.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        return Uri.UnescapeDataString(resolved.AbsolutePath.TrimStart('/'));
    }

    public static string TextOf(XElement element) => string.Concat(element.DescendantNodes().OfType<XText>().Select(t => t.Value));
}
