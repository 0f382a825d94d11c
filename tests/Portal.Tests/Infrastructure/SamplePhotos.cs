using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using NetVips;

namespace Portal.Tests.Infrastructure;

/// <summary>Photographs built in code with libvips, with the metadata a phone writes, so no fixture is committed.</summary>
public static class SamplePhotos
{
    public const string Make = "SecretCam";
    public const string Description = "Checkpoint behind the ministry";

    /// <summary>
    /// A colour gradient of width × height as stored, with a red square in the stored picture's top-left corner (so a
    /// test can see where the camera's orientation put it) and noise, so that it compresses like a photo.
    /// </summary>
    public static Image Picture(int width, int height, int bands = 3)
    {
        using var xy = Image.Xyz(width, height);
        using var red = xy[0] * (200.0 / width) + 30;
        using var green = xy[1] * (200.0 / height) + 30;
        using var noise = Image.Gaussnoise(width, height, sigma: 8, mean: 0, seed: 20261205);
        using var blue = noise + 90;
        using var joined = red.Bandjoin(green, blue).Cast(Enums.BandFormat.Uchar);
        using var square = (Image.Black(width / 10, height / 10, bands: 3) + new double[] { 255, 0, 0 }).Cast(Enums.BandFormat.Uchar);
        using var picture = joined.Insert(square, 0, 0);
        if (bands == 3)
        {
            return picture.Copy();
        }

        // A fourth band: opaque left half, transparent right half.
        using var alpha = (Image.Black(width, height) + 255).Cast(Enums.BandFormat.Uchar)
            .Insert(Image.Black(width - width / 2, height).Cast(Enums.BandFormat.Uchar), width / 2, 0);
        return picture.Bandjoin(alpha);
    }

    /// <summary>What a phone writes beside the pixels: EXIF with the camera, a description and GPS, orientation, XMP.</summary>
    public static Image WithCameraMetadata(Image picture, int orientation = 1) => picture.Mutate(image =>
    {
        image.Set(GValue.GIntType, "orientation", orientation);
        image.Set(GValue.GStrType, "exif-ifd0-Make", Make);
        image.Set(GValue.GStrType, "exif-ifd0-ImageDescription", Description);
        image.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
        image.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "46/1 12/1 30/1");
        image.Set(GValue.GStrType, "exif-ifd3-GPSLongitudeRef", "E");
        image.Set(GValue.GStrType, "exif-ifd3-GPSLongitude", "6/1 8/1 15/1");
        image.Set(GValue.BlobType, "xmp-data", Encoding.UTF8.GetBytes(
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
            + "<rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"46,12.5N\" exif:GPSLongitude=\"6,8.25E\"/>"
            + "</rdf:RDF></x:xmpmeta>"));
    });

    /// <summary>
    /// A JPEG with <see cref="WithCameraMetadata"/>, plus what libvips does not write: an IPTC record (APP13, as
    /// Photoshop and news agencies write it) and a comment.
    /// </summary>
    public static byte[] Jpeg(int width, int height, int orientation = 1)
    {
        using var picture = Picture(width, height);
        using var tagged = WithCameraMetadata(picture, orientation);
        var jpeg = tagged.JpegsaveBuffer(q: 90);
        var text = Encoding.UTF8.GetBytes(Description);
        byte[] iptc = [0x1C, 2, 92, 0, (byte)text.Length, .. text]; // dataset 2:92, "Sub-location"
        byte[] photoshop = [.. "Photoshop 3.0\0"u8, .. "8BIM"u8, 0x04, 0x04, 0, 0, .. BigEndian(iptc.Length), .. iptc, .. new byte[iptc.Length % 2]];
        return [0xFF, 0xD8, .. Segment(0xED, photoshop), .. Segment(0xFE, Encoding.UTF8.GetBytes($"Taken at {Description}")), .. jpeg.AsSpan(2)];
    }

    /// <summary>A PNG whose tEXt chunk, right after the header, holds <paramref name="text"/> under <paramref name="key"/>.</summary>
    public static byte[] PngWithText(Image picture, string key, string text)
    {
        var png = picture.PngsaveBuffer();
        var chunk = Chunk("tEXt", [.. Encoding.Latin1.GetBytes(key), 0, .. Encoding.Latin1.GetBytes(text)]);
        const int AfterHeader = 8 + 25;
        return [.. png.AsSpan(0, AfterHeader), .. chunk, .. png.AsSpan(AfterHeader)];
    }

    /// <summary>
    /// A valid PNG header that claims width × height, followed by a few bytes of image data: decoding it would take
    /// gigabytes or fail, reading its header takes nothing.
    /// </summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per sample
        header[9] = 2; // RGB
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(new byte[4096]);
        }

        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", header), .. Chunk("IDAT", compressed.ToArray()), .. Chunk("IEND", [])];
    }

    /// <summary>A real small JPEG whose frame header is changed to claim width × height.</summary>
    public static byte[] JpegClaiming(int width, int height)
    {
        using var picture = Picture(200, 100);
        var jpeg = picture.JpegsaveBuffer();
        var frame = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(frame + 5), checked((ushort)height));
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(frame + 7), checked((ushort)width));
        return jpeg;
    }

    /// <summary>The start of an iPhone photo: an ISO media file of brand "heic".</summary>
    public static byte[] HeicStart() => [0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, .. new byte[64]];

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        var chunk = new byte[4 + typeAndData.Length + 4];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typeAndData.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(4 + typeAndData.Length), Crc32(typeAndData));
        return chunk;
    }

    // PNG's CRC-32 (ISO 3309), bit by bit: a few chunks of a few bytes.
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static byte[] Segment(byte marker, byte[] data) => [0xFF, marker, (byte)((data.Length + 2) >> 8), (byte)(data.Length + 2), .. data];

    private static byte[] BigEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }
}
