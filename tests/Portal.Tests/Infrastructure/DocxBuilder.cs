using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Builds small Word documents in memory. Every document has Word's usual styles (Normal, Title, Heading1-6,
/// Strong, Emphasis) and two lists: <see cref="BulletList"/> and <see cref="NumberedList"/>, nine levels each.
/// </summary>
public static class DocxBuilder
{
    public const int BulletList = 1;
    public const int NumberedList = 2;

    /// <summary>A valid 1x1 PNG (one red pixel).</summary>
    public static byte[] TinyPng =>
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
        0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x38, 0x60, 0xA9, 0x0D,
        0x00, 0x02, 0xE1, 0x01, 0x25, 0xFA, 0xBE, 0x1D, 0xED, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E,
        0x44, 0xAE, 0x42, 0x60, 0x82,
    ];

    public static byte[] Create(Action<Body> fill, WordprocessingDocumentType type = WordprocessingDocumentType.Document)
    {
        ArgumentNullException.ThrowIfNull(fill);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, type))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = Numbering();
            fill(main.Document.Body!);
        }

        return stream.ToArray();
    }

    public static Run Run(string text, bool bold = false, bool italic = false)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    public static Paragraph Paragraph(string text) => new(Run(text));

    public static Paragraph Paragraph(params OpenXmlElement[] content) => new(content);

    public static Paragraph Styled(string styleId, params OpenXmlElement[] content) =>
        new(content.Prepend(new ParagraphProperties(new ParagraphStyleId { Val = styleId })));

    public static Paragraph Title(string text) => Styled("Title", Run(text));

    public static Paragraph Heading(int level, string text) => Styled($"Heading{level}", Run(text));

    public static Paragraph ListItem(int list, int level, params OpenXmlElement[] content) =>
        new(content.Prepend(new ParagraphProperties(new NumberingProperties(
            new NumberingLevelReference { Val = level }, new NumberingId { Val = list }))));

    public static Paragraph ListItem(int list, int level, string text) => ListItem(list, level, Run(text));

    /// <summary>A table of plain-text cells; each string is one cell with one paragraph.</summary>
    public static Table Table(params string[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = new Table(
            new TableProperties(new TableWidth { Type = TableWidthUnitValues.Auto }),
            new TableGrid(Enumerable.Range(0, rows.Max(r => r.Length)).Select(_ => new GridColumn { Width = "2000" })));
        table.Append(rows.Select(r => new TableRow(r.Select(c => new TableCell(Paragraph(c))))));
        return table;
    }

    /// <summary>A link to an external address, as Word writes it: a relationship and a w:hyperlink around runs.</summary>
    public static Hyperlink Hyperlink(Body body, string url, params OpenXmlElement[] content)
    {
        var relationship = MainPart(body).AddHyperlinkRelationship(new Uri(url, UriKind.RelativeOrAbsolute), true);
        return new Hyperlink(content) { Id = relationship.Id };
    }

    public static Hyperlink Hyperlink(Body body, string url, string text) => Hyperlink(body, url, Run(text));

    /// <summary>An inline picture (w:drawing) of the given bytes, with alt text (wp:docPr descr) if given.</summary>
    public static Run Image(Body body, byte[] content, string? alt = null, string contentType = "image/png")
    {
        ArgumentNullException.ThrowIfNull(content);
        var main = MainPart(body);
        var part = main.AddImagePart(contentType);
        using (var data = new MemoryStream(content))
        {
            part.FeedData(data);
        }

        var id = (uint)main.ImageParts.Count();
        var picture = new PIC.Picture(
            new PIC.NonVisualPictureProperties(
                new PIC.NonVisualDrawingProperties { Id = id, Name = $"Picture {id}" },
                new PIC.NonVisualPictureDrawingProperties()),
            new PIC.BlipFill(new A.Blip { Embed = main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
            new PIC.ShapeProperties(
                new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 952500, Cy = 952500 }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
        var inline = new DW.Inline(
            new DW.Extent { Cx = 952500, Cy = 952500 },
            new DW.DocProperties { Id = id, Name = $"Picture {id}", Description = alt },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }));
        return new Run(new Drawing(inline));
    }

    /// <summary>A style: children such as BasedOn, StyleParagraphProperties and StyleRunProperties, in schema order.</summary>
    public static Style Style(StyleValues type, string id, string name, params OpenXmlElement[] children) =>
        new(children.Prepend(new StyleName { Val = name })) { Type = type, StyleId = id };

    public static void AddStyle(Body body, Style style) => MainPart(body).StyleDefinitionsPart!.Styles!.Append(style);

    /// <summary>Adds a paragraph style, for documents whose style ids are not Word's English ones.</summary>
    public static void AddParagraphStyle(Body body, string id, string name, int? outlineLevel = null, string? basedOn = null)
    {
        var style = Style(StyleValues.Paragraph, id, name);
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        if (outlineLevel is int level)
        {
            style.Append(new StyleParagraphProperties(new OutlineLevel { Val = level }));
        }

        AddStyle(body, style);
    }

    /// <summary>A realistic one-page need, as a State would send it, for integration and browser tests.</summary>
    public static byte[] SampleNeed() => Create(body => body.Append(
        Title("Need: victim assistance in Xieng Khouang"),
        Heading(1, "Background"),
        Paragraph(
            Run("Xieng Khouang is among the provinces most affected by cluster munition remnants. "),
            Run("Over 300 survivors", bold: true),
            Run(" live in the three districts concerned, "),
            Run("most of them in rural villages", italic: true),
            Run(".")),
        Paragraph(Run("The provincial hospital and the district health centres need support for:")),
        ListItem(BulletList, 0, "physical rehabilitation and prosthetics;"),
        ListItem(BulletList, 0, "psychosocial support for survivors and their families;"),
        ListItem(BulletList, 0, "livelihood training."),
        Heading(2, "What we ask"),
        ListItem(NumberedList, 0, "Two physiotherapists for twelve months."),
        ListItem(NumberedList, 0, "Equipment for a prosthetics workshop."),
        ListItem(NumberedList, 0, "Training of 20 community health workers."),
        Table(
            ["District", "Survivors", "Health centres"],
            ["Pek", "124", "3"],
            ["Kham", "98", "2"]),
        Paragraph(
            Run("The national strategy is published at "),
            Hyperlink(body, "https://www.nra.gov.la/", "www.nra.gov.la"),
            Run(".")),
        Paragraph(Image(body, TinyPng, "Map of the districts concerned")),
        Paragraph(Run("Contact: the Permanent Mission in Geneva."))));

    public static MainDocumentPart MainPart(Body body) =>
        body.Ancestors<Document>().First().MainDocumentPart ?? throw new InvalidOperationException("The body is not in a document.");

    private static Styles Styles()
    {
        var styles = new Styles(
            Style(StyleValues.Paragraph, "Normal", "Normal"),
            Style(StyleValues.Paragraph, "Title", "Title", new BasedOn { Val = "Normal" }, new StyleRunProperties(new FontSize { Val = "56" })),
            Style(StyleValues.Character, "Strong", "Strong", new StyleRunProperties(new Bold())),
            Style(StyleValues.Character, "Emphasis", "Emphasis", new StyleRunProperties(new Italic())));
        styles.GetFirstChild<Style>()!.Default = true;
        for (var level = 1; level <= 6; level++)
        {
            styles.Append(Style(
                StyleValues.Paragraph,
                $"Heading{level}",
                $"heading {level}",
                new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new OutlineLevel { Val = level - 1 }),
                new StyleRunProperties(new Bold())));
        }

        return styles;
    }

    private static Numbering Numbering()
    {
        static AbstractNum Definition(int id, string format, Func<int, string> text) => new(
            Enumerable.Range(0, 9).Select(level => new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = format == "bullet" ? NumberFormatValues.Bullet : NumberFormatValues.Decimal },
                new LevelText { Val = text(level) },
                new PreviousParagraphProperties(new Indentation { Left = ((level + 1) * 720).ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = "360" }))
            { LevelIndex = level }))
        { AbstractNumberId = id };

        return new Numbering(
            Definition(0, "bullet", _ => "•"),
            Definition(1, "decimal", level => $"%{level + 1}."),
            new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = BulletList },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = NumberedList });
    }
}
