using Portal.Features.WordImport;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Unit;

/// <summary>A damaged Word file never escapes as anything but a <see cref="DocxImportException"/> with a message to show.</summary>
public class DocxImporterBrokenFileTests
{
    private const string Unreadable = "This file could not be read as a Word document (.docx). Save it from Word as a .docx and try again.";
    private const string MissingPart = "This Word document is damaged: it refers to a picture or another part that is not in the file. Open it in Word, save it as a new .docx and import that file.";
    private const string LinkedPicture = "This Word document shows a picture that is only linked to a file outside the document, so the portal cannot import it. In Word, choose File › Info › Edit Links to Files, tick “Save picture in document” for each link, save the document and import it again.";

    public static TheoryData<string, string> BrokenFiles => new()
    {
        { "image part missing", MissingPart },
        { "styles part missing", MissingPart },
        { "picture naming no relationship", MissingPart },
        { "no [Content_Types].xml", Unreadable },
        { "main part with another part's content type", Unreadable },
        { "truncated", Unreadable },
        { "truncated before the central directory", Unreadable },
        { "duplicate zip entries", Unreadable },
        { "relationship with an absolute internal target", Unreadable },
        { "linked picture", LinkedPicture },
        { "embedded picture with an external target", LinkedPicture },
        { "empty file", Unreadable },
        { "broken styles XML", Unreadable },
        { "broken numbering XML", Unreadable },
        { "document part with a styles root", Unreadable },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Import_BrokenFile_ThrowsTheMessageToShow(string broken, string message)
    {
        var error = Assert.Throws<DocxImportException>(() => DocxImporter.Import(new MemoryStream(BrokenDocx.Make(broken))));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Import_TheHealthyFileTheBrokenOnesStartFrom_KeepsItsPictureAndExternalLink()
    {
        var imported = DocxImporter.Import(new MemoryStream(BrokenDocx.Healthy()));

        Assert.Equal("Need: clearance in Sekong", imported.Title);
        Assert.Equal(
            "Sekong needs two clearance teams for 2027.\n\n![Map of Sekong](attachment:image1.png)\n\nSee [the national strategy](https://www.nra.gov.la/).\n",
            imported.Markdown);
        Assert.Equal(DocxBuilder.TinyPng, Assert.Single(imported.Images).Content);
    }
}
