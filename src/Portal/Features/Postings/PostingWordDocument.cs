using System.Globalization;
using System.IO.Compression;
using System.Security;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Data;

namespace Portal.Features.Postings;

/// <summary>
/// Writes the Word template of a kind of posting (<see cref="PostingWordTemplate"/>) as a .docx that Word opens
/// without a compatibility warning: A4, the styles Word names "Normal", "heading 2" and "Table Grid", and the portal's
/// own "Portal guidance" (grey italics) for every sentence that is guidance. Under each piece of guidance an empty
/// paragraph in "Normal" is where the State writes. The same kind always gives the same bytes.
/// </summary>
public static class PostingWordDocument
{
    private const string GuidanceStyle = "PortalGuidance";
    private const string LabelShading = "F2F2F2";

    // A4 with 2.5 cm margins: 11,906 twips wide, 1,418 each side.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int Margin = 1418;
    private const int LabelWidth = 2800;

    // Every part and every ZIP entry carries this date, so that the same portal serves the same file.
    private static readonly DateTime Written = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static byte[] Create(PostingKind kind)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            // Named relationships: the SDK would otherwise make up random ones.
            var main = document.AddNewPart<MainDocumentPart>(PostingWordTemplate.MainContentType, "rIdMain");
            main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = Styles();
            main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = new Settings(new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }));
            var header = main.AddNewPart<HeaderPart>("rIdHeader");
            header.Header = new Header(new Paragraph(new Run(
                new RunProperties(new Color { Val = "595959" }, new FontSize { Val = "18" }),
                Text($"CCM Cooperation Portal: template for {PostingLabels.WithArticle(kind)}"))));
            main.Document = new Document(Body(kind));
            Properties(document.AddNewPart<CoreFilePropertiesPart>("rIdCore"), kind);
        }

        return WithFixedDates(stream.ToArray());
    }

    private static Body Body(PostingKind kind)
    {
        var body = new Body();
        body.Append(PostingWordTemplate.Introduction(kind).Select(Guidance));
        body.Append(CoreTable(kind));
        body.Append(PostingWordTemplate.TableGuidance(kind).Select(Guidance));
        foreach (var section in PostingTemplates.SectionsFor(kind))
        {
            body.Append(
                new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Heading2" }), new Run(Text(section.Heading))),
                Guidance(section.Guidance),
                new Paragraph());
        }

        body.Append(new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = "rIdHeader" },
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 709, Footer = 709, Gutter = 0 }));
        return body;
    }

    /// <summary>Two columns: the form's label, shaded, and an empty cell for the State's value.</summary>
    private static Table CoreTable(PostingKind kind)
    {
        var valueWidth = PageWidth - (2 * Margin) - LabelWidth;
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = "TableGrid" },
                new TableWidth { Width = Twips(LabelWidth + valueWidth), Type = TableWidthUnitValues.Dxa }),
            new TableGrid(new GridColumn { Width = Twips(LabelWidth) }, new GridColumn { Width = Twips(valueWidth) }));
        foreach (var label in PostingWordTemplate.Rows(kind))
        {
            table.Append(new TableRow(
                new TableCell(
                    new TableCellProperties(
                        new TableCellWidth { Width = Twips(LabelWidth), Type = TableWidthUnitValues.Dxa },
                        new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = LabelShading }),
                    new Paragraph(new Run(Text(label)))),
                new TableCell(
                    new TableCellProperties(new TableCellWidth { Width = Twips(valueWidth), Type = TableWidthUnitValues.Dxa }),
                    new Paragraph())));
        }

        return table;
    }

    private static Paragraph Guidance(string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = GuidanceStyle }), new Run(Text(text)));

    private static Text Text(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

    private static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
                new FontSize { Val = "22" },
                new FontSizeComplexScript { Val = "22" },
                new Languages { Val = "en-GB" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "160", Line = "259", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        new Style(
            new StyleName { Val = "heading 2" },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "360", After = "120" }, new OutlineLevel { Val = 1 }),
            new StyleRunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "28" }))
        { Type = StyleValues.Paragraph, StyleId = "Heading2" },
        // Guidance: italic, which the import writes as *…* and BodySections then recognises and removes.
        new Style(
            new StyleName { Val = "Portal guidance" },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleRunProperties(new Italic(), new Color { Val = "595959" }))
        { Type = StyleValues.Paragraph, StyleId = GuidanceStyle, CustomStyle = true },
        new Style(
            new StyleName { Val = "Normal Table" },
            new UIPriority { Val = 99 },
            new SemiHidden(),
            new StyleTableProperties(
                new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true },
        new Style(
            new StyleName { Val = "Table Grid" },
            new BasedOn { Val = "TableNormal" },
            new StyleParagraphProperties(new SpacingBetweenLines { Before = "60", After = "60" }),
            new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new RightBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "auto" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "auto" })))
        { Type = StyleValues.Table, StyleId = "TableGrid" });

    /// <summary>The document's title and author as Word shows them under File › Info, with the fixed date.</summary>
    private static void Properties(CoreFilePropertiesPart part, PostingKind kind)
    {
        var date = Written.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var title = SecurityElement.Escape($"Template for {PostingLabels.WithArticle(kind)}");
        using var writer = new StreamWriter(part.GetStream(FileMode.Create));
        writer.Write($"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:creator>CCM Cooperation Portal</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified></cp:coreProperties>
            """);
    }

    /// <summary>The package with every ZIP entry dated <see cref="Written"/> instead of the moment it was written.</summary>
    private static byte[] WithFixedDates(byte[] package)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var entry in zip.Entries)
            {
                entry.LastWriteTime = Written;
            }
        }

        return stream.ToArray();
    }
}
