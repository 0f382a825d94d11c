using System.Text;
using Portal.Features.Postings;

namespace Portal.Features.WordImport;

internal enum DocxBlockKind
{
    Heading,
    Paragraph,
    ListItem,
    Table,
}

/// <summary>
/// A block of the document as plain text, the characters it shows with a line break as "\n": a heading (with its
/// level), a paragraph, a list item, or a table (its rows of cells; a cell's paragraphs are its lines).
/// </summary>
internal sealed record DocxBlock(DocxBlockKind Kind, int Level, string Text, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public static DocxBlock Of(DocxBlockKind kind, int level, IReadOnlyList<InlinePart> parts) =>
        new(kind, level, DocxOutline.Text(parts), []);
}

/// <summary>
/// The document's blocks in reading order, collected while it is converted, so that its core can be read from its
/// structure (<see cref="DocumentCore"/>). Past the text limit nothing is kept: such a document is refused anyway.
/// </summary>
internal sealed class DocxOutline
{
    private readonly List<DocxBlock> blocks = [];
    private long length;

    public IReadOnlyList<DocxBlock> Blocks => blocks;

    public void Add(DocxBlock block, int limit)
    {
        length += block.Text.Length + block.Rows.Sum(r => r.Sum(c => c.Length));
        if (length <= limit && (block.Text.Length > 0 || block.Rows.Count > 0))
        {
            blocks.Add(block);
        }
    }

    /// <summary>The text Word shows: a line break as "\n", a link as its text, a picture as nothing.</summary>
    public static string Text(IEnumerable<InlinePart> parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            _ = part switch
            {
                InlineText run => text.Append(run.Text),
                InlineBreak => text.Append('\n'),
                InlineLink link => text.Append(Text(link.Content)),
                _ => text,
            };
        }

        return text.ToString().Trim();
    }
}
