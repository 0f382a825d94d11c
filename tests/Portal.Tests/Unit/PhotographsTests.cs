using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using NetVips;
using Portal.Features.Files;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Unit;

/// <summary>
/// Uploaded photographs leave with nothing of the original but upright, sRGB pixels at print and web size; what is not
/// a photograph the portal can use is refused with a sentence to show. Images are built with libvips in each test.
/// </summary>
public class PhotographsTests
{
    private const string FormatAdvice = "Choose a photograph in JPEG, PNG or WebP format.";

    [Fact]
    public void Process_PhoneJpegWithGpsExifXmpAndIptc_OutputsKeepNoneOfIt()
    {
        var upload = SamplePhotos.Jpeg(1600, 1200);
        using (var original = Image.NewFromBuffer(upload))
        {
            Assert.Empty(new[] { "exif-ifd3-GPSLatitude", "exif-ifd0-Make", "xmp-data", "iptc-data" }.Except(original.GetFields()));
        }

        Assert.Empty(new byte[] { 0xE1, 0xED, 0xFE }.Except(JpegMetadata.Segments(upload).Select(s => s.Marker))); // EXIF and XMP, IPTC, comment
        Assert.All(new[] { "GPS", "Exif", "xmp", "Photoshop", SamplePhotos.Make, SamplePhotos.Description }, trace => Assert.Contains(trace, Latin1(upload), StringComparison.Ordinal));

        var photo = Accepted(Photographs.Process(upload, "harbour.jpg"));

        JpegMetadata.AssertNothingButPixels(photo.Print.Jpeg);
        JpegMetadata.AssertNothingButPixels(photo.Web.Jpeg);
    }

    [Fact]
    public void Process_PngWithTextChunkExifAndXmp_OutputsKeepNoneOfIt()
    {
        using var picture = SamplePhotos.Picture(1600, 1200);
        using var tagged = SamplePhotos.WithCameraMetadata(picture);
        var upload = SamplePhotos.PngWithText(tagged, "Location", "Sangkhom village, 18.01N 102.3E");
        using (var original = Image.NewFromBuffer(upload))
        {
            Assert.Contains(original.GetFields(), field => field.StartsWith("png-comment-", StringComparison.Ordinal));
            Assert.Contains("exif-ifd3-GPSLatitude", original.GetFields());
        }

        var photo = Accepted(Photographs.Process(upload, "village.png"));

        Assert.Equal("village.jpg", photo.FileName);
        JpegMetadata.AssertNothingButPixels(photo.Print.Jpeg);
        JpegMetadata.AssertNothingButPixels(photo.Web.Jpeg);
        Assert.DoesNotContain("Sangkhom", Latin1(photo.Print.Jpeg), StringComparison.Ordinal);
    }

    [Fact]
    public void Process_PortraitStoredWithOrientation6_ComesOutTurnedAsTheCameraSaid()
    {
        // Stored 1000 × 2000 with the red square top left; orientation 6 says "turn 90° clockwise to show", which
        // makes it 2000 × 1000 with the square top right.
        var upload = SamplePhotos.Jpeg(1000, 2000, orientation: 6);

        var photo = Accepted(Photographs.Process(upload, "sideways.jpg"));

        Assert.Equal((2000, 1000), (photo.Print.Width, photo.Print.Height));
        Assert.Equal((1280, 640), (photo.Web.Width, photo.Web.Height));
        using var print = Image.NewFromBuffer(photo.Print.Jpeg);
        Assert.True(IsRed(print.Getpoint(1950, 40)), "The red square should be top right.");
        Assert.False(IsRed(print.Getpoint(40, 40)), "Top left should not be red.");
        Assert.False(IsRed(print.Getpoint(40, 960)), "Bottom left should not be red.");
        JpegMetadata.AssertNothingButPixels(photo.Print.Jpeg);
    }

    [Theory]
    [InlineData(4000, 3000, 3000, 2250, 1280, 960)]
    [InlineData(3000, 4000, 2250, 3000, 960, 1280)]
    [InlineData(1200, 900, 1200, 900, 1200, 900)]
    public void Process_Photo_IsScaledDownToPrintAndWebSizesButNeverUp(int width, int height, int printWidth, int printHeight, int webWidth, int webHeight)
    {
        var photo = Accepted(Photographs.Process(SamplePhotos.Jpeg(width, height), "photo.jpg"));

        AssertVersion(photo.Print, printWidth, printHeight);
        AssertVersion(photo.Web, webWidth, webHeight);
    }

    [Fact]
    public void Process_SameUploadTwice_GivesTheSameBytes()
    {
        var upload = SamplePhotos.Jpeg(4000, 3000, orientation: 6);

        var first = Accepted(Photographs.Process(upload, "photo.jpg"));
        var second = Accepted(Photographs.Process([.. upload], "photo.jpg"));

        Assert.Equal(first.Print.Jpeg, second.Print.Jpeg);
        Assert.Equal(first.Web.Jpeg, second.Web.Jpeg);
        Assert.Equal(first.Print.Sha256, second.Print.Sha256);
    }

    [Fact]
    public void Process_PngWithTransparency_BecomesJpegOnWhite()
    {
        using var picture = SamplePhotos.Picture(1600, 1200, bands: 4);
        var photo = Accepted(Photographs.Process(picture.PngsaveBuffer(), "logo.png"));

        using var print = Image.NewFromBuffer(photo.Print.Jpeg);
        Assert.Equal(3, print.Bands);
        Assert.All(print.Getpoint(1400, 600), value => Assert.True(value >= 250, $"The transparent half should be white, not {value}."));
        Assert.True(IsRed(print.Getpoint(40, 40)), "The opaque half keeps its pixels.");
    }

    [Fact]
    public void Process_WebP_IsAccepted()
    {
        using var picture = SamplePhotos.Picture(1600, 1200);

        var photo = Accepted(Photographs.Process(picture.WebpsaveBuffer(), "photo.webp"));

        AssertVersion(photo.Print, 1600, 1200);
        Assert.Equal("photo.webp.jpg", photo.FileName);
    }

    [Fact]
    public void Process_DisplayP3Photo_IsConvertedToSrgbAndLosesItsProfile()
    {
        // An iPhone tags its photos Display P3: the same green is stored as other numbers.
        double[] green = [40, 180, 60];
        using var srgb = (Image.Black(1600, 1200, bands: 3) + green).Cast(Enums.BandFormat.Uchar);
        using var p3 = srgb.IccTransform("p3", inputProfile: "srgb", intent: Enums.Intent.Relative);
        var upload = p3.JpegsaveBuffer(q: 95);
        using (var original = Image.NewFromBuffer(upload))
        {
            Assert.True(original.Contains("icc-profile-data"));
            Assert.True(Math.Abs(original.Getpoint(800, 600)[0] - green[0]) > 10, "P3 stores this green with other numbers.");
        }

        var photo = Accepted(Photographs.Process(upload, "iphone.jpg"));

        foreach (var version in new[] { photo.Print, photo.Web })
        {
            using var image = Image.NewFromBuffer(version.Jpeg);
            Assert.False(image.Contains("icc-profile-data"));
            var pixel = image.Getpoint(image.Width / 2, image.Height / 2);
            Assert.All(Enumerable.Range(0, 3), band => Assert.InRange(pixel[band], green[band] - 4, green[band] + 4));
        }
    }

    [Fact]
    public void Process_SixteenBitGreyPng_BecomesEightBitSrgb()
    {
        using var grey = (Image.Black(1600, 1200) + 30_000).Cast(Enums.BandFormat.Ushort).Copy(interpretation: Enums.Interpretation.Grey16);
        var upload = grey.PngsaveBuffer(bitdepth: 16);

        var photo = Accepted(Photographs.Process(upload, "scan.png"));

        AssertVersion(photo.Print, 1600, 1200);
        using var print = Image.NewFromBuffer(photo.Print.Jpeg);
        Assert.Equal(Enums.BandFormat.Uchar, print.Format);
        Assert.All(print.Getpoint(800, 600), value => Assert.InRange(value, 112, 122)); // 30,000 of 65,535 is 117 of 255
    }

    [Fact]
    public void Process_CmykJpeg_BecomesRgb()
    {
        using var picture = SamplePhotos.Picture(1600, 1200);
        using var cmyk = picture.IccTransform("cmyk", inputProfile: "srgb");
        Assert.Equal(4, cmyk.Bands);

        var photo = Accepted(Photographs.Process(cmyk.JpegsaveBuffer(), "print-shop.jpg"));

        using var print = Image.NewFromBuffer(photo.Print.Jpeg);
        Assert.Equal((3, Enums.Interpretation.Srgb), (print.Bands, print.Interpretation));
        Assert.True(IsRed(print.Getpoint(40, 40)));
    }

    [Fact]
    public void Process_PhotoTooSmallForPrint_IsRefusedWithItsSize()
    {
        var result = Photographs.Process(SamplePhotos.Jpeg(960, 640), "thumbnail.jpg");

        Assert.False(result.IsAccepted);
        Assert.Equal("“thumbnail.jpg” is 960 × 640 pixels, too small to print well: a photograph in the book needs at least 1,000 pixels on its longer side. Choose the original from the camera or phone, which usually has more.", result.Error);
    }

    public static TheoryData<string, byte[]> Bombs => new()
    {
        { "PNG", SamplePhotos.PngClaiming(40_000, 40_000) },
        { "JPEG", SamplePhotos.JpegClaiming(40_000, 40_000) },
    };

    [Theory]
    [MemberData(nameof(Bombs))]
    public void Process_HeaderClaiming40000By40000_IsRefusedBeforeDecoding(string format, byte[] upload)
    {
        // A few KB that claim 1.6 billion pixels: decoding would need gigabytes or, with so little data, fail as damaged.
        // The size message proves that only the header was read.
        Assert.True(upload.Length < 10_000, $"The {format} should be small.");

        var result = Photographs.Process(upload, "bomb.png");

        Assert.Equal("“bomb.png” is 40,000 × 40,000 pixels, more than the 60 megapixels the portal takes. Save it at a smaller size and choose the new file.", result.Error);
    }

    [Fact]
    public void Process_TextFileNamedJpg_IsRefused()
    {
        var result = Photographs.Process("Minutes of the meeting in Geneva."u8.ToArray(), "holiday.jpg");

        Assert.Equal($"“holiday.jpg” is not a photograph the portal can read. {FormatAdvice}", result.Error);
    }

    [Fact]
    public void Process_PdfDocument_IsRefused()
    {
        var result = Photographs.Process(SampleFiles.Pdf(), "photo.jpg");

        Assert.Equal($"“photo.jpg” is not a photograph the portal can read. {FormatAdvice}", result.Error);
    }

    [Fact]
    public void Process_GifAndTiff_AreRefused()
    {
        using var picture = SamplePhotos.Picture(200, 100);

        Assert.Equal($"“map.gif” is not a photograph the portal can read. {FormatAdvice}", Photographs.Process(picture.GifsaveBuffer(), "map.gif").Error);
        Assert.Equal($"“scan.tif” is not a photograph the portal can read. {FormatAdvice}", Photographs.Process(picture.TiffsaveBuffer(), "scan.tif").Error);
    }

    [Fact]
    public void Photographs_InThisProcess_LeaveLibvipsNoLoaderButJpegPngAndWebp()
    {
        // The format check comes first; this is the second wall, should a file slip past it to libvips.
        RuntimeHelpers.RunClassConstructor(typeof(Photographs).TypeHandle);
        using var picture = SamplePhotos.Picture(200, 100);
        byte[][] others = [picture.GifsaveBuffer(), picture.TiffsaveBuffer(), "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"9\" height=\"9\"/>"u8.ToArray()];

        Assert.All(others, other => Assert.Throws<VipsException>(() => Image.NewFromBuffer(other).Dispose()));
        Assert.All(new[] { picture.JpegsaveBuffer(), picture.PngsaveBuffer(), picture.WebpsaveBuffer() }, accepted =>
        {
            using var image = Image.NewFromBuffer(accepted);
            Assert.Equal(200, image.Width);
        });
    }

    [Fact]
    public void Process_Heic_IsRefusedWithWhatToDo()
    {
        var result = Photographs.Process(SamplePhotos.HeicStart(), "IMG_0042.HEIC");

        Assert.Equal("“IMG_0042.HEIC” is a HEIC or AVIF picture, which the portal does not take. Export it as JPEG and choose the new file; an iPhone takes JPEG photos when its camera format is set to “Most Compatible”.", result.Error);
    }

    [Fact]
    public void Process_EmptyFile_IsRefused()
    {
        Assert.Equal("“photo.jpg” is empty. Check that it is the right file and choose it again.", Photographs.Process([], "photo.jpg").Error);
    }

    [Theory]
    [InlineData("cut")]
    [InlineData("no end")]
    public void Process_IncompleteJpeg_IsRefusedAsDamaged(string how)
    {
        var whole = SamplePhotos.Jpeg(1600, 1200);
        // Cut in the middle of the image data; "cut" keeps a last end marker, as some broken transfers do.
        var half = whole.AsSpan(0, whole.Length / 2);
        byte[] upload = how == "cut" ? [.. half, 0xFF, 0xD9] : [.. half];

        var result = Photographs.Process(upload, "photo.jpg");

        Assert.Equal("“photo.jpg” is damaged or incomplete, so the portal cannot read it. Save or export the photograph again and choose the new file.", result.Error);
    }

    private static ProcessedPhoto Accepted(PhotoResult result)
    {
        Assert.True(result.IsAccepted, result.Error);
        Assert.Null(result.Error);
        return result.Photo!;
    }

    private static void AssertVersion(PhotoVersion version, int width, int height)
    {
        Assert.Equal((width, height), (version.Width, version.Height));
        using var image = Image.NewFromBuffer(version.Jpeg);
        Assert.Equal((width, height, 3), (image.Width, image.Height, image.Bands));
        Assert.Equal(("jpegload_buffer", Enums.Interpretation.Srgb), ((string)image.Get("vips-loader"), image.Interpretation));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(version.Jpeg)), version.Sha256);
    }

    private static bool IsRed(double[] pixel) => pixel[0] > 200 && pixel[1] < 60 && pixel[2] < 60;

    private static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);
}
