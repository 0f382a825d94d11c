using Portal.Features.WordImport;
using static Portal.Tests.Infrastructure.DocxBuilder;

namespace Portal.Tests.Unit;

/// <summary>
/// A document imported as a contribution: the same text, but its pictures are left out of it (the Pictures page asks
/// for a caption, credit and description for each) and counted, and its limits speak of a contribution.
/// </summary>
public class DocxImporterContributionTests
{
    private static byte[] WithPictures() => Create(body => body.Append(
        Paragraph("Before the pictures."),
        Paragraph(Run("Teams at work "), Image(body, TinyPng, alt: "Deminers"), Run(" in the field.")),
        Paragraph(Image(body, TinyPng, alt: "A cleared field")),
        Paragraph("After the pictures.")));

    private static DocxImport Import(byte[] docx, DocxTarget target) => DocxImporter.Import(new MemoryStream(docx), target);

    [Fact]
    public void Contribution_PicturesAreCountedButLeftOutOfTheText_TheTextIsThePostingsWithoutThem()
    {
        var contribution = Import(WithPictures(), DocxTarget.Contribution);
        var posting = Import(WithPictures(), DocxTarget.Posting);

        Assert.Equal(2, contribution.Images.Count);
        Assert.Equal(posting.Images.Select(i => i.Content.Length), contribution.Images.Select(i => i.Content.Length));
        Assert.Contains("![Deminers](attachment:image1.png)", posting.Markdown, StringComparison.Ordinal);
        Assert.Equal("Before the pictures.\n\nTeams at work  in the field.\n\nAfter the pictures.\n", contribution.Markdown);
    }

    [Fact]
    public void FirstHeading_IsReadAndStaysInTheText()
    {
        var import = Import(Create(body => body.Append(
            Paragraph("An opening paragraph."),
            Heading(2, "Clearance in Xieng Khouang"),
            Heading(1, "Context"))), DocxTarget.Contribution);

        Assert.Null(import.Title);
        Assert.Equal("Clearance in Xieng Khouang", import.FirstHeading);
        Assert.Contains("## Clearance in Xieng Khouang", import.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Contribution_LongerThanAContributionHolds_IsRefusedInItsOwnWords()
    {
        var sentence = "Clearance of contaminated land in the province continues, with two teams working since March 2026.";
        var docx = Create(body => body.Append(Enumerable.Range(0, 1100).Select(_ => Paragraph(sentence))));

        var error = Assert.Throws<DocxImportException>(() => Import(docx, DocxTarget.Contribution));

        Assert.Equal("The document’s text is 109,999 characters long; a contribution holds at most 100,000. Shorten it by 9,999 characters and import it again.", error.Message);
    }
}
