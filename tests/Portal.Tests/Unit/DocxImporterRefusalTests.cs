using System.IO.Compression;
using DocumentFormat.OpenXml;
using Portal.Data;
using Portal.Features.WordImport;
using static Portal.Tests.Infrastructure.DocxBuilder;

namespace Portal.Tests.Unit;

/// <summary>
/// Files that are not Word documents, or not ones the portal accepts, are refused with a message to show; so are
/// documents longer than the posting form allows.
/// </summary>
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

    [Fact]
    public void Import_TextOneCharacterOverAPosting_IsRefused_TextAtTheLimitIsImported()
    {
        // One paragraph of n letters is n characters of Markdown and a final line end.
        var atLimit = DocxImporter.Import(new MemoryStream(Create(body => body.Append(Paragraph(new string('a', PostingLimits.Body - 1))))));
        var over = Assert.Throws<DocxImportException>(() => DocxImporter.Import(new MemoryStream(Create(body => body.Append(Paragraph(new string('a', PostingLimits.Body)))))));

        Assert.Equal(PostingLimits.Body, atLimit.Markdown.Length);
        Assert.Equal("The document’s text is 100,001 characters long; a posting holds at most 100,000. Shorten it by one character, or split it into several postings.", over.Message);
    }

    [Fact]
    public void Import_ManyParagraphsOverTheLimit_SaysExactlyByHowMuch()
    {
        var sentence = "Clearance of contaminated land in the province continues, with two teams working since March 2026.";
        var docx = Create(body => body.Append(Enumerable.Range(0, 2000).Select(_ => Paragraph(sentence))));

        var error = Assert.Throws<DocxImportException>(() => DocxImporter.Import(new MemoryStream(docx)));

        // 2,000 paragraphs of 98 characters, a blank line between each two, a line end after the last: 199,999.
        Assert.Equal("The document’s text is 199,999 characters long; a posting holds at most 100,000. Shorten it by 99,999 characters, or split it into several postings.", error.Message);
    }

    [Fact]
    public void Import_OneParagraphLongerThanAPosting_SaysByHowMuch()
    {
        var docx = Create(body => body.Append(Title("Annex"), Paragraph(new string('x', 1_000_000))));

        var error = Assert.Throws<DocxImportException>(() => DocxImporter.Import(new MemoryStream(docx)));

        Assert.Equal("The document’s text is 1,000,001 characters long; a posting holds at most 100,000. Shorten it by 900,001 characters, or split it into several postings.", error.Message);
    }

    [Fact]
    public void Import_TitleLongerThanAPostingTitle_IsRefused()
    {
        var docx = Create(body => body.Append(Title(new string('T', 250)), Paragraph("Text")));

        var error = Assert.Throws<DocxImportException>(() => DocxImporter.Import(new MemoryStream(docx)));

        Assert.Equal("The document’s title (its first paragraph in the style “Title”) is 250 characters long; a posting’s title holds at most 200. Shorten it by 50 characters and import the document again.", error.Message);
    }
}
