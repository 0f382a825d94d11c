using AngleSharp.Html.Parser;
using Portal.Features.Markdown;
using Portal.Features.Sample;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Unit;

/// <summary>
/// The Content-Security-Policy blocks inline styles, so a style attribute in rendered Markdown is formatting silently
/// lost (or, written by an author, formatting they were never meant to have). None may come out, whatever goes in.
/// </summary>
public class SafeMarkdownStyleTests
{
    private static string? Attachments(string name) => name == "map.png" ? "/Postings/1/Attachments/2" : null;

    /// <summary>Every construct the pipeline formats, and the syntax of extensions it leaves off.</summary>
    public static TheoryData<string> Constructs =>
    [
        // Pipe tables: every alignment, separators of uneven width, inline formatting, ragged rows, nested in blocks.
        "| Left | Centre | Right | Plain |\n|:-----|:------:|------:|-------|\n| a | b | 12 | d |",
        "| Item | USD |\n|:--|--------------------------------:|\n| **Total** | `1,000` |",
        "Item | Cost\n:--- | ---:\nDetectors | 12\nVehicles | 3 | extra",
        "Item | Cost\n:--- | ---:\nDetectors | 12\nOnly one |",
        "| Header only |\n|:-:|",
        "> | quoted | table |\n> |:--|--:|\n> | a | b |",
        "- item\n\n  | listed | table |\n  |:-:|--:|\n  | a | b |",
        "| a [link](https://example.org) | ![map](attachment:map.png) |\n|--:|:-:|\n| <https://example.org> | www.example.org |",
        // CommonMark blocks.
        "# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six\n\nSetext one\n===\n\nSetext two\n---",
        "Paragraph with *em*, _em_, **strong**, __strong__, ***both*** and `code`.\nSoft break.  \nHard break.\\\nAnother.",
        "```csharp\nvar x = \"<style>\";\n```\n\n~~~\nfenced\n~~~\n\n    indented code",
        "> quote\n>> nested quote\n\n---\n\n***\n\n___",
        "- one\n- two\n  - nested\n\n* star\n+ plus\n\n1. first\n2. second\n\n3) paren\n\n- loose\n\n- list",
        // Links, images, autolinks, entities, escapes.
        "[inline](https://example.org \"Title\") [ref][r] [collapsed][] <https://example.org> <desk@example.org> https://example.org/x www.example.org\n\n[r]: https://example.org/ref\n[collapsed]: mailto:desk@example.org",
        "![map](attachment:map.png \"A title\") ![missing](attachment:none.png) ![external](https://tracker.example/p.png) [![map](attachment:map.png)](https://example.org)",
        "&amp; &copy; &#123; &#x7B; \\*not em\\* \\<b style=\"x\"\\>",
        // Raw HTML is off: it must come out as text, style attributes included.
        "<p style=\"color:red\">red</p>",
        "Inline <span style=\"display:none\">hidden</span> text.",
        "<div style=\"position:fixed;inset:0\">\n\n**overlay**\n\n</div>",
        "| a |\n|---|\n| <td style=\"text-align:right\">b</td> |",
        "<style>td{display:none}</style>\n\n<!-- comment style=\"x\" -->",
        "<table><tr><td style=\"color:red\">x</td></tr></table>",
        // Generic attributes are off: the braces stay text.
        "# Heading {style=\"color:red\"}\n\nParagraph {#id .class style=\"color:red\"}\n\n[link](https://example.org){style=\"color:red\"}",
        "| a |\n|:-:|\n| b |\n{style=\"width:1px\"}",
        // Extensions that are off: task lists, footnotes, grid tables, strikethrough, marks, containers and friends.
        "- [ ] to do\n- [x] done",
        "Text with a note[^1].\n\n[^1]: The note.",
        "+---+---+\n| a | b |\n+===+===+\n| 1 | 2 |\n+---+---+",
        "~~struck~~ ==marked== ++inserted++ ~sub~ ^sup^ \"\"cited\"\" :smile: $x^2$",
        "::: warning {style=\"color:red\"}\nContainer\n:::\n\nTerm\n:   Definition\n\n*[HTML]: Hyper Text",
        "^^^ Figure\n![map](attachment:map.png)\n^^^ Caption",
    ];

    // Indices rather than the strings: hostile strings hold control characters that test discovery would have to serialize.
    public static TheoryData<int> SampleIndices => new(Enumerable.Range(0, SamplePostings.All.Count));

    public static TheoryData<int> HostileIndices => new(Enumerable.Range(0, HostileInput.Corpus.Length));

    [Theory]
    [MemberData(nameof(Constructs))]
    public void ToHtml_EveryConstruct_HasNoStyle(string markdown)
    {
        AssertNoStyle(SafeMarkdown.ToHtml(markdown));
        AssertNoStyle(SafeMarkdown.ToHtml(markdown, Attachments));
    }

    [Theory]
    [MemberData(nameof(SampleIndices))]
    public void ToHtml_SamplePostingBody_HasNoStyle(int index) =>
        AssertNoStyle(SafeMarkdown.ToHtml(SamplePostings.All[index].Body));

    [Theory]
    [MemberData(nameof(HostileIndices))]
    public void ToHtml_HostileInputInAlignedTablesAndBlocks_HasNoStyle(int index)
    {
        var input = HostileInput.Corpus[index];
        AssertNoStyle(SafeMarkdown.ToHtml(input));
        AssertNoStyle(SafeMarkdown.ToHtml(input, Attachments));
        AssertNoStyle(SafeMarkdown.ToHtml(
            "# " + input + "\n\n> " + input + "\n\n| " + input + " | b | c |\n|:--|:-:|--:|\n| " + input + " | " + input + " | 1 |\n\n- " + input,
            Attachments));
    }

    [Fact]
    public void ToHtml_SamplePostingsWithAlignedColumns_CarryTheAlignmentAsClasses()
    {
        // The sample data itself right-aligns amounts: the case this guards is not hypothetical.
        var aligned = SamplePostings.All.Where(p => p.Body.Contains("|---:|", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(aligned);
        Assert.All(aligned, p => Assert.NotEmpty(new HtmlParser().ParseDocument(SafeMarkdown.ToHtml(p.Body)).QuerySelectorAll("td.align-right")));
    }

    private static void AssertNoStyle(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var styled = document.QuerySelectorAll("[style], style").Select(e => e.OuterHtml).ToList();
        Assert.True(styled.Count == 0, "Styled: " + string.Join(" ", styled));
    }
}
