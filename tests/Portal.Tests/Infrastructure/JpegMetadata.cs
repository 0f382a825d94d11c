using System.Text;
using NetVips;

namespace Portal.Tests.Infrastructure;

/// <summary>What a JPEG carries beside its pixels, read segment by segment: for the photographs' tests and the pages that serve them.</summary>
public static class JpegMetadata
{
    /// <summary>
    /// The JPEG holds only its tables, frame and scans: no APP segment at all (APP1 holds EXIF and XMP, APP2 ICC, APP13
    /// IPTC) and no comment; libvips sees no metadata field; no trace of the camera's data is found in its bytes
    /// (outside the compressed image data, where three given letters turn up by chance); nothing follows its end.
    /// </summary>
    public static void AssertNothingButPixels(byte[] jpeg)
    {
        var segments = Segments(jpeg);
        Assert.Empty(segments.Select(s => s.Marker).Except<byte>([0xDB, 0xC0, 0xC2, 0xC4, 0xDA, 0xD9]));
        Assert.Empty(segments.Single(s => s.Marker == 0xD9).Data);
        var readable = string.Concat(segments.Select(s => Latin1(s.Data)));
        Assert.All(new[] { "GPS", "Exif", "xmp", "ICC", "Photoshop" }, trace => Assert.DoesNotContain(trace, readable, StringComparison.OrdinalIgnoreCase));
        Assert.All(new[] { SamplePhotos.Make, SamplePhotos.Description, "adobe" }, trace => Assert.DoesNotContain(trace, Latin1(jpeg), StringComparison.OrdinalIgnoreCase));

        using var image = Image.NewFromBuffer(jpeg);
        var basic = new HashSet<string> { "width", "height", "bands", "format", "coding", "interpretation", "xoffset", "yoffset", "xres", "yres", "filename", "vips-loader", "jpeg-multiscan", "jpeg-chroma-subsample", "resolution-unit", "interlaced" };
        Assert.Empty(image.GetFields().Except(basic));
    }

    /// <summary>
    /// A JPEG's marker segments with their contents; the compressed data after each scan header is skipped. The
    /// segment of the end marker holds whatever follows it (nothing, in a clean file).
    /// </summary>
    public static List<(byte Marker, byte[] Data)> Segments(byte[] jpeg)
    {
        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
        var segments = new List<(byte, byte[])>();
        var at = 2;
        while (true)
        {
            Assert.Equal(0xFF, jpeg[at]);
            var marker = jpeg[at + 1];
            if (marker == 0xD9)
            {
                segments.Add((marker, jpeg[(at + 2)..]));
                return segments;
            }

            var length = (jpeg[at + 2] << 8) | jpeg[at + 3];
            segments.Add((marker, jpeg[(at + 4)..(at + 2 + length)]));
            at += 2 + length;
            if (marker == 0xDA)
            {
                // Entropy-coded data ends at the first marker that is neither a stuffed 0xFF00 nor a restart marker.
                while (jpeg[at] != 0xFF || jpeg[at + 1] == 0 || jpeg[at + 1] is >= 0xD0 and <= 0xD7)
                {
                    at++;
                }
            }
        }
    }

    private static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);
}
