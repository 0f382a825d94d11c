using System.Runtime.CompilerServices;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Features.Postings;

namespace Portal.Features.WordImport;

/// <summary>A converted document, or only its length when that is over the limit.</summary>
/// <param name="Import">The document as Markdown; null when the Markdown is longer than the limit.</param>
/// <param name="Length">The Markdown's length; past the limit, about the length it would have (see DocxMarkdownWriter).</param>
internal readonly record struct DocxConversion(DocxImport? Import, long Length);

/// <summary>
/// Walks the document body in order and hands titles, headings, paragraphs, list items and tables to the writer.
/// Content controls, custom XML and markup-compatibility wrappers are looked through.
/// </summary>
internal sealed class DocxConverter
{
    // Word allows 63 columns; a larger span or offset is damage, not layout.
    private const int MaxColumns = 63;

    private readonly DocxStyles styles;
    private readonly DocxParagraphReader reader;
    private readonly DocxMarkdownWriter writer;
    private readonly DocxOutline outline = new();
    private readonly int maxLength;
    private readonly DocxReport report;
    private readonly Dictionary<int, int?[]> counters = [];
    private string? title;

    /// <param name="main">The document.</param>
    /// <param name="maxLength">The longest Markdown wanted: past it, the rest is only counted.</param>
    /// <param name="picturesInText">Whether pictures are written into the Markdown; they are collected either way.</param>
    /// <param name="report">Counts what the document held and what became of it.</param>
    public DocxConverter(MainDocumentPart main, int maxLength, DocxReport report, bool picturesInText = true)
    {
        this.report = report;
        styles = new DocxStyles(main);
        reader = new DocxParagraphReader(main, styles, report, picturesInText);
        writer = new DocxMarkdownWriter(maxLength);
        this.maxLength = maxLength;
    }

    public DocxConversion Convert(Body body)
    {
        Blocks(body);
        WriteNotes();
        report.Pictures = reader.Images.Count;
        var firstHeading = outline.Blocks.FirstOrDefault(b => b.Kind == DocxBlockKind.Heading)?.Text.ReplaceLineEndings(" ");
        return new(writer.IsOverLimit ? null : new DocxImport(writer.ToString(), reader.Images, title, DocumentCore.Read(outline.Blocks)) { FirstHeading = firstHeading, Report = report },
            writer.Length);
    }

    private void Blocks(OpenXmlElement container)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var block in BlockElements(container))
        {
            if (block is Table table)
            {
                WriteTable(table);
                continue;
            }

            var paragraph = (Paragraph)block;
            CountMark(paragraph);
            var isTitle = styles.IsTitle(paragraph);
            var level = isTitle ? 1 : styles.HeadingLevel(paragraph);
            var (parts, boxes) = reader.Read(paragraph, isHeading: level > 0);
            if (isTitle && title is null && DocxInlineWriter.PlainText(parts).Trim() is { Length: > 0 } text)
            {
                title = text;
            }
            else if (level > 0)
            {
                report.Headings += HasText(parts);
                writer.Heading(level, parts);
                outline.Add(DocxBlock.Of(DocxBlockKind.Heading, level, parts), maxLength);
            }
            else if (styles.List(paragraph) is { } list)
            {
                report.ListItems += HasText(parts);
                writer.ListItem(list.Level, list.Ordered, list.Ordered ? Count(list) : 0, parts);
                outline.Add(DocxBlock.Of(DocxBlockKind.ListItem, list.Level, parts), maxLength);
            }
            else if (styles.IsQuotation(paragraph))
            {
                report.Quotations += HasText(parts);
                writer.Quotation(parts);
                outline.Add(DocxBlock.Of(DocxBlockKind.Paragraph, 0, parts), maxLength);
            }
            else
            {
                report.Paragraphs += HasText(parts);
                writer.Paragraph(parts);
                outline.Add(DocxBlock.Of(DocxBlockKind.Paragraph, 0, parts), maxLength);
            }

            report.TextBoxes += boxes.Count;
            boxes.ForEach(Blocks);
        }
    }

    /// <summary>1 when the block has text or a picture, for the report's counts.</summary>
    private static int HasText(List<InlinePart> parts) =>
        parts.Any(p => p is InlineImage or InlineNote || (p is InlineText text && !string.IsNullOrWhiteSpace(text.Text)) || (p is InlineLink link && HasText([.. link.Content]) > 0)) ? 1 : 0;

    /// <summary>A paragraph mark inserted or deleted under tracked changes: the paragraphs would be split or joined.</summary>
    private void CountMark(Paragraph paragraph)
    {
        var mark = paragraph.ParagraphProperties?.ParagraphMarkRunProperties;
        report.TrackedInsertions += mark?.GetFirstChild<Inserted>() is null ? 0 : 1;
        report.TrackedDeletions += mark?.GetFirstChild<Deleted>() is null ? 0 : 1;
    }

    /// <summary>
    /// The footnotes and endnotes the text refers to, as Markdown footnotes after it, numbered in order of reference
    /// (Markdown has one series of notes; Word's endnotes follow its footnotes there).
    /// </summary>
    private void WriteNotes()
    {
        // Reading a note can refer to another one, which the list then gains.
        for (var i = 0; i < reader.Notes.Count; i++)
        {
            var note = reader.Notes[i];
            reader.ReadFrom(note.Part);
            var paragraphs = new List<IReadOnlyList<InlinePart>>();
            NoteParagraphs(note.Element, paragraphs);
            writer.Note(i + 1, paragraphs);
            if (note.Endnote)
            {
                report.Endnotes++;
            }
            else
            {
                report.Footnotes++;
            }
        }
    }

    /// <summary>A note's paragraphs; a table or text box in a note gives its paragraphs in order.</summary>
    private void NoteParagraphs(OpenXmlElement container, List<IReadOnlyList<InlinePart>> paragraphs)
    {
        foreach (var block in BlockElements(container))
        {
            if (block is Table table)
            {
                foreach (var cell in Wrapped<TableRow>(table).SelectMany(Wrapped<TableCell>))
                {
                    NoteParagraphs(cell, paragraphs);
                }

                continue;
            }

            var (parts, boxes) = reader.Read((Paragraph)block, isHeading: false);
            paragraphs.Add(parts);
            report.TextBoxes += boxes.Count;
            boxes.ForEach(box => NoteParagraphs(box, paragraphs));
        }
    }

    /// <summary>Word numbers each list (w:numId) per level; a new item restarts the levels below it.</summary>
    private int Count(ListInfo list)
    {
        if (!counters.TryGetValue(list.NumId, out var levels))
        {
            counters.Add(list.NumId, levels = new int?[9]);
        }

        var number = levels[list.Level] + 1 ?? list.Start;
        levels[list.Level] = number;
        Array.Fill(levels, null, list.Level + 1, levels.Length - list.Level - 1);
        return number;
    }

    private void WriteTable(Table table)
    {
        var rows = new List<IReadOnlyList<IReadOnlyList<InlinePart>>>();
        foreach (var row in Wrapped<TableRow>(table))
        {
            if (row.TableRowProperties?.GetFirstChild<Deleted>() is not null)
            {
                report.TrackedDeletions++;
                continue;
            }

            report.TrackedInsertions += row.TableRowProperties?.GetFirstChild<Inserted>() is null ? 0 : 1;

            var cells = Empty(Math.Clamp(DocxStyles.Number(row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val) ?? 0, 0, MaxColumns));
            foreach (var cell in Wrapped<TableCell>(row))
            {
                var parts = new List<InlinePart>();
                CellText(cell, parts);
                cells.Add(parts);
                cells.AddRange(Empty(Math.Clamp(DocxStyles.Number(cell.TableCellProperties?.GridSpan?.Val) ?? 1, 1, MaxColumns) - 1));
            }

            rows.Add(cells);
        }

        report.Tables += rows.Count > 0 ? 1 : 0;
        writer.Table(rows);
        outline.Add(new DocxBlock(DocxBlockKind.Table, 0, "", [.. rows.Select(r => (IReadOnlyList<string>)[.. r.Select(DocxOutline.Text)])]), maxLength);

        static List<IReadOnlyList<InlinePart>> Empty(int count) => [.. Enumerable.Repeat<IReadOnlyList<InlinePart>>([], count)];
    }

    /// <summary>
    /// A cell is one line of Markdown: its paragraphs, nested tables and text boxes joined by line breaks, which the
    /// Markdown writes as spaces and the outline keeps as lines (a contact point over several lines, for instance).
    /// </summary>
    private void CellText(OpenXmlElement container, List<InlinePart> parts)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var block in BlockElements(container))
        {
            if (block is Table table)
            {
                foreach (var cell in Wrapped<TableRow>(table).SelectMany(Wrapped<TableCell>))
                {
                    CellText(cell, parts);
                }

                continue;
            }

            var (paragraph, boxes) = reader.Read((Paragraph)block, isHeading: false);
            if (!string.IsNullOrWhiteSpace(DocxInlineWriter.PlainText(paragraph)) || paragraph.Any(p => p is InlineImage))
            {
                if (parts.Count > 0)
                {
                    parts.Add(InlineBreak.Instance);
                }

                parts.AddRange(paragraph);
            }

            report.TextBoxes += boxes.Count;
            boxes.ForEach(box => CellText(box, parts));
        }
    }

    /// <summary>
    /// Paragraphs and tables in order, looking through content controls and other wrappers; a content control that
    /// still shows its placeholder is left out and counted.
    /// </summary>
    private IEnumerable<OpenXmlElement> BlockElements(OpenXmlElement container)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var child in container.ChildElements)
        {
            if (child is Paragraph or Table)
            {
                yield return child;
            }
            else if (child is SdtBlock placeholder && DocxParagraphReader.IsPlaceholder(placeholder))
            {
                report.EmptyFormFields++;
            }
            else if (child is not (SectionProperties or SdtProperties or SdtEndCharProperties or TableCellProperties))
            {
                var inner = child is AlternateContent alternate ? DocxParagraphReader.Branch(alternate) : child;
                if (inner is null)
                {
                    continue;
                }

                foreach (var block in BlockElements(inner))
                {
                    yield return block;
                }
            }
        }
    }

    /// <summary>Rows of a table or cells of a row, looking through content controls and custom XML.</summary>
    private static IEnumerable<T> Wrapped<T>(OpenXmlElement container)
        where T : OpenXmlElement
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var child in container.ChildElements)
        {
            if (child is T found)
            {
                yield return found;
            }
            else if (child is SdtRow or SdtCell or CustomXmlRow or CustomXmlCell or SdtContentRow or SdtContentCell)
            {
                foreach (var inner in Wrapped<T>(child))
                {
                    yield return inner;
                }
            }
        }
    }
}
