using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Features.Markdown;
using Portal.Features.WordImport;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.DocxBuilder;
using V = DocumentFormat.OpenXml.Vml;

namespace Portal.Tests.Unit;

/// <summary>
/// Footnotes, quotations and everything else a State's Word file may hold: imported where it belongs in the reading
/// order, or named in the import's report. Documents come from pandoc and from the Open XML SDK's own structures.
/// </summary>
public partial class DocxImportReportTests
{
    private const string PandocText = """
        Text with a note.[^1] And an [inserted phrase]{.insertion author="Ministry" date="2026-01-01T00:00:00Z"} and [a deleted phrase]{.deletion author="Ministry" date="2026-01-01T00:00:00Z"} here. [The date needs checking.]{.comment-start id="0" author="Editor" date="2026-01-01T00:00:00Z"}Commented words.[]{.comment-end id="0"}

        > We cleared the land and gave it back to farmers.

        [^1]: The strategy was adopted in 2021.
        """;

    private static readonly HtmlParser Parser = new();

    [Fact]
    public void Pandoc_FootnoteQuotationChangesAndComment_AreImportedOrReported()
    {
        var import = Import(Pandoc.Docx(PandocText));

        Assert.Contains("Text with a note.[^1] And an inserted phrase and  here.", import.Markdown, StringComparison.Ordinal);
        Assert.Contains("[^1]: The strategy was adopted in 2021.", import.Markdown, StringComparison.Ordinal);
        Assert.Contains("> We cleared the land and gave it back to farmers.", import.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("deleted phrase", import.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("needs checking", import.Markdown, StringComparison.Ordinal);
        Assert.True(import.Report.NeedsDecision);
        Assert.Equal("1 tracked insertion, 1 tracked deletion and 1 comment", import.Report.Pending());
        Assert.Equal(
            "Imported: 1 paragraph, 1 quotation, 1 footnote and 1 tracked insertion. "
            + "Left out: 1 comment and 1 tracked deletion (the text as if accepted was used).",
            import.Report.ToString());

        var html = Parser.ParseDocument(SafeMarkdown.ToHtml(import.Markdown));
        Assert.Equal("We cleared the land and gave it back to farmers.", html.QuerySelector("blockquote")!.TextContent.Trim());
        var note = Assert.Single(html.QuerySelectorAll(".footnotes li"));
        Assert.Equal("The strategy was adopted in 2021.", note.QuerySelector("p")!.TextContent.Replace("↩", "", StringComparison.Ordinal).Trim());
        var reference = html.QuerySelector("a.footnote-ref")!;
        Assert.Equal("#" + note.Id, reference.GetAttribute("href"));
        Assert.Equal("1", reference.TextContent);
    }

    [Fact]
    public void Pandoc_Contribution_KeepsItsFootnoteAndQuotation()
    {
        var import = DocxImporter.Import(new MemoryStream(Pandoc.Docx("""
            A testimonial follows.[^1]

            > “The prosthesis let me work again.”

            [^1]: Collected in Tyre in 2025.
            """)), DocxTarget.Contribution);

        Assert.Equal("A testimonial follows.[^1]\n\n> “The prosthesis let me work again.”\n\n[^1]: Collected in Tyre in 2025.\n", import.Markdown);
        Assert.Equal(
            "Imported: 1 paragraph, 1 quotation and 1 footnote. Left out: nothing.",
            import.Report.ToString());
    }

    [Fact]
    public void OpenXml_FootnotesAndEndnotes_BecomeMarkdownFootnotesInOrder()
    {
        var import = Import(Create(body =>
        {
            var main = MainPart(body);
            var footnotes = main.AddNewPart<FootnotesPart>();
            var link = footnotes.AddHyperlinkRelationship(new Uri("https://example.org/decision"), true);
            footnotes.Footnotes = new Footnotes(
                new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 },
                new Footnote(
                    new Paragraph(new Run(new FootnoteReferenceMark()), Run(" See "), new Hyperlink(Run("decision 12/3")) { Id = link.Id }, Run(".")),
                    new Paragraph(Run("Adopted unanimously.")))
                { Id = 1 });
            var endnotes = main.AddNewPart<EndnotesPart>();
            endnotes.Endnotes = new Endnotes(
                new Endnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Endnote(new Paragraph(new Run(new EndnoteReferenceMark()), Run(" Figures of 2025."))) { Id = 1 });
            body.Append(
                Paragraph(Run("Cleared: 12 km²."), new Run(new EndnoteReference { Id = 1 })),
                Paragraph(Run("Adopted in 2021."), new Run(new FootnoteReference { Id = 1 })));
        }));

        Assert.Equal(
            "Cleared: 12 km².[^1]\n\nAdopted in 2021.[^2]\n\n[^1]: Figures of 2025.\n\n[^2]: See [decision 12/3](https://example.org/decision).\n\n    Adopted unanimously.\n",
            import.Markdown);
        Assert.Equal((1, 1), (import.Report.Footnotes, import.Report.Endnotes));
        var notes = Parser.ParseDocument(SafeMarkdown.ToHtml(import.Markdown)).QuerySelectorAll(".footnotes li");
        Assert.Equal(2, notes.Length);
        Assert.Equal(2, notes[1].QuerySelectorAll("p").Length);
        Assert.Equal("https://example.org/decision", notes[1].QuerySelector("a[rel]")!.GetAttribute("href"));
    }

    [Fact]
    public void QuotationStylesAndBothSideIndents_BecomeBlockQuotes()
    {
        var import = Import(Create(body =>
        {
            AddParagraphStyle(body, "Quote", "Quote");
            AddParagraphStyle(body, "IntenseQuote", "Intense Quote");
            AddParagraphStyle(body, "Testimonial", "Testimonial", basedOn: "Quote");
            body.Append(
                Paragraph("Before."),
                Styled("Quote", Run("“We can farm again.”")),
                Styled("Quote", Run("— a farmer in Xieng Khouang")),
                Paragraph("Between."),
                Styled("IntenseQuote", Run("Every village was surveyed.")),
                Styled("Testimonial", Run("Based on Quote.")),
                Paragraph("Then."),
                Indented(720, 720, "Indented on both sides."),
                Indented(720, null, "Indented on the left only."));
        }));

        var quotes = Parser.ParseDocument(SafeMarkdown.ToHtml(import.Markdown)).QuerySelectorAll("blockquote");
        Assert.Equal(
            ["“We can farm again.”|— a farmer in Xieng Khouang", "Every village was surveyed.|Based on Quote.", "Indented on both sides."],
            quotes.Select(q => string.Join("|", q.QuerySelectorAll("p").Select(p => p.TextContent))));
        Assert.Equal(5, import.Report.Quotations);
        Assert.Contains("\n\nIndented on the left only.\n", import.Markdown, StringComparison.Ordinal);

        static Paragraph Indented(int left, int? right, string text) =>
            new(new ParagraphProperties(new Indentation { Left = left.ToString(CultureInfo.InvariantCulture), Right = right?.ToString(CultureInfo.InvariantCulture) }), Run(text));
    }

    [Fact]
    public void HeaderFooterTextBoxSymbolsAndEmptyFormFields_AreImportedOrNamed()
    {
        var import = Import(Create(body =>
        {
            var main = MainPart(body);
            main.AddNewPart<HeaderPart>().Header = new Header(Paragraph("Ministry of Foreign Affairs — letterhead"));
            main.AddNewPart<FooterPart>().Footer = new Footer(Paragraph("Page 1"));
            body.Append(
                Paragraph(Run("Anchor paragraph."), TextBox("Text in a box.")),
                Paragraph(Run("Symbols: "), Symbol("Symbol", "F061"), Run(" "), Symbol("Wingdings", "F0FC"), Run(" "), Symbol("Wingdings 2", "F050"), Run(" "), Symbol("Arial", "00E9"), Symbol("Arial", "0007"), Symbol("Arial", "FFFF")),
                new SdtBlock(new SdtProperties(new ShowingPlaceholder()), new SdtContentBlock(Paragraph("Click or tap here to enter text."))),
                new SdtBlock(new SdtProperties(), new SdtContentBlock(Paragraph("A filled form field."))));
        }));

        Assert.Equal("Anchor paragraph.\n\nText in a box.\n\nSymbols: α ✔  é\n\nA filled form field.\n", import.Markdown);
        Assert.Equal(
            "Imported: 4 paragraphs and 1 text box (its text follows the paragraph it is anchored to). "
            + "Left out: 1 empty form field (only its placeholder text), 3 symbols without a Unicode character to show them and the page header and footer.",
            import.Report.ToString());
    }

    /// <summary>
    /// The text of the main document part, read with LINQ to XML rather than the importer: every paragraph's
    /// automatic number, its w:t text outside deletions, its w:sym symbols and its fields' results (w:instrText is
    /// the field's code, not its text). Every word of it is in the draft, in the same order, or the report says where
    /// it went.
    /// </summary>
    [Fact]
    public void EveryWordOfTheMainDocumentPart_IsInTheDraftInOrder()
    {
        var docx = Create(body =>
        {
            var main = MainPart(body);
            var footnotes = main.AddNewPart<FootnotesPart>();
            footnotes.Footnotes = new Footnotes(new Footnote(new Paragraph(Run("Decision of 2021."))) { Id = 1 });
            main.AddNewPart<WordprocessingCommentsPart>().Comments = new Comments(new Comment(Paragraph("Check this.")) { Id = "0", Author = "Editor" });
            body.Append(
                Heading(1, "Clearance plan"),
                Paragraph(Run("Adopted on "), new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }), new Run(new FieldCode(" DATE \\@ \"d MMMM yyyy\" ")),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }), Run("7 December 2026"), new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
                    Run(" by the cabinet."), new Run(new FootnoteReference { Id = 1 })),
                ListItem(NumberedList, 0, "Survey the districts."),
                ListItem(NumberedList, 0, "Clear the confirmed areas."),
                ListItem(NumberedList, 1, "Start with schools."),
                ListItem(NumberedList, 0, "Hand the land back."),
                Paragraph(Run("Progress "), Symbol("Symbol", "F0B3"), Run(" 80 % "), Symbol("Wingdings", "F0FC"), new CommentRangeStart { Id = "0" }, Run(" on track."), new CommentRangeEnd { Id = "0" }),
                Paragraph(new SimpleField(Run("Page 3")) { Instruction = " PAGE " }, Run(" of the plan.")),
                Paragraph(Run("See the box."), TextBox("Budget: USD 1.2 million.")),
                Table(["District", "Hectares"], ["Xieng Khouang", "1,200"]));
        });

        var import = Import(docx);
        var expected = Words(MainPartText(docx));
        var actual = Words(Regex.Replace(import.Markdown, @"\\(?=[\p{P}\p{S}])|\*\*|\[\^\d+\]|^> |^#+ |\|", " ", RegexOptions.Multiline));
        var at = 0;
        foreach (var word in expected)
        {
            var found = actual.IndexOf(word, at);
            Assert.True(found >= 0, $"“{word}” (word {at}) is not in the draft after “{string.Join(' ', actual.Take(at).TakeLast(5))}”:\n{import.Markdown}");
            at = found + 1;
        }

        Assert.Contains("2. Clear the confirmed areas.", import.Markdown, StringComparison.Ordinal);
        Assert.Contains("3. Hand the land back.", import.Markdown, StringComparison.Ordinal);
        Assert.Contains("Progress ≥ 80 % ✔ on track.", import.Markdown, StringComparison.Ordinal);
        Assert.Contains("[^1]: Decision of 2021.", import.Markdown, StringComparison.Ordinal);
        Assert.Contains("1 comment", import.Report.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The main part's text in reading order: a text box's paragraphs follow the paragraph they are anchored to.</summary>
    private static string MainPartText(byte[] docx)
    {
        XNamespace w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        XDocument xml;
        using (var stream = document.MainDocumentPart!.GetStream())
        {
            xml = XDocument.Load(stream);
        }

        var symbols = new Dictionary<(string, string), string> { [("Symbol", "F0B3")] = "≥", [("Wingdings", "F0FC")] = "✔" };
        var counters = new Dictionary<(string, string), int>();
        var lines = new List<string>();
        foreach (var paragraph in xml.Descendants(w + "body").Single().Descendants(w + "p").Where(p => !p.Ancestors(w + "txbxContent").Any()))
        {
            lines.Add(Label(paragraph) + Text(paragraph));
            lines.AddRange(paragraph.Descendants(w + "txbxContent").SelectMany(box => box.Elements(w + "p")).Select(Text));
        }

        return string.Join("\n", lines);

        string Text(XElement paragraph) => string.Concat(paragraph.Descendants()
            .Where(e => !e.Ancestors(w + "del").Any() && !e.Ancestors(w + "txbxContent").Skip(paragraph.Ancestors(w + "txbxContent").Count()).Any())
            .Select(e => e.Name == w + "t" ? e.Value
                : e.Name == w + "sym" ? symbols[((string)e.Attribute(w + "font")!, (string)e.Attribute(w + "char")!)]
                : e.Name == w + "tab" ? " " : ""));

        string Label(XElement paragraph)
        {
            if (paragraph.Element(w + "pPr")?.Element(w + "numPr") is not { } numbering)
            {
                return "";
            }

            var list = (string)numbering.Element(w + "numId")!.Attribute(w + "val")!;
            var level = (string)numbering.Element(w + "ilvl")!.Attribute(w + "val")!;
            foreach (var deeper in counters.Keys.Where(k => k.Item1 == list && string.CompareOrdinal(k.Item2, level) > 0).ToList())
            {
                counters.Remove(deeper);
            }

            var number = counters[(list, level)] = counters.GetValueOrDefault((list, level)) + 1;
            return list == NumberedList.ToString(CultureInfo.InvariantCulture) ? $"{number}. " : "";
        }
    }

    private static List<string> Words(string text) => [.. text.Split((char[])[' ', '\n', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)];

    private static Run TextBox(string text) =>
        new(new Picture(new V.Shape(new V.TextBox(new TextBoxContent(Paragraph(text)))) { Id = "box", Style = "width:200pt;height:50pt" }));

    private static Run Symbol(string font, string code) => new(new SymbolChar { Font = font, Char = code });

    private static DocxImport Import(byte[] docx) => DocxImporter.Import(new MemoryStream(docx));
}
