using System.Globalization;
using System.Text;

namespace Portal.Features.WordImport;

/// <summary>One character (or surrogate pair) of a line, or a whole link or image ("atom"), with its emphasis.</summary>
internal sealed class InlineUnit(string text, bool isAtom, Emphasis emphasis)
{
    public string Text { get; } = text;

    public bool IsAtom { get; } = isAtom;

    public Emphasis Emphasis { get; set; } = emphasis;
}

/// <summary>
/// Decides where bold and italic can be written with <c>**</c> and <c>*</c> so that CommonMark reads them back as
/// written, and removes them where it would not. Formatting can be lost this way; text never changes.
/// </summary>
internal static class DocxEmphasis
{
    private static readonly Emphasis[] Kinds = [Emphasis.Bold, Emphasis.Italic];

    private enum CharClass
    {
        Space,
        Word,
        Punctuation,
        Other,
    }

    /// <summary>
    /// Removes emphasis where its delimiters would not be read back as written: whitespace at the edges, a delimiter
    /// run that is not left- or right-flanking as it must be, a run that both closes and opens, and crossing spans.
    /// Repeats until stable; each pass removes emphasis from at least one character, so it ends. A line so long and
    /// so oddly formatted that this would take long loses its emphasis instead.
    /// </summary>
    public static void KeepReadable(List<InlineUnit> units)
    {
        for (var budget = 4_000_000L; RemoveOneUnreadable(units); budget -= units.Count)
        {
            if (budget < 0)
            {
                units.ForEach(u => u.Emphasis = Emphasis.None);
                return;
            }
        }
    }

    private static bool RemoveOneUnreadable(List<InlineUnit> units)
    {
        for (var i = 0; i < units.Count; i++)
        {
            foreach (var kind in Kinds)
            {
                if (Has(units, i, kind) && Rune.IsWhiteSpace(RuneOf(units[i])) && !(Has(units, i - 1, kind) && Has(units, i + 1, kind)))
                {
                    units[i].Emphasis &= ~kind;
                    return true;
                }
            }
        }

        var open = new List<Emphasis>();
        for (var b = 0; b <= units.Count; b++)
        {
            var before = b > 0 ? units[b - 1].Emphasis : Emphasis.None;
            var after = b < units.Count ? units[b].Emphasis : Emphasis.None;
            var closes = before & ~after;
            var opens = after & ~before;
            var left = Classify(units, b - 1);
            var right = Classify(units, b);
            if (closes != Emphasis.None && !(left != CharClass.Space && (left == CharClass.Word || right is CharClass.Space or CharClass.Punctuation)))
            {
                units[b - 1].Emphasis &= ~closes;
                return true;
            }

            if (opens != Emphasis.None && (closes != Emphasis.None || !(right != CharClass.Space && (right == CharClass.Word || left is CharClass.Space or CharClass.Punctuation))))
            {
                units[b].Emphasis &= ~opens;
                return true;
            }

            // Spans must nest: closing an outer one while an inner one goes on would need a close and reopen.
            for (var remaining = closes; remaining != Emphasis.None; open.RemoveAt(open.Count - 1))
            {
                if ((remaining & open[^1]) == Emphasis.None)
                {
                    units[b].Emphasis &= ~open[^1];
                    return true;
                }

                remaining &= ~open[^1];
            }

            open.AddRange(Opening(units, b, opens));
        }

        return false;
    }

    /// <summary>Spans opening together: the one that lasts longer goes outside.</summary>
    public static IEnumerable<Emphasis> Opening(List<InlineUnit> units, int b, Emphasis opens) =>
        Kinds.Where(k => (opens & k) != Emphasis.None).OrderByDescending(k => Enumerable.Range(b, units.Count - b).FirstOrDefault(i => !Has(units, i, k), units.Count));

    private static bool Has(List<InlineUnit> units, int i, Emphasis kind) => i >= 0 && i < units.Count && (units[i].Emphasis & kind) != Emphasis.None;

    /// <summary>
    /// CommonMark's classes for the flanking rules, where the line's ends count as space and a link or image as
    /// punctuation. Unsure cases (symbols, marks, non-ASCII spaces, characters outside the BMP that are not letters)
    /// are "Other", which the checks above treat as neither space nor word nor punctuation: the strictest reading.
    /// </summary>
    private static CharClass Classify(List<InlineUnit> units, int i)
    {
        if (i < 0 || i >= units.Count)
        {
            return CharClass.Space;
        }

        if (units[i].IsAtom)
        {
            return CharClass.Punctuation;
        }

        var rune = RuneOf(units[i]);
        if (rune.Value is ' ' or '\t')
        {
            return CharClass.Space;
        }

        if (Rune.IsLetterOrDigit(rune))
        {
            return CharClass.Word;
        }

        if (rune.IsAscii)
        {
            return rune.Value is > ' ' and < 0x7F ? CharClass.Punctuation : CharClass.Other;
        }

        return rune.IsBmp && Rune.GetUnicodeCategory(rune) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation
            ? CharClass.Punctuation
            : CharClass.Other;
    }

    private static Rune RuneOf(InlineUnit unit) => Rune.TryGetRuneAt(unit.Text, 0, out var rune) ? rune : Rune.ReplacementChar;
}
