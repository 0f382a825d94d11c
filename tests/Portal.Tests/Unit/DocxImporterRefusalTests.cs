using System.IO.Compression;
using DocumentFormat.OpenXml;
using Portal.Features.Postings;
using static Portal.Tests.Infrastructure.DocxBuilder;

namespace Portal.Tests.Unit;

/// <summary>Files that are not Word documents, or not ones the portal accepts, are refused with a message to show.</summary>
public class DocxImporterRefusalTests
{
    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 })]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00 })]
    public void Import_NotAWordDocument_Throws(byte[] content)
    {
        var error = Assert.Throws<DocxImportException>(() => DocxImporter.Import(new MemoryStream(content)));

        Assert.Equal("This file could not be read as a Word document (.docx). Save it from Word as a .docx and try again.", error.Message);
    }

    [Fact]
    public void Import_ZipThatIsNotWord_Throws()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            writer.Write("not a document");
        }

        zip.Position = 0;
        Assert.Throws<DocxImportException>(() => DocxImporter.Import(zip));
    }

    [Fact]
    public void Import_MacroEnabledDocument_IsRefused()
    {
        var docm = Create(body => body.Append(Paragraph("Macro")), WordprocessingDocumentType.MacroEnabledDocument);

        var error = Assert.Throws<DocxImportException>(() => DocxImporter.Import(new MemoryStream(docm)));

        Assert.Contains("macros", error.Message, StringComparison.Ordinal);
    }
}
