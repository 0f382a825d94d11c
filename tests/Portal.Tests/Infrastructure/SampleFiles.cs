using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using P = DocumentFormat.OpenXml.Presentation;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Portal.Tests.Infrastructure;

/// <summary>Small real files of each kind, built in code so that no binary fixture is committed.</summary>
public static class SampleFiles
{
    // Zeros deflate about 1000:1: 100 MB of them are about 100 KB in the package.
    private static readonly Lazy<byte[]> Bomb = new(() => WithEntry(Docx(), "word/media/padding.bin", stream => WriteZeros(stream, 100L * 1024 * 1024)));

    /// <summary>A one-page PDF with a correct cross-reference table.</summary>
    public static byte[] Pdf(string text = "Cooperation Portal")
    {
        var content = $"BT /F1 12 Tf 20 50 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A 1×1 RGBA PNG: signature, IHDR, IDAT, IEND with correct CRCs.</summary>
    public static byte[] Png() =>
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
        0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0x90, 0xF7, 0xAB, 0xFC,
        0x0F, 0x00, 0x03, 0x5C, 0x01, 0xE6, 0x6C, 0x4F, 0xFD, 0x89, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
        0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];

    /// <summary>
    /// A 1×1 grey baseline JPEG: one quantisation table, one-code Huffman tables and a single
    /// block whose DC difference is 0 followed by end-of-block.
    /// </summary>
    public static byte[] Jpeg()
    {
        byte[] start = [0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x43, 0x00];
        byte[] frame = [0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00];
        byte[] dcTable = [0xFF, 0xC4, 0x00, 0x14, 0x00, 0x01, .. new byte[15], 0x00];
        byte[] acTable = [0xFF, 0xC4, 0x00, 0x14, 0x10, 0x01, .. new byte[15], 0x00];
        byte[] scan = [0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x3F, 0xFF, 0xD9];
        return [.. start, .. Enumerable.Repeat((byte)1, 64), .. frame, .. dcTable, .. acTable, .. scan];
    }

    public static byte[] Docx(string text = "Cooperation Portal")
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.AddMainDocumentPart().Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text(text)))));
        }

        return stream.ToArray();
    }

    public static byte[] Xlsx()
    {
        using var stream = new MemoryStream();
        using (var excel = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = excel.AddWorkbookPart();
            workbook.Workbook = new S.Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var cell = new S.Cell { CellReference = "A1", DataType = S.CellValues.String, CellValue = new S.CellValue("Cooperation Portal") };
            sheet.Worksheet = new S.Worksheet(new S.SheetData(new S.Row(cell) { RowIndex = 1 }));
            workbook.Workbook.AppendChild(new S.Sheets(new S.Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Sheet1" }));
        }

        return stream.ToArray();
    }

    /// <summary>A presentation part without slides: enough for the package to be a real .pptx.</summary>
    public static byte[] Pptx()
    {
        using var stream = new MemoryStream();
        using (var powerPoint = PresentationDocument.Create(stream, PresentationDocumentType.Presentation))
        {
            powerPoint.AddPresentationPart().Presentation = new P.Presentation(
                new P.SlideIdList(),
                new P.SlideSize { Cx = 9144000, Cy = 6858000 },
                new P.NotesSize { Cx = 6858000, Cy = 9144000 });
        }

        return stream.ToArray();
    }

    /// <summary>A valid .docx plus a 100 MB part of zeros, about 100 KB on disk.</summary>
    public static byte[] DocxBomb() => (byte[])Bomb.Value.Clone();

    /// <summary>A Windows executable header, as if a program had been renamed report.pdf.</summary>
    public static byte[] RenamedExe()
    {
        var exe = new byte[512];
        "MZ"u8.CopyTo(exe);
        "This program cannot be run in DOS mode."u8.CopyTo(exe.AsSpan(0x4E));
        return exe;
    }

    public static byte[] HtmlPage() =>
        "<!DOCTYPE html>\n<html><head><title>Report</title></head><body><script>alert(1)</script></body></html>\n"u8.ToArray();

    /// <summary>A copy of a ZIP package with one more entry, whose content <paramref name="write"/> streams.</summary>
    public static byte[] WithEntry(byte[] package, string name, Action<Stream> write) =>
        Repack(package, (_, content) => content, (name, write));

    /// <summary>A copy of a ZIP package with one entry's text changed.</summary>
    public static byte[] WithEditedEntry(byte[] package, string name, Func<string, string> edit) =>
        Repack(package, (entry, content) => entry == name ? Encoding.UTF8.GetBytes(edit(Encoding.UTF8.GetString(content))) : content, null);

    public static void WriteZeros(Stream stream, long count)
    {
        var zeros = new byte[1024 * 1024];
        for (var left = count; left > 0; left -= zeros.Length)
        {
            stream.Write(zeros, 0, (int)Math.Min(left, zeros.Length));
        }
    }

    private static byte[] Repack(byte[] package, Func<string, byte[], byte[]> change, (string Name, Action<Stream> Write)? extra)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var read = entry.Open();
                using var copy = new MemoryStream();
                read.CopyTo(copy);
                using var write = target.CreateEntry(entry.FullName).Open();
                write.Write(change(entry.FullName, copy.ToArray()));
            }

            if (extra is { } added)
            {
                using var write = target.CreateEntry(added.Name, CompressionLevel.Optimal).Open();
                added.Write(write);
            }
        }

        return output.ToArray();
    }
}
