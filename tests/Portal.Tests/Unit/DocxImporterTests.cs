using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using Portal.Features.WordImport;
using static Portal.Tests.Infrastructure.DocxBuilder;

namespace Portal.Tests.Unit;

public class DocxImporterTests
{
    private static readonly MarkdownPipeline Pipeline = DocxImporterVerbatimTests.Pipeline;

    [Fact]
    public void Import_Headings_BecomeAtxHeadings()
    {
        var result = Import(body =>
        {
            AddParagraphStyle(body, "berschrift2", "heading 2");
            AddParagraphStyle(body, "Chapter", "Chapter", basedOn: "Heading3");
            body.Append(
                Heading(1, "One"),
                Styled("berschrift2", Run("Two, by style name")),
                Styled("Chapter", Run("Three, inherited")),
                new Paragraph(new ParagraphProperties(new OutlineLevel { Val = 3 }), Run("Four, by outline level")),
                Heading(6, "Six"),
                Paragraph("Body"));
        });

        Assert.Equal("# One\n\n## Two, by style name\n\n### Three, inherited\n\n#### Four, by outline level\n\n###### Six\n\nBody\n", result.Markdown);
    }

    [Fact]
    public void Import_Title_IsReturnedAndNotRepeated()
    {
        var result = Import(body => body.Append(Title("  Need: demining  "), Paragraph("Text"), Title("Second title")));

        Assert.Equal("Need: demining", result.Title);
        Assert.Equal("Text\n\n# Second title\n", result.Markdown);
    }

    [Fact]
    public void Import_BoldAndItalicRuns_BecomeEmphasis()
    {
        var result = Import(body => body.Append(Paragraph(
            Run("Plain "), Run("bold", bold: true), Run(" text ", bold: true), Run("and "), Run(" italic ", italic: true), Run("end"))));

        Assert.Equal("Plain **bold text** and  *italic* end\n", result.Markdown);
        Assert.Equal("<p>Plain <strong>bold text</strong> and  <em>italic</em> end</p>\n", Markdown.ToHtml(result.Markdown, Pipeline));
    }

    [Fact]
    public void Import_CharacterStylesAndExplicitOff_DecideEmphasis()
    {
        var result = Import(body => body.Append(Paragraph(
            new Run(new RunProperties(new RunStyle { Val = "Strong" }), new Text("strong")),
            Run(" "),
            new Run(new RunProperties(new RunStyle { Val = "Emphasis" }), new Text("emphasis")),
            Run(" "),
            new Run(new RunProperties(new RunStyle { Val = "Strong" }, new Bold { Val = false }), new Text("not bold")))));

        Assert.Equal("**strong** *emphasis* not bold\n", result.Markdown);
    }

    [Fact]
    public void Import_EmphasisInsideWords_RendersAsWritten()
    {
        var result = Import(body => body.Append(Paragraph(
            Run("un"), Run("believ", bold: true), Run("able, "), Run("Note:", bold: true, italic: true), Run(" ok"))));

        Assert.Equal("un**believ**able, ***Note:*** ok\n", result.Markdown);
        Assert.Equal("unbelievable, Note: ok", RenderedText(result.Markdown));
    }

    [Fact]
    public void Import_Lists_BecomeNestedMarkdownLists()
    {
        var result = Import(body => body.Append(
            Paragraph("Before"),
            ListItem(BulletList, 0, "one"),
            ListItem(BulletList, 1, "nested"),
            ListItem(BulletList, 0, "two"),
            ListItem(NumberedList, 0, "first"),
            ListItem(NumberedList, 1, "sub"),
            ListItem(NumberedList, 0, "second"),
            Paragraph("After")));

        Assert.Equal("Before\n\n- one\n  - nested\n- two\n1. first\n   1. sub\n2. second\n\nAfter\n", result.Markdown);
        Assert.Equal(
            "<p>Before</p>\n<ul>\n<li>one\n<ul>\n<li>nested</li>\n</ul>\n</li>\n<li>two</li>\n</ul>\n"
            + "<ol>\n<li>first\n<ol>\n<li>sub</li>\n</ol>\n</li>\n<li>second</li>\n</ol>\n<p>After</p>\n",
            Markdown.ToHtml(result.Markdown, Pipeline));
    }

    [Fact]
    public void Import_NumberingContinuesAcrossParagraphs()
    {
        var result = Import(body => body.Append(
            ListItem(NumberedList, 0, "first"),
            Paragraph("Between"),
            ListItem(NumberedList, 0, "second"),
            ListItem(BulletList, 0, "bullet"),
            ListItem(NumberedList, 0, "third")));

        Assert.Equal("1. first\n\nBetween\n\n2. second\n- bullet\n\n3. third\n", result.Markdown);
        Assert.Contains("<ol start=\"3\">\n<li>third</li>", Markdown.ToHtml(result.Markdown, Pipeline), StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ListStyle_MakesListItems()
    {
        var result = Import(body =>
        {
            var numbering = new StyleParagraphProperties(new NumberingProperties(new NumberingId { Val = BulletList }));
            AddStyle(body, Style(StyleValues.Paragraph, "ListBullet", "List Bullet", numbering));
            body.Append(Styled("ListBullet", Run("styled item")), ListItem(BulletList, 1, "direct, nested"));
        });

        Assert.Equal("- styled item\n  - direct, nested\n", result.Markdown);
    }

    [Fact]
    public void Import_Table_BecomesPipeTableWithEscapedPipes()
    {
        var result = Import(body => body.Append(
            Table(["Name", "Value"], ["a | b", "*c*"]),
            new Table(new TableRow(
                new TableCell(new TableCellProperties(new GridSpan { Val = 2 }), Paragraph("wide"), Paragraph("second line"))))));

        Assert.Equal(
            "| Name | Value |\n| --- | --- |\n| a \\| b | \\*c\\* |\n\n| wide second line |  |\n| --- | --- |\n",
            result.Markdown);
        var html = Markdown.ToHtml(result.Markdown, Pipeline);
        Assert.Contains("<td>a | b</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>*c*</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_Hyperlinks_KeepWebAddressesOnly()
    {
        var result = Import(body => body.Append(
            Paragraph(Run("See "), Hyperlink(body, "https://example.org/a b(c)", "the report"), Run(".")),
            Paragraph(Hyperlink(body, "javascript:alert(1)", "script"), Run(" "), new Hyperlink(Run("anchor")) { Anchor = "top" })));

        Assert.Equal("See [the report](https://example.org/a%20b\\(c\\)).\n\nscript anchor\n", result.Markdown);
        Assert.Equal(
            "<p>See <a href=\"https://example.org/a%20b(c)\">the report</a>.</p>\n<p>script anchor</p>\n",
            Markdown.ToHtml(result.Markdown, Pipeline));
    }

    [Fact]
    public void Import_Images_AreExtractedInOrderAndReferenced()
    {
        var gif = "GIF89a"u8.ToArray();
        var result = Import(body => body.Append(
            Paragraph(Run("Map: "), Image(body, TinyPng, "Map [north]")),
            Paragraph(Image(body, gif, contentType: "image/gif"))));

        Assert.Equal("Map: ![Map \\[north\\]](attachment:image1.png)\n\n![image2.gif](attachment:image2.gif)\n", result.Markdown);
        Assert.Equal(["image1.png", "image2.gif"], result.Images.Select(i => i.FileName));
        Assert.Equal(["image/png", "image/gif"], result.Images.Select(i => i.ContentType));
        Assert.Equal(TinyPng, result.Images[0].Content);
        Assert.Equal(gif, result.Images[1].Content);
    }

    [Fact]
    public void Import_TrackedChanges_ShowTheAcceptedText()
    {
        var result = Import(body => body.Append(Paragraph(
            Run("The "),
            new DeletedRun(new Run(new DeletedText("old "))) { Id = "1", Author = "A" },
            new InsertedRun(Run("new ")) { Id = "2", Author = "A" },
            new MoveFromRun(Run("moved ")) { Id = "3", Author = "A" },
            Run("text."))));

        Assert.Equal("The new text.\n", result.Markdown);
    }

    [Fact]
    public void Import_Fields_ShowTheirResult()
    {
        var result = Import(body => body.Append(Paragraph(
            Run("Page "),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            Run("3"),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            Run(", "),
            new SimpleField(Run("today")) { Instruction = "DATE" },
            new Run(new FootnoteReference { Id = 1 }),
            new Run(new SymbolChar { Font = "Wingdings", Char = "F0FC" }),
            new Run(new NoBreakHyphen(), new SoftHyphen()))));

        // The footnote reference leads nowhere (the document has no footnotes part) and is dropped; the symbol is Wingdings' tick.
        Assert.Equal("Page 3, today\u2714\u2011\u00AD\n", result.Markdown);
    }

    [Fact]
    public void Import_WrappersAreReadAndHiddenTextIsNot()
    {
        var result = Import(body => body.Append(
            new SdtBlock(new SdtProperties(new SdtAlias { Val = "Country" }), new SdtContentBlock(Paragraph(
                new SdtRun(new SdtContentRun(Run("Lao PDR"))),
                new Run(new RunProperties(new Vanish()), new Text(" hidden")),
                new CustomXmlRun(Run(" and")) { Element = "x" }))),
            new Paragraph(
                "<w:p xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + "<w:smartTag w:uri=\"urn:schemas-microsoft-com:office:smarttags\" w:element=\"place\">"
                + "<w:r><w:t>Xieng Khouang</w:t></w:r></w:smartTag></w:p>")));

        Assert.Equal("Lao PDR and\n\nXieng Khouang\n", result.Markdown);
    }

    [Fact]
    public void Import_TextBoxes_AreReadOnceAfterTheirParagraph()
    {
        const string Word = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
        const string Box = "<w:txbxContent><w:p><w:r><w:t>In the box</w:t></w:r></w:p></w:txbxContent>";
        var paragraph = new Paragraph(
            $"<w:p {Word} xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
            + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
            + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
            + "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" xmlns:v=\"urn:schemas-microsoft-com:vml\">"
            + "<w:r><w:t xml:space=\"preserve\">Before </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
            + "<wp:anchor><wp:docPr id=\"1\" name=\"Text Box 1\"/><a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
            + $"<wps:wsp><wps:txbx>{Box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
            + $"<mc:Fallback><w:pict><v:shape><v:textbox>{Box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
            + "<w:r><w:t>after.</w:t></w:r></w:p>");

        var result = Import(body => body.Append(paragraph, Paragraph("Next")));

        Assert.Equal("Before after.\n\nIn the box\n\nNext\n", result.Markdown);
    }

    [Fact]
    public void Import_EmptyDocument_GivesEmptyMarkdown()
    {
        var result = Import(body => body.Append(new Paragraph(), Paragraph("   ")));

        Assert.Equal("", result.Markdown);
        Assert.Empty(result.Images);
        Assert.Null(result.Title);
    }

    [Fact]
    public void Import_SampleNeed_HasEveryPart()
    {
        var result = DocxImporter.Import(new MemoryStream(SampleNeed()));

        Assert.Equal("Need: victim assistance in Xieng Khouang", result.Title);
        Assert.StartsWith("# Background\n\nXieng Khouang is among", result.Markdown, StringComparison.Ordinal);
        Assert.Contains("**Over 300 survivors** live", result.Markdown, StringComparison.Ordinal);
        Assert.Contains("*most of them in rural villages*.", result.Markdown, StringComparison.Ordinal);
        Assert.Contains("\n- physical rehabilitation and prosthetics;\n", result.Markdown, StringComparison.Ordinal);
        Assert.Contains("\n## What we ask\n\n1. Two physiotherapists for twelve months.\n2. ", result.Markdown, StringComparison.Ordinal);
        Assert.Contains("| District | Survivors | Health centres |\n| --- | --- | --- |\n| Pek | 124 | 3 |\n", result.Markdown, StringComparison.Ordinal);
        Assert.Contains("[www.nra.gov.la](https://www.nra.gov.la/)", result.Markdown, StringComparison.Ordinal);
        Assert.Contains("![Map of the districts concerned](attachment:image1.png)", result.Markdown, StringComparison.Ordinal);
        Assert.Equal("image1.png", Assert.Single(result.Images).FileName);
        Assert.EndsWith("Geneva.\n", result.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", result.Markdown, StringComparison.Ordinal);
    }

    private static DocxImport Import(Action<Body> fill) => DocxImporter.Import(new MemoryStream(Create(fill)));

    private static string RenderedText(string markdown) => DocxImporterVerbatimTests.RenderedText(markdown);
}
