using System.Globalization;
using System.IO.Compression;

namespace Portal.Features.Catalogue.Book;

/// <summary>
/// The EPUB 3 of an edition, assembled here from the shared book markup: one XHTML document per page of the book
/// (cover, title page, contents, foreword, introduction, each part's title, each chapter, the back matter), the
/// figures' web JPEGs, a stylesheet and an SVG cover. The same edition always gives the same bytes: the entries come
/// in a fixed order, carry the edition's <see cref="BookEdition.Modified"/> as their time, nothing is random, and
/// the compression is fixed (for a given .NET runtime, whose zlib decides the deflated bytes).
/// </summary>
public static class EpubBook
{
    public const string MediaType = "application/epub+zip";

    internal const string StylesheetHref = "book.css";

    internal const string PackageFolder = "EPUB/";

    public static byte[] Build(BookEdition edition)
    {
        using var memory = new MemoryStream();
        Write(edition, memory);
        return memory.ToArray();
    }

    /// <summary>The EPUB and, from the same documents and figures, the web edition.</summary>
    public static (byte[] Epub, IReadOnlyList<WebEditionFile> WebEdition) BuildWithWebEdition(BookEdition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var items = EpubItems.Of(edition);
        using var memory = new MemoryStream();
        Write(edition, items, memory);
        return (memory.ToArray(), Book.WebEdition.Files(items));
    }

    /// <param name="edition">The book's input.</param>
    /// <param name="output">A stream that can seek (a file or memory): a zip written without seeking puts each entry's
    /// sizes after its data, which the EPUB specification forbids for the first entry.</param>
    public static void Write(BookEdition edition, Stream output)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanSeek)
        {
            throw new ArgumentException("An EPUB can only be written to a stream that can seek.", nameof(output));
        }

        Write(edition, EpubItems.Of(edition), output);
    }

    private static void Write(BookEdition edition, IReadOnlyList<EpubItem> items, Stream output)
    {
        // The text deflates to a few MB next to tens of MB of photographs: the fastest level costs a tenth of the
        // time of the default for about 1 % more bytes in all (120 chapters: 1.7 instead of 1.1 MB of 55 MB).
        const CompressionLevel Text = CompressionLevel.Fastest;
        var time = ZipTime(edition.Modified);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        // The mimetype first and stored, so that a reader recognises the file from its first bytes.
        Add(zip, "mimetype", EpubXhtml.Utf8.GetBytes(MediaType), CompressionLevel.NoCompression, time);
        Add(zip, "META-INF/container.xml", EpubXhtml.Utf8.GetBytes(EpubPackage.Container), Text, time);
        Add(zip, PackageFolder + EpubPackage.Href, EpubXhtml.Utf8.GetBytes(EpubPackage.Opf(edition, items)), Text, time);
        foreach (var item in items)
        {
            // JPEGs do not deflate: storing them saves the time and changes nothing in the size.
            var level = item.MediaType == "image/jpeg" ? CompressionLevel.NoCompression : Text;
            Add(zip, PackageFolder + item.Href, item.Content, level, time);
        }
    }

    private static void Add(ZipArchive zip, string name, byte[] content, CompressionLevel level, DateTimeOffset time)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = time;
        using var stream = entry.Open();
        stream.Write(content);
    }

    // A zip entry's time has no zone and runs from 1980 to 2107; the time in UTC makes it the same on every server.
    private static DateTimeOffset ZipTime(DateTimeOffset modified)
    {
        var utc = modified.UtcDateTime;
        var earliest = new DateTime(1980, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var latest = new DateTime(2107, 12, 31, 23, 59, 58, DateTimeKind.Utc);
        return new DateTimeOffset(utc < earliest ? earliest : utc > latest ? latest : utc, TimeSpan.Zero);
    }

    internal static string Number(int n) => n.ToString("D3", CultureInfo.InvariantCulture);
}
