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
    private readonly Dictionary<int, int?[]> counters = [];
    private string? title;

    /// <param name="main">The document.</param>
    /// <param name="maxLength">The longest Markdown wanted: past it, the rest is only counted.</param>
    /// <param name="picturesInText">Whether pictures are written into the Markdown; they are collected either way.</param>
    public DocxConverter(MainDocumentPart main, int maxLength, bool picturesInText = true)
    {
        styles = new DocxStyles(main);
        reader = new DocxParagraphReader(main, styles, picturesInText);
        writer = new DocxMarkdownWriter(maxLength);
        this.maxLength = maxLength;
    }

    public DocxConversion Convert(Body body)
    {
        Blocks(body);
        var firstHeading = outline.Blocks.FirstOrDefault(b => b.Kind == DocxBlockKind.Heading)?.Text.ReplaceLineEndings(" ");
        return new(writer.IsOverLimit ? null : new DocxImport(writer.ToString(), reader.Images, title, DocumentCore.Read(outline.Blocks)) { FirstHeading = firstHeading },
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
            var isTitle = styles.IsTitle(paragraph);
            var level = isTitle ? 1 : styles.HeadingLevel(paragraph);
            var (parts, boxes) = reader.Read(paragraph, isHeading: level > 0);
            if (isTitle && title is null && DocxInlineWriter.PlainText(parts).Trim() is { Length: > 0 } text)
            {
                title = text;
            }
            else if (level > 0)
            {
                writer.Heading(level, parts);
                outline.Add(DocxBlock.Of(DocxBlockKind.Heading, level, parts), maxLength);
            }
            else if (styles.List(paragraph) is { } list)
            {
                writer.ListItem(list.Level, list.Ordered, list.Ordered ? Count(list) : 0, parts);
                outline.Add(DocxBlock.Of(DocxBlockKind.ListItem, list.Level, parts), maxLength);
            }
            else
            {
                writer.Paragraph(parts);
                outline.Add(DocxBlock.Of(DocxBlockKind.Paragraph, 0, parts), maxLength);
            }

            boxes.ForEach(Blocks);
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
                continue;
            }

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

            boxes.ForEach(box => CellText(box, parts));
        }
    }

    /// <summary>Paragraphs and tables in order, looking through content controls and other wrappers.</summary>
    private static IEnumerable<OpenXmlElement> BlockElements(OpenXmlElement container)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var child in container.ChildElements)
        {
            if (child is Paragraph or Table)
            {
                yield return child;
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
