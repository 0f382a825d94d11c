using System.Globalization;
using System.Text;

namespace Portal.Features.WordImport;

/// <summary>
/// Puts blocks together: blank lines between blocks, none between list items, list nesting by indentation,
/// pipe tables. A line break inside a paragraph is a backslash at the end of the line.
/// Past <c>limit</c> characters, blocks are counted instead of written (<see cref="IsOverLimit"/>).
/// </summary>
internal sealed class DocxMarkdownWriter(int limit)
{
    private const string HardBreak = "\\\n";
    private const string Indent = "    ";
    private readonly StringBuilder markdown = new();

    // The list items above the current line, innermost last: Word level, column of their text, ordered or not.
    private readonly List<(int Level, int Indent, bool Ordered)> lists = [];

    // The length of the blocks not written because the Markdown was over the limit: their text and a blank line each.
    private long skipped;

    // Whether the last block was a quotation paragraph, which the next one continues.
    private bool inQuotation;

    /// <summary>
    /// True once the Markdown is longer than the limit. Later blocks are then only counted, from their plain text:
    /// a document far too long for a posting is not rendered past the limit (rendering is most of the cost of an
    /// import), and the person still learns about how much to shorten it.
    /// </summary>
    public bool IsOverLimit => skipped > 0 || markdown.Length + 1 > limit;

    /// <summary>
    /// The length of <see cref="ToString"/>; once over the limit, of the Markdown written so far plus the plain text
    /// of the blocks counted since.
    /// </summary>
    public long Length => markdown.Length == 0 && skipped == 0 ? 0 : markdown.Length + 1 + skipped;

    public void Paragraph(IReadOnlyList<InlinePart> parts)
    {
        if (Skip(parts))
        {
            return;
        }

        var lines = DocxInlineWriter.Lines(parts);
        if (lines.Count > 0)
        {
            lists.Clear();
            Block(string.Join(HardBreak, lines), tight: false);
        }
    }

    /// <summary>
    /// A paragraph in a quotation style, as a block quote; quotation paragraphs in a row make one quotation of
    /// several paragraphs.
    /// </summary>
    public void Quotation(IReadOnlyList<InlinePart> parts)
    {
        if (Skip(parts))
        {
            return;
        }

        var lines = DocxInlineWriter.Lines(parts);
        if (lines.Count > 0)
        {
            lists.Clear();
            var text = "> " + string.Join(HardBreak + "> ", lines);
            Block(inQuotation ? ">\n" + text : text, tight: inQuotation);
            inQuotation = true;
        }
    }

    /// <summary>
    /// The text of a footnote or endnote at the end of the text: the first paragraph after its label, the others
    /// indented under it.
    /// </summary>
    public void Note(int number, IReadOnlyList<IReadOnlyList<InlinePart>> paragraphs)
    {
        var lines = paragraphs.Select(DocxInlineWriter.Lines).Where(l => l.Count > 0).Select(l => string.Join(HardBreak + Indent, l)).ToList();
        if (Skip([.. paragraphs.SelectMany(p => p.Prepend(new InlineText(" ", Emphasis.None)))]))
        {
            return;
        }

        lists.Clear();
        Block(NoteLabel(number) + ": " + (lines.Count == 0 ? "" : string.Join("\n\n" + Indent, lines)), tight: false);
    }

    /// <summary>The label a footnote's reference and text share.</summary>
    public static string NoteLabel(int number) => "[^" + number.ToString(CultureInfo.InvariantCulture) + "]";

    public void Heading(int level, IReadOnlyList<InlinePart> parts)
    {
        if (Skip(parts))
        {
            return;
        }

        var text = DocxInlineWriter.Line(parts, LineKind.Heading);
        if (text.Length > 0)
        {
            lists.Clear();
            Block(new string('#', level) + " " + text, tight: false);
        }
    }

    /// <summary>
    /// An item of a bulleted or numbered list. CommonMark lets only a list that starts at 1 interrupt a paragraph,
    /// so a list that starts at another number gets a blank line before it.
    /// </summary>
    public void ListItem(int level, bool ordered, int number, IReadOnlyList<InlinePart> parts)
    {
        if (Skip(parts))
        {
            return;
        }

        var lines = DocxInlineWriter.Lines(parts);
        if (lines.Count == 0)
        {
            return;
        }

        var afterItem = lists.Count > 0;
        var continues = false;
        while (lists.Count > 0 && lists[^1].Level >= level)
        {
            continues = lists[^1].Level == level && lists[^1].Ordered == ordered;
            lists.RemoveAt(lists.Count - 1);
        }

        var indent = lists.Count > 0 ? lists[^1].Indent : 0;
        // CommonMark list numbers have at most nine digits.
        var marker = ordered ? Math.Clamp(number, 0, 999_999_999).ToString(CultureInfo.InvariantCulture) + ". " : "- ";
        var text = new string(' ', indent) + marker + string.Join(HardBreak + new string(' ', indent + marker.Length), lines);
        Block(text, tight: afterItem && (continues || !ordered || number == 1));
        lists.Add((level, indent + marker.Length, ordered));
    }

    /// <summary>A pipe table of one-line cells; the first row is the header. Rows are padded to the same number of cells.</summary>
    public void Table(IReadOnlyList<IReadOnlyList<IReadOnlyList<InlinePart>>> cells)
    {
        if (Skip([.. cells.SelectMany(row => row.SelectMany(cell => cell.Prepend(new InlineText(" ", Emphasis.None))))]))
        {
            return;
        }

        var rows = cells.Select(row => row.Select(cell => DocxInlineWriter.Line(cell, LineKind.Cell)).ToList()).ToList();
        var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        if (rows.All(r => r.All(c => c.Length == 0)))
        {
            return;
        }

        var table = new StringBuilder();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            table.Append("| ").AppendJoin(" | ", row.Concat(Enumerable.Repeat("", columns - row.Count))).Append(" |\n");
            if (index == 0)
            {
                table.Append('|').AppendJoin("", Enumerable.Repeat(" --- |", columns)).Append('\n');
            }
        }

        lists.Clear();
        Block(table.ToString().TrimEnd('\n'), tight: false);
    }

    /// <summary>The Markdown, ending with one newline; empty for a document without text.</summary>
    public override string ToString() => markdown.Length == 0 ? "" : markdown + "\n";

    /// <summary>
    /// Counts the block instead of writing it if the Markdown is over the limit, or would be with it: every character
    /// of the text but whitespace reaches the Markdown (decision 004), so a block with more than the room left is
    /// over for sure, and is not rendered.
    /// </summary>
    private bool Skip(IReadOnlyList<InlinePart> parts)
    {
        var text = DocxInlineWriter.PlainText(parts).Trim();
        if (!IsOverLimit && markdown.Length + 1 + text.Count(c => !char.IsWhiteSpace(c)) <= limit)
        {
            return false;
        }

        if (text.Length > 0)
        {
            skipped += text.Length + (markdown.Length > 0 || skipped > 0 ? 2 : 0);
        }

        return true;
    }

    private void Block(string text, bool tight)
    {
        inQuotation = false;
        if (markdown.Length > 0)
        {
            markdown.Append(tight ? "\n" : "\n\n");
        }

        markdown.Append(text);
    }
}
