using System.Globalization;
using System.Text;

namespace Portal.Features.Catalogue.Book;

/// <summary>
/// Makes the shared book markup into XHTML documents that any XML parser reads, whatever the contributors typed.
/// </summary>
public static class EpubXhtml
{
    /// <summary>What replaces a character that XML or HTML does not allow in a document.</summary>
    public const char Replacement = '\uFFFD';

    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A whole XHTML content document around a body of <see cref="ChapterMarkup"/> or <see cref="BookMatter"/> markup.</summary>
    /// <param name="title">The document's title, as text.</param>
    /// <param name="bodyType">The body's <c>epub:type</c>, such as "bodymatter chapter".</param>
    /// <param name="body">The markup inside the body.</param>
    public static string Document(string title, string bodyType, string body) =>
        Clean(string.Create(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">
            <head>
            <meta charset="UTF-8" />
            <title>{ChapterMarkup.Encode(title)}</title>
            <link rel="stylesheet" type="text/css" href="{EpubBook.StylesheetHref}" />
            </head>
            <body epub:type="{bodyType}">
            {AsXhtml(body)}</body>
            </html>

            """));

    /// <summary>
    /// Replaces every character that XML 1.0 forbids (C0 controls but tab and line ends, lone surrogates, U+FFFE and
    /// U+FFFF) or that HTML reports as an error (C1 controls, the other noncharacters) with U+FFFD. Contributors can
    /// type them, and Markdown can make them from a character reference such as <c>&amp;#1;</c>; markup never holds
    /// them, so the whole document can be cleaned at once.
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = FirstUnfit(text);
        if (first < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var scalar = char.ConvertToUtf32(c, text[i + 1]);
                if (IsNoncharacter(scalar))
                {
                    clean.Append(Replacement);
                }
                else
                {
                    clean.Append(text, i, 2);
                }

                i++;
            }
            else
            {
                clean.Append(IsUnfit(c) ? Replacement : c);
            }
        }

        return clean.ToString();
    }

    private static int FirstUnfit(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsNoncharacter(char.ConvertToUtf32(c, text[i + 1])))
                {
                    return i;
                }

                i++;
            }
            else if (IsUnfit(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnfit(char c) =>
        (c < '\u0020' && c is not '\t' and not '\n' and not '\r')
        || c is >= '\u007F' and <= '\u009F'
        || char.IsSurrogate(c)
        || IsNoncharacter(c);

    private static bool IsNoncharacter(int scalar) => scalar is >= 0xFDD0 and <= 0xFDEF || (scalar & 0xFFFE) == 0xFFFE;

    /// <summary>
    /// The shared markup is written to be XHTML, except the line breaks of a body that <c>SafeMarkdown</c> shows as
    /// plain text (a paragraph too long to format), which are HTML's <c>&lt;br&gt;</c>. Contributors' text is always
    /// encoded, so a literal "&lt;br&gt;" can only be that markup.
    /// </summary>
    private static string AsXhtml(string markup) => markup.Replace("<br>", "<br />", StringComparison.Ordinal);
}
