using System.Text;

namespace Portal.Features.WordImport;

[Flags]
internal enum Emphasis
{
    None = 0,
    Bold = 1,
    Italic = 2,
}

internal abstract record InlinePart;

internal sealed record InlineText(string Text, Emphasis Emphasis) : InlinePart;

internal sealed record InlineBreak : InlinePart
{
    public static readonly InlineBreak Instance = new();
}

internal sealed record InlineLink(string Url, IReadOnlyList<InlinePart> Content) : InlinePart;

internal sealed record InlineImage(string FileName, string Alt) : InlinePart;

/// <summary>A reference to a footnote or endnote, by the number its Markdown footnote has.</summary>
internal sealed record InlineNote(int Number) : InlinePart;

/// <summary>Where a line of inline Markdown goes: block lines can start a block, the others cannot.</summary>
internal enum LineKind
{
    Block,
    Heading,
    Cell,
    LinkText,
}

/// <summary>
/// Writes inline content as Markdown whose rendered text is exactly the document's text. Characters that could
/// be read as Markdown are backslash-escaped; emphasis is dropped, one character at a time, wherever CommonMark's
/// delimiter rules would not read it back as written, so that formatting can be lost but text never changes.
/// </summary>
internal static class DocxInlineWriter
{
    private const string AlwaysEscaped = "\\`*_[]<>|~";

    /// <summary>A paragraph's lines, split at its line breaks, without empty lines at either end.</summary>
    public static List<string> Lines(IReadOnlyList<InlinePart> parts)
    {
        var lines = new List<string>();
        var line = new List<InlinePart>();
        foreach (var part in parts.Append(InlineBreak.Instance))
        {
            if (part is InlineBreak)
            {
                lines.Add(Render(line, LineKind.Block));
                line = [];
            }
            else
            {
                line.Add(part);
            }
        }

        var start = lines.FindIndex(l => l.Length > 0);
        return start < 0 ? [] : lines[start..(lines.FindLastIndex(l => l.Length > 0) + 1)];
    }

    /// <summary>One line of a heading, table cell or link text: line breaks become spaces.</summary>
    public static string Line(IReadOnlyList<InlinePart> parts, LineKind kind) =>
        Render([.. parts.Select(p => p is InlineBreak ? new InlineText(" ", Emphasis.None) : p)], kind);

    /// <summary>The text alone, for a title field.</summary>
    public static string PlainText(IEnumerable<InlinePart> parts) => string.Concat(parts.Select(p => p switch
    {
        InlineText text => text.Text,
        InlineBreak => " ",
        InlineLink link => PlainText(link.Content),
        _ => "",
    }));

    private static string Render(List<InlinePart> parts, LineKind kind)
    {
        var units = new List<InlineUnit>();
        Flatten(parts, units);
        if (kind != LineKind.LinkText)
        {
            var start = units.FindIndex(u => u.IsAtom || u.Text is not (" " or "\t"));
            units = start < 0 ? [] : units[start..(units.FindLastIndex(u => u.IsAtom || u.Text is not (" " or "\t")) + 1)];
        }

        DocxEmphasis.KeepReadable(units);
        return Emit(units, kind);
    }

    private static void Flatten(IEnumerable<InlinePart> parts, List<InlineUnit> units)
    {
        foreach (var part in parts)
        {
            switch (part)
            {
                case InlineText text:
                    for (var i = 0; i < text.Text.Length; i++)
                    {
                        var length = char.IsSurrogatePair(text.Text, i) ? 2 : 1;
                        units.Add(new InlineUnit(text.Text.Substring(i, length), false, text.Emphasis));
                        i += length - 1;
                    }

                    break;
                case InlineLink link when link.Content.Any(c => c is InlineImage || (c is InlineText t && !string.IsNullOrWhiteSpace(t.Text))):
                    units.Add(new InlineUnit($"[{Line(link.Content, LineKind.LinkText)}]({Destination(link.Url)})", true, Emphasis.None));
                    break;
                case InlineLink link:
                    Flatten(link.Content, units);
                    break;
                case InlineNote note:
                    units.Add(new InlineUnit(DocxMarkdownWriter.NoteLabel(note.Number), true, Emphasis.None));
                    break;
                case InlineImage image:
                    var alt = Line([new InlineText(image.Alt.ReplaceLineEndings(" "), Emphasis.None)], LineKind.LinkText);
                    units.Add(new InlineUnit($"![{alt}](attachment:{image.FileName})", true, Emphasis.None));
                    break;
            }
        }
    }

    private static string Emit(List<InlineUnit> units, LineKind kind)
    {
        var markdown = new StringBuilder();
        var open = new List<Emphasis>();
        for (var b = 0; b <= units.Count; b++)
        {
            var before = b > 0 ? units[b - 1].Emphasis : Emphasis.None;
            var after = b < units.Count ? units[b].Emphasis : Emphasis.None;
            for (var closes = before & ~after; closes != Emphasis.None; open.RemoveAt(open.Count - 1))
            {
                markdown.Append(Delimiter(open[^1]));
                closes &= ~open[^1];
            }

            foreach (var kindOpened in DocxEmphasis.Opening(units, b, after & ~before))
            {
                markdown.Append(Delimiter(kindOpened));
                open.Add(kindOpened);
            }

            if (b < units.Count)
            {
                markdown.Append(Escape(units, b, kind));
            }
        }

        return markdown.ToString();
    }

    private static string Delimiter(Emphasis kind) => kind == Emphasis.Bold ? "**" : "*";

    private static string Escape(List<InlineUnit> units, int i, LineKind kind)
    {
        var unit = units[i];
        if (unit.IsAtom || unit.Text.Length != 1)
        {
            return unit.Text;
        }

        var c = unit.Text[0];
        var escaped = AlwaysEscaped.Contains(c, StringComparison.Ordinal)
            || (c == '&' && LooksLikeEntity(units, i + 1))
            || (c == '!' && i + 1 < units.Count && units[i + 1].IsAtom)
            || (c == '#' && (kind == LineKind.Heading || (kind == LineKind.Block && i == 0)))
            || (kind == LineKind.Block && i == 0 && c is '-' or '+' or '=')
            || (kind == LineKind.Block && c is '.' or ')' && i is >= 1 and <= 9 && IsListNumber(units, i));
        return escaped ? "\\" + unit.Text : unit.Text;
    }

    /// <summary>"&amp;name;", "&amp;#123;" and the like would be read as a character reference.</summary>
    private static bool LooksLikeEntity(List<InlineUnit> units, int start)
    {
        var i = start;
        while (i < units.Count && i - start < 40 && units[i].Text.Length == 1 && (char.IsAsciiLetterOrDigit(units[i].Text[0]) || units[i].Text[0] == '#'))
        {
            i++;
        }

        return i > start && i < units.Count && units[i].Text == ";";
    }

    /// <summary>"12." or "3)" at the start of a line, before a space or the end, would start an ordered list.</summary>
    private static bool IsListNumber(List<InlineUnit> units, int i) =>
        units.Take(i).All(u => u.Text.Length == 1 && char.IsAsciiDigit(u.Text[0]))
        && (i + 1 == units.Count || units[i + 1].Text is " " or "\t");

    /// <summary>A link destination that parses back to the same URL: spaces encoded, Markdown's own characters escaped.</summary>
    private static string Destination(string url)
    {
        var destination = new StringBuilder();
        foreach (var c in url)
        {
            destination.Append(c switch
            {
                _ when char.IsWhiteSpace(c) || char.IsControl(c) => Uri.EscapeDataString(c.ToString()),
                '|' => "%7C",
                '(' or ')' or '<' or '>' or '\\' or '&' => "\\" + c,
                _ => c.ToString(),
            });
        }

        return destination.ToString();
    }
}
