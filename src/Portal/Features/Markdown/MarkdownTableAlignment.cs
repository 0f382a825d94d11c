using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;

namespace Portal.Features.Markdown;

/// <summary>Table column alignment for <see cref="SafeMarkdown"/>, in a form the Content-Security-Policy lets through.</summary>
public static class MarkdownTableAlignment
{
    /// <summary>
    /// Markdig writes a column's alignment as <c>style="text-align: …"</c> on every cell, which the
    /// Content-Security-Policy blocks (no inline styles), so the alignment would be silently lost. Each cell gets a
    /// class instead (<c>align-left</c>, <c>align-center</c>, <c>align-right</c>, styled by site.css), and the
    /// columns lose their alignment so that the renderer writes no style.
    /// </summary>
    public static void ToClasses(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = table.ColumnDefinitions;
        if (columns.Count == 0)
        {
            return;
        }

        foreach (var row in table.OfType<TableRow>())
        {
            for (var i = 0; i < row.Count; i++)
            {
                var cell = (TableCell)row[i];
                // The column the renderer would take the alignment from.
                var column = cell.ColumnIndex >= 0 && cell.ColumnIndex < columns.Count ? cell.ColumnIndex : Math.Min(i, columns.Count - 1);
                var alignment = columns[column].Alignment switch
                {
                    TableColumnAlign.Left => "align-left",
                    TableColumnAlign.Center => "align-center",
                    TableColumnAlign.Right => "align-right",
                    _ => null,
                };
                if (alignment is not null)
                {
                    cell.GetAttributes().AddClass(alignment);
                }
            }
        }

        foreach (var column in columns)
        {
            column.Alignment = null;
        }
    }
}
