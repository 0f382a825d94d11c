using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using Portal.Features.WordImport;
using static Portal.Tests.Infrastructure.DocxBuilder;

namespace Portal.Tests.Unit;

/// <summary>The promise that matters most: rendered, the imported Markdown shows exactly the document's text.</summary>
public class DocxImporterVerbatimTests
{
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseFootnotes().DisableHtml().Build();

    [Fact]
    public void Import_MarkdownLookalikes_RenderAsTheirOwnText()
    {
        const string text = "*not bold* <script>alert(1)</script> [x](javascript:alert(1)) # not a heading";
        var result = Import(body => body.Append(Paragraph(text), Paragraph("# not a heading either"), Paragraph("1. not a list")));

        var html = Markdown.ToHtml(result.Markdown, Pipeline);
        Assert.Equal(text + "\n# not a heading either\n1. not a list", RenderedText(result.Markdown));
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<em>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<ol>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Two  spaces,\ta tab, « guillemets » and “curly quotes” — kept")]
    [InlineData("Лаос: помощь пострадавшим; 老挝; ລາວ; Ελλάδα; naïve café; ẞ; 🇱🇦 👍🏽")]
    [InlineData("مساعدة الضحايا في شيانغ خوانغ (2024)")]
    [InlineData("שלום, עולם! 100%")]
    [InlineData("Non\u2011breaking hyphen, soft\u00ADhyphen, no\u00A0break space, zero\u200Bwidth")]
    public void Import_UnusualText_IsKeptVerbatim(string text)
    {
        var result = Import(body => body.Append(Paragraph(text)));

        Assert.Equal(text, RenderedText(result.Markdown));
    }

    public static TheoryData<string> TrickyParagraphs =>
    [
        "- dash", "+ plus", "* star", "# hash", "###### six", "> quote", "1. one", "1) one", "2024. A year", "12345678901. long",
        "---", "***", "___", "===", "- - -", "    four spaces", "```code```", "~~~", "`tick`", "~~strike~~",
        "| a | b |", "a|b", "<div>html</div>", "<https://example.org>", "&amp; &copy; &#169; &#x41; & alone", "AT&T",
        "\\ backslash \\* \\\\", "back\\", "*a* _b_ **c** __d__", "snake_case_name and 2*3*4", "[link](https://example.org)",
        "![img](x.png)", "[ref]: /url", "[^1] footnote", "a  \\", "ends with two spaces  ", "!important", "{braces} $math$ ^sup^",
        "Q: 1.5 < 2 > 1; \"quotes\" 'apostrophes' (parens) / slash?", "www.example.org http://example.org", ":smile: ++ins++ ==mark==",
        "\t tab start", "* * *", "  - indented", "<!-- comment -->", "a\\\nb",
    ];

    [Theory]
    [MemberData(nameof(TrickyParagraphs))]
    public void Import_RoundTripThroughMarkdig_GivesTheDocumentText(string text)
    {
        var random = new Random(text.Length);
        var runs = new List<Run>();
        for (var start = 0; start < text.Length;)
        {
            var length = Math.Min(text.Length - start, random.Next(1, 6));
            runs.Add(Run(text.Substring(start, length), bold: random.Next(3) == 0, italic: random.Next(3) == 0));
            start += length;
        }

        var plain = Import(body => body.Append(Paragraph(text), Heading(2, text), ListItem(BulletList, 0, text), Table([text], [text])));
        var formatted = Import(body => body.Append(new Paragraph(runs)));

        var expected = text.Replace("\\\n", "\\ ", StringComparison.Ordinal).Trim(' ', '\t');
        Assert.Equal(string.Join("\n", Enumerable.Repeat(expected, 5)), RenderedText(plain.Markdown));
        Assert.Equal(expected, RenderedText(formatted.Markdown));
    }

    [Fact]
    public void Import_RandomlyFormattedText_RoundTripsThroughMarkdig()
    {
        string[] pieces =
        [
            "a", "Z", "7", " ", " ", "  ", "\t", ".", ",", "*", "**", "_", "`", "[", "]", "(", ")", "<", ">", "#", "+", "-", "=", "!", "|",
            "~", "&", "amp;", "#32;", ";", "\\", "\"", "'", ":", "1.", "2)", "é", "ß", "مرحبا", "中文", "😀", "\u00A0", "€", "©", "\u0301",
            "«", "»", "—", "“", "”", "http://x.org", "word",
        ];
        var random = new Random(20240607);
        var paragraphs = new List<(List<Run> Runs, string Text)>();
        for (var i = 0; i < 300; i++)
        {
            var runs = Enumerable.Range(0, random.Next(1, 8))
                .Select(_ => Run(string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => pieces[random.Next(pieces.Length)])), random.Next(3) == 0, random.Next(3) == 0))
                .Append(Run($" {i}"))
                .ToList();
            paragraphs.Add((runs, string.Concat(runs.Select(r => r.InnerText)).TrimStart(' ', '\t')));
        }

        var result = Import(body => body.Append(paragraphs.Select(p => new Paragraph(p.Runs))));

        Assert.Equal(paragraphs.Select(p => p.Text), RenderedText(result.Markdown).Split('\n'));
    }

    [Fact]
    public void Import_LineBreaksAndTabs_AreKept()
    {
        var result = Import(body => body.Append(
            Paragraph(Run("first"), new Run(new Break()), Run("- second"), new Run(new TabChar(), new Text("tabbed"))),
            new Paragraph(),
            Paragraph(new Run(new Break { Type = BreakValues.Page })),
            ListItem(BulletList, 0, Run("item"), new Run(new Break()), Run("continued"))));

        Assert.Equal("first\\\n\\- second\ttabbed\n\n- item\\\n  continued\n", result.Markdown);
        Assert.Equal("first\n- second\ttabbed\nitem\ncontinued", RenderedText(result.Markdown));
    }

    /// <summary>What a reader sees: the rendered HTML's text, one line per block or line break.</summary>
    internal static string RenderedText(string markdown)
    {
        var document = new HtmlParser().ParseDocument(Markdown.ToHtml(markdown, Pipeline));
        return Regex.Replace(document.Body!.TextContent, "\n+", "\n").Trim('\n');
    }

    private static DocxImport Import(Action<Body> fill) => DocxImporter.Import(new MemoryStream(Create(fill)));
}
