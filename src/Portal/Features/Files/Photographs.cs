using System.Globalization;
using System.Security.Cryptography;
using NetVips;

namespace Portal.Features.Files;

/// <summary>One encoding of a photograph: JPEG bytes, their size in pixels and their SHA-256 (lower-case hex).</summary>
public sealed record PhotoVersion(byte[] Jpeg, int Width, int Height, string Sha256);

/// <summary>
/// A photograph as the portal keeps it: <see cref="Print"/> for the PDF, <see cref="Web"/> for the web edition and the
/// EPUB. <see cref="FileName"/> is the uploaded name made safe, ending in .jpg.
/// </summary>
public sealed record ProcessedPhoto(string FileName, PhotoVersion Print, PhotoVersion Web);

public sealed record PhotoResult(ProcessedPhoto? Photo, string? Error)
{
    public bool IsAccepted => Photo is not null;
}

/// <summary>
/// Re-encodes an uploaded photograph with libvips: upright (the camera's orientation applied), sRGB, no transparency,
/// and nothing of the original file but its pixels (no EXIF, GPS, XMP, IPTC, comments or ICC profile). Takes JPEG,
/// PNG and WebP, recognised by their bytes; refuses anything else, and pictures too small to print or too large to
/// decode safely, with a sentence a diplomat can act on. The same upload always gives the same bytes, so that book
/// builds are reproducible. The caller checks the upload's size in bytes first.
/// </summary>
public static class Photographs
{
    public const string ContentType = "image/jpeg";

    /// <summary>Shorter than this on its longer side, a photograph prints soft even at half the page's width.</summary>
    public const int MinLongSide = 1000;

    /// <summary>Refused from the header, before any pixel is decoded: a few KB of PNG can claim 40,000 × 40,000.</summary>
    public const long MaxPixels = 60_000_000;

    /// <summary>25 cm at 300 dpi: more than the A4 page's text width, so the PDF prints figures sharp.</summary>
    public const int PrintLongSide = 3000;

    public const int WebLongSide = 1280;

    private const int PrintQuality = 88;
    private const int WebQuality = 80;
    private const string Formats = "Choose a photograph in JPEG, PNG or WebP format.";

    static Photographs()
    {
        // Only the loaders of the three accepted formats may run, whatever the bytes turn out to be: libvips can also
        // read SVG, TIFF, GIF and HEIF, whose parsers an upload has no business reaching.
        Operation.Block("VipsForeignLoad", true);
        foreach (var loader in new[] { "VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp" })
        {
            Operation.Block(loader, false);
        }

        // The operation cache would keep uploads and their pixels alive after the request; nothing here is repeated.
        Cache.Max = 0;
    }

    public static PhotoResult Process(byte[] upload, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var shown = AttachmentInspector.DisplayName(fileName);
        if (FormatProblem(upload, fileName, shown) is { } problem)
        {
            return Refuse(problem);
        }

        try
        {
            // Reads the header only: the pixels are decoded below, once their number is known to be sane.
            using (var header = Image.NewFromBuffer(upload, access: Enums.Access.Sequential, failOn: Enums.FailOn.Warning))
            {
                var (width, height) = (header.Width, header.Height);
                if ((long)width * height > MaxPixels)
                {
                    return Refuse(string.Create(CultureInfo.InvariantCulture,
                        $"“{shown}” is {width:N0} × {height:N0} pixels, more than the {MaxPixels / 1_000_000} megapixels the portal takes. Save it at a smaller size and choose the new file."));
                }

                if (Math.Max(width, height) < MinLongSide)
                {
                    return Refuse(string.Create(CultureInfo.InvariantCulture,
                        $"“{shown}” is {width:N0} × {height:N0} pixels, too small to print well: a photograph in the book needs at least {MinLongSide:N0} pixels on its longer side. Choose the original from the camera or phone, which usually has more."));
                }
            }

            using var print = PrintImage(upload);
            using var web = print.ThumbnailImage(WebLongSide, height: WebLongSide, size: Enums.Size.Down);
            var photo = new ProcessedPhoto(
                AttachmentInspector.SafeFileName(fileName, AttachmentType.Jpeg),
                Encode(print, PrintQuality, progressive: false),
                Encode(web, WebQuality, progressive: true));
            return new(photo, null);
        }
        catch (VipsException)
        {
            return Refuse(Damaged(shown));
        }
    }

    // Upright, at most PrintLongSide, 8-bit sRGB without alpha, held in memory (about 20 MB) for the two encodings.
    private static Image PrintImage(byte[] upload)
    {
        // Shrinks while decoding where the format allows (JPEG by 2, 4 or 8) and applies the EXIF orientation. A decoder
        // warning fails the upload: a JPEG cut short and closed with an end marker decodes with a grey lower part, and
        // only warns. (Given as a loader option: thumbnail's own fail_on does not reach the loader in libvips 8.18.7.)
        using var scaled = Image.ThumbnailBuffer(upload, PrintLongSide, "[fail_on=warning]", height: PrintLongSide, size: Enums.Size.Down);
        // After scaling, not in the thumbnail: there the profile conversion would resize in floating point, ten times slower.
        using var converted = scaled.Contains("icc-profile-data") ? scaled.IccTransform("srgb", embedded: true) : scaled.Copy();
        // Grey and 16-bit pictures become 8-bit sRGB; a transparent background becomes the page's white.
        using var srgb = converted.Colourspace(Enums.Interpretation.Srgb);
        using var opaque = srgb.HasAlpha() ? srgb.Flatten(background: [255, 255, 255]) : srgb.Copy();
        return opaque.CopyMemory();
    }

    private static PhotoVersion Encode(Image image, int quality, bool progressive)
    {
        var jpeg = image.JpegsaveBuffer(q: quality, optimizeCoding: true, interlace: progressive, keep: Enums.ForeignKeep.None);
        return new(jpeg, image.Width, image.Height, Convert.ToHexStringLower(SHA256.HashData(jpeg)));
    }

    private static string? FormatProblem(byte[] upload, string? fileName, string shown)
    {
        var data = upload.AsSpan();
        if (data.Length == 0)
        {
            return $"“{shown}” is empty. Check that it is the right file and choose it again.";
        }

        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return null;
        }

        // JPEG and PNG as for attachments: by their bytes, with the same checks that the file is whole.
        if (AttachmentInspector.Inspect(fileName, upload).File?.Type is AttachmentType.Jpeg or AttachmentType.Png)
        {
            return null;
        }

        if (data.StartsWith(JpegStart) || data.StartsWith(PngSignature))
        {
            return Damaged(shown);
        }

        // This libvips build reads AVIF but not HEIC (its HEVC decoder is left out for patent reasons).
        return data.Length >= 12 && data[4..8].SequenceEqual("ftyp"u8) && IsHeifBrand(data[8..12])
            ? $"“{shown}” is a HEIC or AVIF picture, which the portal does not take. Export it as JPEG and choose the new file; an iPhone takes JPEG photos when its camera format is set to “Most Compatible”."
            : $"“{shown}” is not a photograph the portal can read. {Formats}";
    }

    private static ReadOnlySpan<byte> JpegStart => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static bool IsHeifBrand(ReadOnlySpan<byte> brand) =>
        brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8)
        || brand.SequenceEqual("msf1"u8) || brand.SequenceEqual("avif"u8);

    private static string Damaged(string shown) =>
        $"“{shown}” is damaged or incomplete, so the portal cannot read it. Save or export the photograph again and choose the new file.";

    private static PhotoResult Refuse(string error) => new(null, error);
}
