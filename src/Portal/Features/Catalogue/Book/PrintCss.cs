using System.Globalization;
using System.Reflection;
using System.Text;

namespace Portal.Features.Catalogue.Book;

/// <summary>
/// The print stylesheet: the fixed rules (PrintBook.css) and, per chapter, a named page whose running header carries
/// the chapter's title. Chromium has no <c>string-set</c>, so the titles must be written into the stylesheet; they go
/// in only through <see cref="Quote"/>.
/// </summary>
public static class PrintCss
{
    /// <summary>Longest running header, in characters as a reader counts them; longer titles end with "…".</summary>
    public const int HeaderLength = 90;

    private static readonly Lazy<string> Fixed = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Portal.PrintBook.css")
            ?? throw new InvalidOperationException("The print stylesheet is not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    /// <summary>The rules every print document shares.</summary>
    public static string Stylesheet => Fixed.Value;

    /// <summary>The named page of front and back matter, with the book's title in the running header.</summary>
    public static string MatterPage(string bookTitle) =>
        $"@page matter {{ @top-center {{ content: {Quote(Shorten(bookTitle))}; }} }}\n";

    /// <summary>The named page of the chapter at <paramref name="index"/> (a number of ours, never a contributor's key).</summary>
    public static string ChapterPage(int index, string chapterTitle) =>
        string.Create(CultureInfo.InvariantCulture,
            $".chapter-{index} {{ page: chapter-{index}; }}\n@page chapter-{index} {{ @top-center {{ content: {Quote(Shorten(chapterTitle))}; }} }}\n");

    /// <summary>
    /// A CSS string that shows <paramref name="text"/> and can do nothing else: letters, digits, spaces and a little
    /// punctuation stay as they are; every other character (quotes, backslash, <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>,
    /// braces, anything beyond ASCII) becomes a six-digit escape followed by the space that ends it, so the string
    /// can close neither itself, nor the rule, nor the <c>&lt;style&gt;</c> element. Control characters and line
    /// breaks become spaces; broken surrogates become U+FFFD.
    /// </summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var css = new StringBuilder(text.Length + 2).Append('"');
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsControl(rune))
            {
                css.Append(' ');
            }
            else if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || " .,;:!?()'-_".Contains((char)rune.Value, StringComparison.Ordinal)))
            {
                css.Append((char)rune.Value);
            }
            else
            {
                css.Append('\\').Append(rune.Value.ToString("X6", CultureInfo.InvariantCulture)).Append(' ');
            }
        }

        return css.Append('"').ToString();
    }

    /// <summary>The title as it fits a running header: one line of at most <see cref="HeaderLength"/> characters.</summary>
    public static string Shorten(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var flat = string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var info = new StringInfo(flat);
        return info.LengthInTextElements <= HeaderLength
            ? flat
            : info.SubstringByTextElements(0, HeaderLength - 1).TrimEnd() + "…";
    }
}
