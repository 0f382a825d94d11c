using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Portal.Features.Catalogue.Book;

/// <summary>
/// A SHA-256 over everything a build reads, so that a build is kept with what went into it and two editions with
/// the same inputs share one fingerprint (and therefore, for the same portal version, the same EPUB bytes).
/// </summary>
/// <remarks>
/// The canonical form: a version tag, then every field of <see cref="BookEdition"/> in declaration order, depth
/// first; a chapter's <see cref="BookChapter.Joined"/> (a list of chapters) comes after its figures. Each text is its length in UTF-16 code units and then those code units (little-endian), exactly as held,
/// lone surrogates included; each list is its count and then its items; each image its length and then its bytes;
/// numbers and flags as 64-bit little-endian integers; dates and times as UTC ticks. The lengths make the form
/// unambiguous: no two different editions serialise to the same bytes.
/// </remarks>
public static class BookFingerprint
{
    private const string Version = "ccm-catalogue-book-inputs/2";

    /// <returns>64 lowercase hexadecimal digits.</returns>
    public static string Of(BookEdition edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var writer = new Writer(hash);
        writer.Text(Version);
        writer.Text(edition.Identifier);
        writer.Text(edition.Title);
        writer.Text(edition.Subtitle);
        writer.Text(edition.Publisher);
        writer.Number(edition.PublicationDate.DayNumber);
        writer.Number(edition.Modified.UtcTicks);
        writer.Text(edition.Foreword);
        writer.Text(edition.Introduction);
        writer.Text(edition.Licence);
        writer.Number(edition.ForObservers ? 1 : 0);
        writer.Number(edition.Parts.Count);
        foreach (var part in edition.Parts)
        {
            writer.Text(part.Title);
            writer.Number(part.Chapters.Count);
            foreach (var chapter in part.Chapters)
            {
                Chapter(writer, chapter);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Chapter(Writer writer, BookChapter chapter)
    {
        writer.Text(chapter.Key);
        writer.Text(chapter.Title);
        writer.Text(chapter.Participant);
        writer.Number(chapter.Authors.Count);
        foreach (var author in chapter.Authors)
        {
            writer.Text(author.Name);
            writer.Text(author.Function);
            writer.Text(author.Organisation);
        }

        writer.Text(chapter.Provisions);
        writer.Text(chapter.Period);
        writer.Text(chapter.Body);
        writer.Number(chapter.Testimonials.Count);
        foreach (var testimonial in chapter.Testimonials)
        {
            writer.Text(testimonial.Quote);
            writer.Text(testimonial.Person);
            writer.Text(testimonial.Role);
            writer.Text(testimonial.Place);
        }

        writer.Number(chapter.Figures.Count);
        foreach (var figure in chapter.Figures)
        {
            writer.Text(figure.Key);
            writer.Text(figure.Caption);
            writer.Text(figure.Credit);
            writer.Text(figure.AltText);
            writer.Bytes(figure.PrintJpeg);
            writer.Number(figure.PrintWidth);
            writer.Number(figure.PrintHeight);
            writer.Bytes(figure.WebJpeg);
            writer.Number(figure.WebWidth);
            writer.Number(figure.WebHeight);
        }

        writer.Number(chapter.Joined.Count);
        foreach (var joined in chapter.Joined)
        {
            Chapter(writer, joined);
        }
    }

    private sealed class Writer(IncrementalHash hash)
    {
        private readonly byte[] number = new byte[8];

        public void Number(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(number, value);
            hash.AppendData(number);
        }

        public void Text(string text)
        {
            Number(text.Length);
            if (BitConverter.IsLittleEndian)
            {
                hash.AppendData(MemoryMarshal.AsBytes(text.AsSpan()));
                return;
            }

            foreach (var c in text)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(number, c);
                hash.AppendData(number, 0, 2);
            }
        }

        public void Bytes(byte[] bytes)
        {
            Number(bytes.Length);
            hash.AppendData(bytes);
        }
    }
}
