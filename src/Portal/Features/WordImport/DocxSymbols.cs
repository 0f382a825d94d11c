using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Portal.Features.WordImport;

/// <summary>
/// The character a w:sym (Insert › Symbol) shows. In a text font the code is the Unicode character itself; in the
/// symbol fonts Word offers first, it is a position in the font (often written 0xF0xx), which this maps to the
/// Unicode character of the same look: Adobe's Symbol encoding in full, Wingdings' marks that documents use as
/// bullets, boxes and ticks. Anything else is null, and the report counts it.
/// </summary>
internal static class DocxSymbols
{
    private static readonly FrozenDictionary<int, string> Symbol = Table(
        " !∀#∃%&∋()∗+,−./0123456789:;<=>?≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_‾αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼",
        0x20,
        "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…",
        0xA0,
        "ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓◊〈",
        0xC0,
        "∑",
        0xE5,
        "〉∫",
        0xF1);

    private static readonly FrozenDictionary<int, string> Wingdings = new Dictionary<int, string>
    {
        [0x28] = "☎",
        [0x2A] = "✉",
        [0x46] = "☞",
        [0x4A] = "☺",
        [0x4C] = "☹",
        [0x6C] = "●",
        [0x6E] = "■",
        [0x6F] = "□",
        [0x71] = "❑",
        [0x76] = "❖",
        [0xA7] = "▪",
        [0xA8] = "◻",
        [0xD8] = "➢",
        [0xE8] = "➔",
        [0xFB] = "✘",
        [0xFC] = "✔",
        [0xFD] = "☒",
        [0xFE] = "☑",
    }.ToFrozenDictionary();

    public static string? ToUnicode(string? font, string? code)
    {
        if (code is null || !int.TryParse(code, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) || value is <= 0 or > 0x10FFFF)
        {
            return null;
        }

        var position = value is >= 0xF000 and <= 0xF0FF ? value - 0xF000 : value;
        return font?.Trim().ToUpperInvariant() switch
        {
            "SYMBOL" => Symbol.GetValueOrDefault(position),
            "WINGDINGS" => Wingdings.GetValueOrDefault(position),
            "WINGDINGS 2" or "WINGDINGS 3" or "WEBDINGS" or "ZAPF DINGBATS" => null,
            // A text font: the code is the character, unless it is in the private-use range a symbol font would use,
            // or a control, unassigned or non-character code that a document's text (XML) could not hold either.
            _ when value is >= 0xE000 and <= 0xF8FF or >= 0xD800 and <= 0xDFFF or >= 0xFDD0 and <= 0xFDEF || (value & 0xFFFE) == 0xFFFE => null,
            _ when Rune.GetUnicodeCategory(new Rune(value)) is UnicodeCategory.Control or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse => null,
            _ => char.ConvertFromUtf32(value),
        };
    }

    private static FrozenDictionary<int, string> Table(params object[] runs)
    {
        var table = new Dictionary<int, string>();
        for (var i = 0; i < runs.Length; i += 2)
        {
            var characters = (string)runs[i];
            var start = (int)runs[i + 1];
            for (var j = 0; j < characters.Length; j++)
            {
                table[start + j] = characters[j].ToString();
            }
        }

        return table.ToFrozenDictionary();
    }
}
