using System.IO.Compression;
using System.Text;
using Portal.Features.Files;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Unit;

public class AttachmentInspectorTests
{
    private const string AcceptedList = "Attach PDF, Word, Excel, PowerPoint, PNG or JPEG files.";

    public static TheoryData<string, AttachmentType, string> GoodFiles => new()
    {
        { "report.pdf", AttachmentType.Pdf, "application/pdf" },
        { "minutes.docx", AttachmentType.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "budget.xlsx", AttachmentType.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "briefing.pptx", AttachmentType.Pptx, "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "map.png", AttachmentType.Png, "image/png" },
        { "photo.jpg", AttachmentType.Jpeg, "image/jpeg" },
    };

    [Theory]
    [MemberData(nameof(GoodFiles))]
    public void Inspect_GoodFile_IsAcceptedWithItsTypeAndName(string name, AttachmentType type, string contentType)
    {
        var inspection = AttachmentInspector.Inspect(name, Sample(type));

        Assert.True(inspection.IsAccepted, inspection.Error);
        Assert.Null(inspection.Error);
        Assert.Equal(new InspectedFile(type, contentType, name), inspection.File);
        Assert.Equal(contentType, AttachmentInspector.ContentTypeOf(type));
    }

    [Fact]
    public void Inspect_PngNamedPdf_IsAcceptedAsPng()
    {
        // Content wins over the name; the name is corrected so the download opens in the right program.
        var inspection = AttachmentInspector.Inspect("photo.pdf", SampleFiles.Png());

        Assert.Equal(new InspectedFile(AttachmentType.Png, "image/png", "photo.png"), inspection.File);
    }

    [Fact]
    public void Inspect_XlsxNamedDocx_IsAcceptedAsXlsx()
    {
        var inspection = AttachmentInspector.Inspect("budget.docx", SampleFiles.Xlsx());

        Assert.Equal(AttachmentType.Xlsx, inspection.File?.Type);
        Assert.Equal("budget.xlsx", inspection.File?.FileName);
    }

    [Fact]
    public void Inspect_DocxNamingItsMainPartInAnOverride_IsAccepted()
    {
        // Word writes the main part as an Override; the SDK used by SampleFiles writes a Default.
        var wordStyle = SampleFiles.WithEditedEntry(SampleFiles.Docx(), "[Content_Types].xml", xml => xml.Replace(
            "<Default Extension=\"xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\" />",
            "<Default Extension=\"xml\" ContentType=\"application/xml\" /><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\" />",
            StringComparison.Ordinal));
        Assert.Contains("<Override PartName=\"/word/document.xml\"", EntryText(wordStyle, "[Content_Types].xml"), StringComparison.Ordinal);

        Assert.Equal(AttachmentType.Docx, AttachmentInspector.Inspect("minutes.docx", wordStyle).File?.Type);
    }

    [Fact]
    public void Inspect_JpegWithPaddingAfterEndMarker_IsAccepted()
    {
        byte[] padded = [.. SampleFiles.Jpeg(), .. new byte[40]];

        Assert.Equal(AttachmentType.Jpeg, AttachmentInspector.Inspect("photo.jpeg", padded).File?.Type);
        Assert.Equal("photo.jpeg", AttachmentInspector.Inspect("photo.jpeg", padded).File?.FileName);
    }

    [Fact]
    public void Inspect_DocxWithLargePartUnderTheLimit_IsAccepted()
    {
        var large = SampleFiles.WithEntry(SampleFiles.Docx(), "word/media/padding.bin", s => SampleFiles.WriteZeros(s, 20L * 1024 * 1024));

        Assert.True(AttachmentInspector.Inspect("large.docx", large).IsAccepted);
    }

    [Fact]
    public void Inspect_EmptyFile_IsRefused() =>
        AssertRefused(AttachmentInspector.Inspect("notes.pdf", []), "“notes.pdf” is empty.");

    [Fact]
    public void Inspect_ExeNamedPdf_IsRefused() =>
        AssertRefused(AttachmentInspector.Inspect("report.pdf", SampleFiles.RenamedExe()), "“report.pdf” is not a file type the portal accepts (it is a Windows program). " + AcceptedList);

    [Fact]
    public void Inspect_LinuxProgram_IsRefused() =>
        AssertRefused(AttachmentInspector.Inspect("tool.png", [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0]), "“tool.png”", "Linux program");

    [Fact]
    public void Inspect_HtmlNamedPdf_IsRefused() =>
        AssertRefused(AttachmentInspector.Inspect("report.pdf", SampleFiles.HtmlPage()), "“report.pdf” is not a file type the portal accepts (it looks like a web page). " + AcceptedList);

    [Fact]
    public void Inspect_SvgNamedPng_IsRefused() =>
        AssertRefused(AttachmentInspector.Inspect("logo.png", Svg), "“logo.png”", "SVG");

    [Theory]
    [InlineData("\uFEFF  <?xml version=\"1.0\"?><data/>")]
    [InlineData("\n<note>hello</note>")]
    public void Inspect_XmlText_IsRefused(string text) =>
        AssertRefused(AttachmentInspector.Inspect("data.docx", Encoding.UTF8.GetBytes(text)), "“data.docx”", "XML or web page");

    [Fact]
    public void Inspect_Utf16Html_IsRefusedAsWebPage() =>
        AssertRefused(AttachmentInspector.Inspect("page.pdf", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<html></html>")).ToArray()), "“page.pdf”", "web page");

    [Fact]
    public void Inspect_PlainZipNamedDocx_IsRefused() =>
        AssertRefused(AttachmentInspector.Inspect("letter.docx", Zip(("letter.txt", "Dear colleague"u8.ToArray()))), "“letter.docx”", "ZIP archive, not an Office document");

    [Fact]
    public void Inspect_OpenDocumentText_IsRefusedWithAdvice() =>
        AssertRefused(AttachmentInspector.Inspect("note.odt", Zip(("mimetype", "application/vnd.oasis.opendocument.text"u8.ToArray()))), "“note.odt”", "OpenDocument", "Save it as .docx");

    [Fact]
    public void Inspect_LegacyDocHeader_IsRefused() =>
        AssertRefused(AttachmentInspector.Inspect("old.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]]), "“old.doc”", "older Office format (.doc, .xls or .ppt)", "save it as .docx, .xlsx or .pptx");

    [Fact]
    public void Inspect_PasswordProtectedOffice_IsRefusedWithPasswordAdvice()
    {
        byte[] encrypted = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504], .. Encoding.Unicode.GetBytes("EncryptedPackage")];

        AssertRefused(AttachmentInspector.Inspect("secret.docx", encrypted), "“secret.docx”", "protected with a password", "Remove the password");
    }

    [Fact]
    public void Inspect_Gif_IsRefused() =>
        AssertRefused(AttachmentInspector.Inspect("chart.png", "GIF89a\u0001\0\u0001\0"u8.ToArray()), "“chart.png”", "GIF image");

    [Fact]
    public void Inspect_MacroEnabledDocm_IsRefused()
    {
        var docm = SampleFiles.WithEditedEntry(SampleFiles.Docx(), "[Content_Types].xml", xml => xml.Replace(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "application/vnd.ms-word.document.macroEnabled.main+xml",
            StringComparison.Ordinal));

        AssertRefused(AttachmentInspector.Inspect("minutes.docx", docm), "“minutes.docx” contains macros");
    }

    [Fact]
    public void Inspect_DocxWithVbaProjectPart_IsRefused()
    {
        var withVba = SampleFiles.WithEntry(SampleFiles.Docx(), "word/vbaProject.bin", s => s.Write(new byte[64]));

        AssertRefused(AttachmentInspector.Inspect("minutes.docx", withVba), "“minutes.docx” contains macros");
    }

    [Fact]
    public void Inspect_DocxBomb_IsRefused()
    {
        var bomb = SampleFiles.DocxBomb();
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb should be small on disk, was {bomb.Length} bytes");

        AssertRefused(AttachmentInspector.Inspect("big.docx", bomb), "“big.docx” expands to more than 64 MB when opened; it may be a compression bomb.");
    }

    [Theory]
    [InlineData("../evil")]
    [InlineData("word/../../evil")]
    [InlineData("..\\evil")]
    [InlineData("/etc/evil")]
    [InlineData("C:/evil")]
    public void Inspect_PackageWithUnsafeEntryName_IsRefused(string entry) =>
        AssertRefused(AttachmentInspector.Inspect("minutes.docx", SampleFiles.WithEntry(SampleFiles.Docx(), entry, s => s.WriteByte(1))), "“minutes.docx” is damaged or not a real Office document.");

    [Fact]
    public void Inspect_PackageWithTwoEntriesOfOneName_IsRefused()
    {
        var twice = SampleFiles.WithEntry(SampleFiles.Docx(), "[content_types].xml", s => s.Write("<Types/>"u8));

        AssertRefused(AttachmentInspector.Inspect("minutes.docx", twice), "“minutes.docx” is damaged or not a real Office document.");
    }

    [Fact]
    public void Inspect_PackageWithTooManyEntries_IsRefused()
    {
        var entries = Enumerable.Range(0, AttachmentInspector.MaxPackageEntries + 1).Select(i => ($"part{i}.xml", Array.Empty<byte>()));

        AssertRefused(AttachmentInspector.Inspect("many.xlsx", Zip([.. entries])), "“many.xlsx” has more than 5000 parts");
    }

    [Fact]
    public void Inspect_ContentTypesWithDtd_IsRefused()
    {
        var withDtd = SampleFiles.WithEditedEntry(SampleFiles.Docx(), "[Content_Types].xml", xml =>
            "<?xml version=\"1.0\"?><!DOCTYPE Types [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..]);

        AssertRefused(AttachmentInspector.Inspect("minutes.docx", withDtd), "“minutes.docx” is damaged or not a real Office document.");
    }

    [Fact]
    public void Inspect_TruncatedDocx_IsRefused() =>
        AssertRefused(AttachmentInspector.Inspect("minutes.docx", SampleFiles.Docx()[..300]), "“minutes.docx” is damaged or not a real Office document.");

    [Fact]
    public void Inspect_DocxWithoutMainPart_IsRefused()
    {
        // The content types promise a document part that is not in the package: only the SDK notices.
        var hollow = Zip(("[Content_Types].xml", Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")));

        AssertRefused(AttachmentInspector.Inspect("minutes.docx", hollow), "“minutes.docx” is damaged or not a real Office document.");
    }

    public static TheoryData<string, string> BrokenDocxFiles => new()
    {
        { "image part missing", "“minutes.docx” is damaged: it refers to a picture or another part that is not in the file. Open it in Office, save it as a new file and attach that." },
        { "styles part missing", "“minutes.docx” is damaged: it refers to a picture or another part that is not in the file." },
        { "relationship with an absolute internal target", "“minutes.docx” is damaged or not a real Office document." },
        { "no [Content_Types].xml", "“minutes.docx” is damaged or not a real Office document." },
        { "main part named wrongly", "“minutes.docx” is damaged or not a real Office document." },
        { "main part with another part's content type", "“minutes.docx” is damaged or not a real Office document." },
        { "truncated", "“minutes.docx” is damaged or not a real Office document." },
        { "truncated before the central directory", "“minutes.docx” is damaged or not a real Office document." },
        { "duplicate zip entries", "“minutes.docx” is damaged or not a real Office document." },
        { "empty file", "“minutes.docx” is empty." },
    };

    [Theory]
    [MemberData(nameof(BrokenDocxFiles))]
    public void Inspect_BrokenDocx_IsRefusedWithAMessageToShow(string damage, string message) =>
        AssertRefused(AttachmentInspector.Inspect("minutes.docx", BrokenDocx.Make(damage)), message);

    [Fact]
    public void Inspect_DocxWithALinkedPicture_IsAccepted()
    {
        // The package is sound; only the import, which publishes the pictures, cannot use a picture kept elsewhere.
        Assert.Equal(AttachmentType.Docx, AttachmentInspector.Inspect("minutes.docx", BrokenDocx.LinkedImage()).File?.Type);
    }

    [Fact]
    public void Inspect_PdfWithoutEndMarker_IsRefused() =>
        AssertRefused(AttachmentInspector.Inspect("report.pdf", SampleFiles.Pdf()[..^8]), "“report.pdf” looks like a PDF but is damaged or incomplete.");

    [Fact]
    public void Inspect_PdfNotAtStart_IsRefused() =>
        AssertRefused(AttachmentInspector.Inspect("report.pdf", [.. "junk"u8, .. SampleFiles.Pdf()]), "“report.pdf” is not a file type the portal accepts. " + AcceptedList);

    [Fact]
    public void Inspect_TruncatedJpeg_IsRefused() =>
        AssertRefused(AttachmentInspector.Inspect("photo.jpg", [.. SampleFiles.Jpeg()[..^2], .. new byte[100]]), "“photo.jpg” looks like a JPEG image but is damaged or incomplete.");

    [Fact]
    public void Inspect_PngWithoutHeaderChunk_IsRefused() =>
        AssertRefused(AttachmentInspector.Inspect("map.png", SampleFiles.Png()[..8]), "“map.png” looks like a PNG image but is damaged or incomplete.");

    [Fact]
    public void Inspect_RefusedFile_NamesItWithoutControlCharacters()
    {
        var inspection = AttachmentInspector.Inspect("C:\\temp\\inv\u202Efdp.exe\u0007", SampleFiles.RenamedExe());

        AssertRefused(inspection, "“invfdp.exe”");
        Assert.DoesNotContain('\u202E', inspection.Error!);
    }

    // The user's extension is replaced when it is one of ours or a close relative (.doc, .jfif …);
    // any other extension stays visible before ours, so "passwd…exe" cannot pass for a program.
    [Theory]
    [InlineData("../../etc/passwd\u0007\u202Egpj.exe", AttachmentType.Png, "passwdgpj.exe.png")]
    [InlineData("C:\\Users\\me\\Desktop\\report.pdf", AttachmentType.Pdf, "report.pdf")]
    [InlineData("photo.pdf", AttachmentType.Png, "photo.png")]
    [InlineData("budget.doc", AttachmentType.Docx, "budget.docx")]
    [InlineData("Photo.JPEG", AttachmentType.Jpeg, "Photo.jpeg")]
    [InlineData("Photo.JPG", AttachmentType.Jpeg, "Photo.jpg")]
    [InlineData("photo.jpeg", AttachmentType.Png, "photo.png")]
    [InlineData("scan", AttachmentType.Jpeg, "scan.jpg")]
    [InlineData("report.pdf. . ", AttachmentType.Pdf, "report.pdf")]
    [InlineData("  minutes \t of\n\nthe   meeting .docx", AttachmentType.Docx, "minutes of the meeting.docx")]
    [InlineData("a<b>c:d\"e|f?g*h%20.pdf", AttachmentType.Pdf, "abcdefgh20.pdf")]
    [InlineData("zero\u200Bwidth\u2066iso\u2069\u200E.docx", AttachmentType.Docx, "zerowidthiso.docx")]
    [InlineData("Cafe\u0301 de\u0301jeuner.pdf", AttachmentType.Pdf, "Café déjeuner.pdf")]
    [InlineData("合作报告.pdf", AttachmentType.Pdf, "合作报告.pdf")]
    [InlineData("version 2.1 final", AttachmentType.Pdf, "version 2.1 final.pdf")]
    [InlineData("...", AttachmentType.Pdf, "attachment.pdf")]
    [InlineData(". .", AttachmentType.Xlsx, "attachment.xlsx")]
    [InlineData("folder/", AttachmentType.Pptx, "attachment.pptx")]
    [InlineData("\u202E\u0000", AttachmentType.Png, "attachment.png")]
    [InlineData("", AttachmentType.Png, "attachment.png")]
    [InlineData(null, AttachmentType.Docx, "attachment.docx")]
    [InlineData("CON.pdf", AttachmentType.Pdf, "CON_.pdf")]
    [InlineData("nul", AttachmentType.Png, "nul_.png")]
    [InlineData("lpt1.tar.gz", AttachmentType.Pdf, "lpt1_.tar.gz.pdf")]
    [InlineData("COM9 .docx", AttachmentType.Docx, "COM9_.docx")]
    [InlineData("console.pdf", AttachmentType.Pdf, "console.pdf")]
    public void SafeFileName_CleansTheName(string? name, AttachmentType type, string expected) =>
        Assert.Equal(expected, AttachmentInspector.SafeFileName(name, type));

    [Fact]
    public void SafeFileName_LongName_IsCappedAt100CodePointsWithoutSplittingPairs()
    {
        var name = AttachmentInspector.SafeFileName(string.Concat(Enumerable.Repeat("😀", 150)) + ".png", AttachmentType.Png);

        Assert.Equal(string.Concat(Enumerable.Repeat("😀", 100)) + ".png", name);
        Assert.Equal(new string('a', 100) + ".pdf", AttachmentInspector.SafeFileName(new string('a', 300) + ".pdf", AttachmentType.Pdf));
    }

    [Fact]
    public void SafeFileName_EndlessCombiningSequence_IsNotAWayAroundTheCap()
    {
        var name = AttachmentInspector.SafeFileName("x" + "a" + new string('\u0301', 500) + ".pdf", AttachmentType.Pdf);

        Assert.Equal("x.pdf", name);
    }

    [Theory]
    [InlineData(AttachmentType.Pdf, "PDF")]
    [InlineData(AttachmentType.Docx, "Word document")]
    [InlineData(AttachmentType.Xlsx, "Excel workbook")]
    [InlineData(AttachmentType.Pptx, "PowerPoint presentation")]
    [InlineData(AttachmentType.Png, "PNG image")]
    [InlineData(AttachmentType.Jpeg, "JPEG image")]
    public void Describe_NamesTheTypeForPeople(AttachmentType type, string expected) =>
        Assert.Equal(expected, AttachmentInspector.Describe(type));

    private static readonly byte[] Svg =
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><circle r=\"4\"/></svg>"u8.ToArray();

    private static byte[] Sample(AttachmentType type) => type switch
    {
        AttachmentType.Pdf => SampleFiles.Pdf(),
        AttachmentType.Docx => SampleFiles.Docx(),
        AttachmentType.Xlsx => SampleFiles.Xlsx(),
        AttachmentType.Pptx => SampleFiles.Pptx(),
        AttachmentType.Png => SampleFiles.Png(),
        _ => SampleFiles.Jpeg(),
    };

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(content);
            }
        }

        return output.ToArray();
    }

    private static string EntryText(byte[] package, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static void AssertRefused(Inspection inspection, params string[] fragments)
    {
        Assert.False(inspection.IsAccepted);
        Assert.Null(inspection.File);
        Assert.NotNull(inspection.Error);
        foreach (var fragment in fragments) Assert.Contains(fragment, inspection.Error, StringComparison.Ordinal);
    }
}
