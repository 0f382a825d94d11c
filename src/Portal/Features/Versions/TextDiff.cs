using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Portal.Features.Versions;

public enum DiffLineKind
{
    Same,
    Added,
    Removed,
}

/// <summary>A stretch of a changed line; <paramref name="Changed"/> marks the words that differ from the line it replaces.</summary>
public sealed record DiffWords(string Text, bool Changed);

/// <summary>
/// One line of a comparison. A line that replaces another (a paragraph with a word changed) carries its
/// <paramref name="Words"/>, so that the reader finds the change without comparing two long lines by eye.
/// </summary>
public sealed record DiffLine(DiffLineKind Kind, string Text, IReadOnlyList<DiffWords>? Words = null);

/// <summary>
/// What changed between two texts, line by line as people read them (postings' versions, catalogue copy-edits): each
/// replaced line is shown removed, then its replacement added, with the changed words marked in both.
/// </summary>
public static class TextDiff
{
    public static IReadOnlyList<DiffLine> Between(string older, string newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var model = new SideBySideDiffBuilder(new Differ(), LineChunker.Instance, WordChunker.Instance)
            .BuildDiffModel(older, newer, ignoreWhitespace: false);
        var lines = new List<DiffLine>();
        // Both sides have the same number of lines: a line only one side has faces an imaginary one on the other.
        for (var i = 0; i < model.OldText.Lines.Count; i++)
        {
            var (was, now) = (model.OldText.Lines[i], model.NewText.Lines[i]);
            switch (was.Type, now.Type)
            {
                case (ChangeType.Unchanged, _):
                    lines.Add(new DiffLine(DiffLineKind.Same, was.Text ?? ""));
                    break;
                case (ChangeType.Modified, ChangeType.Modified):
                    lines.Add(new DiffLine(DiffLineKind.Removed, was.Text ?? "", Words(was)));
                    lines.Add(new DiffLine(DiffLineKind.Added, now.Text ?? "", Words(now)));
                    break;
                default:
                    if (was.Type != ChangeType.Imaginary)
                    {
                        lines.Add(new DiffLine(DiffLineKind.Removed, was.Text ?? ""));
                    }

                    if (now.Type != ChangeType.Imaginary)
                    {
                        lines.Add(new DiffLine(DiffLineKind.Added, now.Text ?? ""));
                    }

                    break;
            }
        }

        return lines;
    }

    /// <summary>
    /// The changes as plain text, for an e-mail: "- " before a line removed, "+ " before a line added, and
    /// <paramref name="context"/> unchanged lines around each change; "…" stands for the unchanged lines left out.
    /// </summary>
    public static string AsPlainText(IReadOnlyList<DiffLine> lines, int context = 2)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var kept = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind != DiffLineKind.Same)
            {
                for (var j = Math.Max(0, i - context); j <= Math.Min(lines.Count - 1, i + context); j++)
                {
                    kept[j] = true;
                }
            }
        }

        var text = new System.Text.StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (kept[i])
            {
                var mark = lines[i].Kind switch { DiffLineKind.Added => "+ ", DiffLineKind.Removed => "- ", _ => "  " };
                text.Append((mark + lines[i].Text).TrimEnd()).Append('\n');
            }
            else if (i == 0 || kept[i - 1])
            {
                text.Append("  …\n");
            }
        }

        return text.ToString();
    }

    // Neighbouring pieces of the same kind are joined, so that the page marks "two words" once, not word by word.
    private static List<DiffWords> Words(DiffPiece line)
    {
        var words = new List<DiffWords>();
        foreach (var piece in line.SubPieces.Where(p => p.Type != ChangeType.Imaginary && p.Text is not null))
        {
            var changed = piece.Type != ChangeType.Unchanged;
            if (words.Count > 0 && words[^1].Changed == changed)
            {
                words[^1] = words[^1] with { Text = words[^1].Text + piece.Text };
            }
            else
            {
                words.Add(new DiffWords(piece.Text!, changed));
            }
        }

        return words;
    }
}
