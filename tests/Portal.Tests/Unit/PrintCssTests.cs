using System.Globalization;
using System.Text;
using Portal.Features.Catalogue.Book;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Unit;

public sealed class PrintCssTests
{
    public static TheoryData<string> HostileTitles()
    {
        var titles = new TheoryData<string>
        {
            "\"; } @page { content: \"x</style><script>alert(1)</script> \\ end\nline",
            "\"; } @page { content: \"x",
            "</style><script>alert(1)</script>",
            "</STYLE ><img src=x onerror=alert(1)>",
            "back\\slash \\\" \\22 \\",
            "line\nbreak\r\nand\ttab\fform\u0000nul",
            "'; } * { display: none } /*",
            "url(http://evil.example/) @import \"http://evil.example/x.css\";",
            "lone \uD800 surrogate \uDC00 and 😀 emoji",
            "Coopération régionale – Laos",
            "a\u2028b\u2029c\u0085d",
        };
        foreach (var text in HostileInput.Corpus)
        {
            titles.Add(text);
        }

        return titles;
    }

    [Theory]
    [MemberData(nameof(HostileTitles))]
    public void Quote_HostileTitle_CannotEndTheStringTheRuleOrTheStyleElement(string title)
    {
        var css = PrintCss.Quote(title);

        Assert.StartsWith("\"", css, StringComparison.Ordinal);
        Assert.EndsWith("\"", css, StringComparison.Ordinal);
        var inside = css[1..^1];
        // Only letters, digits, spaces, a little punctuation and escapes: no quote, brace, angle bracket or line break.
        Assert.All(inside, c => Assert.True(char.IsAsciiLetterOrDigit(c) || " .,;:!?()'-_\\".Contains(c, StringComparison.Ordinal), $"'{c}' in {css}"));
        Assert.Equal(Shown(title), Unescape(inside));
    }

    [Fact]
    public void Quote_EscapeIsEndedBySpace_SoTheNextSpaceOrDigitIsKept()
    {
        Assert.Equal("\"caf\\0000E9  au lait\"", PrintCss.Quote("café au lait"));
        Assert.Equal("\"\\00003C 1\"", PrintCss.Quote("<1"));
        Assert.Equal("é au lait", Unescape(PrintCss.Quote("é au lait")[1..^1]));
    }

    [Fact]
    public void ChapterPage_NamesThePageAfterTheIndexOnly()
    {
        var rule = PrintCss.ChapterPage(7, "</style>");

        Assert.Equal(".chapter-7 { page: chapter-7; }\n@page chapter-7 { @top-center { content: \"\\00003C \\00002F style\\00003E \"; } }\n", rule);
    }

    [Fact]
    public void Shorten_LongTitleOnSeveralLines_BecomesOneLineEndingWithEllipsis()
    {
        var title = "Clearing\nthe " + string.Concat(Enumerable.Repeat("Plain of Jars ", 10));

        var header = PrintCss.Shorten(title);

        Assert.InRange(new StringInfo(header).LengthInTextElements, PrintCss.HeaderLength - 5, PrintCss.HeaderLength);
        Assert.StartsWith("Clearing the Plain of Jars Plain", header, StringComparison.Ordinal);
        Assert.EndsWith("…", header, StringComparison.Ordinal);
        Assert.Equal("Short title", PrintCss.Shorten("  Short \n title "));
    }

    // What the reader should see: the title with control characters as spaces and broken surrogates replaced.
    private static string Shown(string title)
    {
        var shown = new StringBuilder();
        foreach (var rune in title.EnumerateRunes())
        {
            shown.Append(Rune.IsControl(rune) ? " " : rune.ToString());
        }

        return shown.ToString();
    }

    // The inside of a CSS string as CSS Syntax 3 (§4.3.7) reads it: a backslash, up to six hex digits, one optional
    // whitespace; or a backslash and the next character.
    private static string Unescape(string inside)
    {
        var text = new StringBuilder();
        for (var i = 0; i < inside.Length; i++)
        {
            if (inside[i] != '\\')
            {
                text.Append(inside[i]);
                continue;
            }

            var digits = 0;
            while (digits < 6 && i + 1 + digits < inside.Length && char.IsAsciiHexDigit(inside[i + 1 + digits]))
            {
                digits++;
            }

            Assert.True(digits > 0, "A backslash that starts no hex escape.");
            text.Append(char.ConvertFromUtf32(int.Parse(inside.AsSpan(i + 1, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            i += digits;
            if (i + 1 < inside.Length && inside[i + 1] is ' ' or '\t' or '\n')
            {
                i++;
            }
        }

        return text.ToString();
    }
}
