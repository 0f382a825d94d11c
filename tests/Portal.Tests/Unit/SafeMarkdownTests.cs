using System.Diagnostics;
using Portal.Features.Markdown;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Unit;

public class SafeMarkdownTests
{
    private const string Rel = "rel=\"nofollow noopener noreferrer\"";

    private static string? Attachments(string name) => name switch
    {
        "map.png" => "/Postings/1/Attachments/2",
        "Plan 2026.pdf" => "/Postings/1/Attachments/3",
        _ => null,
    };

    // Indices rather than the strings: some hold control characters that test discovery would have to serialize.
    public static TheoryData<int> CorpusIndices => new(Enumerable.Range(0, HostileInput.Corpus.Length));

    [Theory]
    [MemberData(nameof(CorpusIndices))]
    public void ToHtml_HostileCorpus_IsInert(int index)
    {
        var input = HostileInput.Corpus[index];
        HostileInput.AssertInert(SafeMarkdown.ToHtml(input));
        HostileInput.AssertInert(SafeMarkdown.ToHtml(input, Attachments));
        HostileInput.AssertInert(SafeMarkdown.ToHtml("# " + input + "\n\n> " + input + "\n\n| a |\n|---|\n| " + input + " |"));
    }

    [Fact]
    public void ToHtml_RawHtml_IsShownAsText()
    {
        var html = SafeMarkdown.ToHtml("<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b>");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b onclick=&quot;x()&quot;&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToHtml_JavascriptLink_RendersAsText() =>
        Assert.Equal("<p>click <em>here</em></p>\n", SafeMarkdown.ToHtml("[click *here*](javascript:alert(1))"));

    [Theory]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](java&#x09;script:alert(1))")]
    [InlineData("[x](java&#x0A;script:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](&#x01;javascript:alert(1))")]
    [InlineData("[x](<&#x20;javascript:alert(1)>)")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x](file:///etc/passwd)")]
    [InlineData("[x](ftp://files.example/x)")]
    [InlineData("[x](/Admin)")]
    [InlineData("[x](page.html)")]
    [InlineData("[x](//evil.example)")]
    [InlineData("[x](\\\\evil.example\\share)")]
    [InlineData("[x](https://pay&#x202E;lap.example)")]
    [InlineData("[x]: javascript:alert(1)\n\n[x]")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<vbscript:msgbox(1)>")]
    public void ToHtml_DisallowedLinkTarget_RendersAsText(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);
        Assert.DoesNotContain("<a", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[site](https://example.org/a?b=1&c=2)", "<a href=\"https://example.org/a?b=1&amp;c=2\" " + Rel + ">site</a>")]
    [InlineData("[site](HTTP://example.org \"Title\")", "<a href=\"HTTP://example.org\" " + Rel + " title=\"Title\">site</a>")]
    [InlineData("[mail](mailto:desk@example.org)", "<a href=\"mailto:desk@example.org\" " + Rel + ">mail</a>")]
    [InlineData("<https://example.org>", "<a href=\"https://example.org\" " + Rel + ">https://example.org</a>")]
    [InlineData("<desk@example.org>", "<a href=\"mailto:desk@example.org\" " + Rel + ">desk@example.org</a>")]
    [InlineData("see https://example.org/x now", "<a href=\"https://example.org/x\" " + Rel + ">https://example.org/x</a>")]
    [InlineData("see www.example.org now", "<a href=\"https://www.example.org\" " + Rel + ">www.example.org</a>")]
    public void ToHtml_AllowedLink_GetsRelAndKeepsUrl(string markdown, string expected) =>
        Assert.Contains(expected, SafeMarkdown.ToHtml(markdown), StringComparison.Ordinal);

    [Fact]
    public void ToHtml_AttachmentLink_PointsToResolvedUrl()
    {
        var names = new List<string>();
        var html = SafeMarkdown.ToHtml("[The plan](attachment:Plan%202026.pdf) and [again](<attachment:Plan 2026.pdf>)", name =>
        {
            names.Add(name);
            return Attachments(name);
        });
        Assert.Equal(["Plan 2026.pdf", "Plan 2026.pdf"], names);
        Assert.Contains("<a href=\"/Postings/1/Attachments/3\" " + Rel + ">The plan</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Postings/1/Attachments/3\" " + Rel + ">again</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_AttachmentImage_RendersSameSiteImg()
    {
        Assert.Equal("<p><img src=\"/Postings/1/Attachments/2\" loading=\"lazy\" alt=\"Map of the area\" /></p>\n",
            SafeMarkdown.ToHtml("![Map of the *area*](attachment:map.png)", Attachments));
        Assert.Contains("alt=\"\"", SafeMarkdown.ToHtml("![](attachment:map.png)", Attachments), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[report](attachment:missing.pdf)", "<p>report</p>\n")]
    [InlineData("![chart](attachment:missing.png)", "<p>chart</p>\n")]
    [InlineData("[report](attachment:)", "<p>report</p>\n")]
    public void ToHtml_UnknownAttachment_RendersAsText(string markdown, string expected)
    {
        Assert.Equal(expected, SafeMarkdown.ToHtml(markdown, Attachments));
        Assert.Equal(expected, SafeMarkdown.ToHtml(markdown));
    }

    [Theory]
    [InlineData("https://evil.example/x")]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example/x")]
    [InlineData("javascript:alert(1)")]
    public void ToHtml_ResolverAnswersOffSite_RendersAsText(string answer) =>
        Assert.Equal("<p>a b</p>\n", SafeMarkdown.ToHtml("[a](attachment:x) ![b](attachment:y)", _ => answer));

    [Fact]
    public void ToHtml_ExternalImage_RendersAsLinkNotImg()
    {
        var html = SafeMarkdown.ToHtml("![Tracker pixel](https://tracker.example/pixel.png)");
        Assert.Equal("<p><a href=\"https://tracker.example/pixel.png\" " + Rel + ">image: Tracker pixel</a></p>\n", html);
    }

    [Theory]
    [InlineData("![alt text](javascript:alert(1))")]
    [InlineData("![alt text](data:image/png;base64,iVBORw0KGgo=)")]
    [InlineData("![alt text](mailto:a@example.org)")]
    [InlineData("![alt text](/images/logo.png)")]
    [InlineData("![alt [text](https://example.org)](javascript:alert(1))")]
    public void ToHtml_ImageFromElsewhere_RendersAltText(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);
        Assert.Equal("<p>alt text</p>\n", html);
    }

    [Fact]
    public void ToHtml_LinkedAttachmentImage_KeepsBoth()
    {
        var html = SafeMarkdown.ToHtml("[![map](attachment:map.png)](https://maps.example/area)", Attachments);
        Assert.Equal("<p><a href=\"https://maps.example/area\" " + Rel + "><img src=\"/Postings/1/Attachments/2\" loading=\"lazy\" alt=\"map\" /></a></p>\n", html);
    }

    [Fact]
    public void ToHtml_Headings_ContinueThePagesOutline_FromH2_WithoutIds()
    {
        var html = SafeMarkdown.ToHtml("# One\n\n## Two {#custom}\n\nSetext\n------\n\n#### Four\n\n###### Six");
        Assert.Equal("<h2>One</h2>\n<h3>Two {#custom}</h3>\n<h3>Setext</h3>\n<h5>Four</h5>\n<h6>Six</h6>\n", html);
    }

    [Theory]
    [InlineData("## Context\n\n### Detail", 2, "<h2>Context</h2>\n<h3>Detail</h3>\n")]
    [InlineData("### Context\n\n#### Detail", 2, "<h2>Context</h2>\n<h3>Detail</h3>\n")]
    [InlineData("## Context\n\n### Detail", 4, "<h4>Context</h4>\n<h5>Detail</h5>\n")]
    public void ToHtml_TheBodysHighestHeadings_TakeTheLevelThePageGives(string markdown, int topHeading, string expected) =>
        Assert.Equal(expected, SafeMarkdown.ToHtml(markdown, topHeading: topHeading));

    [Fact]
    public void ToHtml_PipeTable_Renders()
    {
        var html = SafeMarkdown.ToHtml("| Item | Count |\n|------|------:|\n| Detectors | 12 |");
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<th>Item</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Detectors</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_AlignedTableColumns_BecomeClassesOnEveryCell()
    {
        var html = SafeMarkdown.ToHtml("| Left | Centre | Right | Plain |\n|:-----|:------:|------:|-------|\n| a | b | 12 | d |");
        Assert.Contains("<th class=\"align-left\">Left</th>\n<th class=\"align-center\">Centre</th>\n<th class=\"align-right\">Right</th>\n<th>Plain</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"align-left\">a</td>\n<td class=\"align-center\">b</td>\n<td class=\"align-right\">12</td>\n<td>d</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_RowWithMoreCellsThanColumns_AlignsTheExtraCellLikeTheLastColumn()
    {
        // Markdig gives the extra cell the last column's alignment; as a class, the same.
        var html = SafeMarkdown.ToHtml("| a | b |\n|---|--:|\n| 1 | 2 | 3 |");
        Assert.Contains("<td>1</td>\n<td class=\"align-right\">2</td>\n<td class=\"align-right\">3</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Nul_BecomesReplacementCharacter()
    {
        Assert.Equal("<p>a\uFFFDb</p>\n", SafeMarkdown.ToHtml("a\0b"));
        Assert.StartsWith("<p>a\uFFFDb", SafeMarkdown.ToHtml("a\0b" + new string('x', SafeMarkdown.MaxFormattedLength)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lone \uD800 high and \uDC00 low surrogates")]
    [InlineData("[link](https://example.org/\uD800)")]
    [InlineData("\u202E[txt.exe](https://example.org)")]
    [InlineData("\u0001\u0002\u0003\u0008\u000B\u000C\u007F\u0085\u2028\u2029\uFEFF\uFFFF")]
    public void ToHtml_StrangeCharacters_DoNotThrow(string markdown) =>
        HostileInput.AssertInert(SafeMarkdown.ToHtml(markdown));

    [Fact]
    public void ToHtml_TenThousandNestedQuotes_FallsBackToText()
    {
        var html = SafeMarkdown.ToHtml(new string('>', 10_000) + " <script>alert(1)</script>");
        HostileInput.AssertInert(html);
        Assert.StartsWith("<p>&gt;&gt;&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_DeeplyNestedList_DoesNotThrow()
    {
        var markdown = string.Concat(Enumerable.Range(0, 150).Select(i => new string(' ', i * 2) + "- item\n"));
        HostileInput.AssertInert(SafeMarkdown.ToHtml(markdown));
    }

    [Fact]
    public void ToHtml_LongerThanTheLimit_IsEscapedPlainText()
    {
        var markdown = "# Title\n<script>alert(1)</script>\n" + new string('x', SafeMarkdown.MaxFormattedLength);
        var html = SafeMarkdown.ToHtml(markdown);
        Assert.StartsWith("<p># Title<br>\n&lt;script&gt;alert(1)&lt;/script&gt;<br>\nxxx", html, StringComparison.Ordinal);
        HostileInput.AssertInert(html);
    }

    // Patterns that make Markdig's inline parser slow or hit its nesting limit. The bounds are loose because the
    // build machine is shared; the cost measured on one core is in MaxFormattedLength's summary.
    public static TheoryData<string> Pathological => ["[", "[[…]]", "*_", "**a ", "a* ", "_a_ *b* ", "[a](", "[*](", "![](", "[](", "![[", "[x][", "> ", "1. ", "www.a.b ", "|a"];

    [Theory]
    [MemberData(nameof(Pathological))]
    public void ToHtml_PathologicalPatternAtTheLimit_Completes(string pattern)
    {
        var markdown = Repeat(pattern, SafeMarkdown.MaxFormattedLength);
        var watch = Stopwatch.StartNew();
        HostileInput.AssertInert(SafeMarkdown.ToHtml(markdown));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"{pattern}: {watch.ElapsedMilliseconds} ms");
    }

    [Theory]
    [MemberData(nameof(Pathological))]
    public void ToHtml_MegabyteOfPathologicalPattern_Completes(string pattern)
    {
        var markdown = Repeat(pattern, 1 << 20);
        var watch = Stopwatch.StartNew();
        SafeMarkdown.ToHtml(markdown);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"{pattern}: {watch.ElapsedMilliseconds} ms");
    }

    // "[[…]]" stands for as many "[" as "]", nested.
    private static string Repeat(string pattern, int length) => pattern == "[[…]]"
        ? Repeat("[", length / 2) + Repeat("]", length / 2)
        : string.Concat(Enumerable.Repeat(pattern, (length / pattern.Length) + 1))[..length];
}
