using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Portal.Features.Markdown;
using Portal.Features.Postings;

namespace Portal.Tests.Unit;

public partial class SearchSnippetTests
{
    // Characters that mean something in Markdown. A snippet may show one only as often as the page shows it.
    private const string Syntax = "#*_[]()|`>~!\\<=-+:";

    public static TheoryData<string, string> Sources => new()
    {
        { "## Contact and next steps\n\nWrite to the **victim assistance** unit at [the ministry](https://example.org/va).", "victim" },
        { "# Context\n\n### Needs\n\n- Survey of *clearance* sites\n  - nested __clearance__ item\n1. first\n2. second clearance", "clearance" },
        { "| Area | Budget |\n|:---|---:|\n| **Clearance** | USD 250,000 |\n| Victim assistance | `EUR 10` |", "clearance" },
        { "> A quoted **prosthetics** workshop\n\n---\n\n![the prosthetics workshop](attachment:workshop.png)", "prosthetics" },
        { "Escaped \\*stars\\* and a literal <b>tag</b> near prosthetics, an e-mail <va@example.org> and www.example.org.", "prosthetics" },
        { "```\ncode ## block with prosthetics\n```\n\nText with ~~strike~~ and a_b_c and 2 * 3 prosthetics.", "prosthetics" },
        { "Setext heading\n==============\n\nAnd a hard  \nbreak before prosthetics.", "prosthetics" },
        { new string('x', 10) + "\n" + string.Join(' ', Enumerable.Repeat("**bold** prosthetics", 1_200)), "prosthetics" },
        { "[[[[[[nested links]]]]]] and ***[emphasis](x)*** around prosthetics", "prosthetics" },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void Snippet_NeverHasMarkdownSyntaxTheRenderedTextLacks(string markdown, string term)
    {
        var rendered = new HtmlParser().ParseDocument(SafeMarkdown.ToHtml(markdown)).Body!.TextContent;
        var snippet = Text(SearchSnippet.Html(SafeMarkdown.ToPlainText(markdown), new HashSet<string> { term }));

        Assert.Contains(term, snippet, StringComparison.OrdinalIgnoreCase);
        foreach (var c in Syntax)
        {
            Assert.True(
                snippet.Count(s => s == c) <= rendered.Count(r => r == c),
                $"'{c}' appears in the snippet \"{snippet}\" more often than on the page \"{rendered}\".");
        }

        var shown = Tokens(rendered).ToHashSet(StringComparer.Ordinal);
        Assert.All(Tokens(snippet), token => Assert.Contains(token, shown));
    }

    [Fact]
    public void Snippet_ReadsAsThePageDoes_WithTheMatchedWordsMarked() =>
        Assert.Equal(
            "Contact and next steps &#183; Write to the <mark>victim</mark> assistance unit at the ministry. <mark>Victim</mark>&#39;s: <mark>VICTIM</mark>, victims.",
            SearchSnippet.Html(
                SafeMarkdown.ToPlainText("## Contact and next steps\n\nWrite to the **victim** assistance unit at [the ministry](https://example.org).\nVictim's: VICTIM, victims."),
                new HashSet<string> { "victim" }));

    [Fact]
    public void Snippet_TakesTheWindowWithMostTerms_AndSaysWhereTextWasLeftOut()
    {
        var words = Enumerable.Range(0, 200).Select(i => "w" + i).ToArray();
        words[20] = "clearance";
        words[120] = "clearance";
        words[123] = "laos";
        var html = SearchSnippet.Html(string.Join(' ', words), new HashSet<string> { "clearance", "laos" });

        Assert.StartsWith("… w116 w117 w118 w119 <mark>clearance</mark> w121 w122 <mark>laos</mark>", html, StringComparison.Ordinal);
        Assert.EndsWith(" …", html, StringComparison.Ordinal);
        Assert.Equal(SearchSnippet.Words, Text(html).Trim('…', ' ').Split(' ').Length);
    }

    [Fact]
    public void Snippet_WithoutAMatchedWord_StartsAtTheBeginning() =>
        Assert.Equal("A short summary. Clearance &#183; w1 w2", SearchSnippet.Html("A short summary.\n\nClearance\nw1 w2", new HashSet<string>()));

    [Fact]
    public void Snippet_EncodesTheText_AndMarksOnlyWholeWords() =>
        Assert.Equal(
            "&lt;script&gt;<mark>mine</mark>&lt;/script&gt; mines <mark>Mine</mark>-risk",
            SearchSnippet.Html("<script>mine</script> mines Mine-risk", new HashSet<string> { "mine" }));

    [Theory]
    [InlineData("a \u0002Mine-risk\u0003 b \u0002victims\u0003", "mine risk victims")]
    [InlineData("\u0002Education\u0003 and \u0002education\u0003", "education")]
    [InlineData("no marks \u0003 here", "")]
    [InlineData("unclosed \u0002Survey of sites", "of sites survey")]
    public void MarkedTerms_AreTheMarkedWordsInLowerCase(string highlighted, string terms) =>
        Assert.Equal(
            terms.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal),
            SearchSnippet.MarkedTerms(highlighted).Order(StringComparer.Ordinal));

    private static string Text(string html) => new HtmlParser().ParseDocument("<p>" + html + "</p>").Body!.TextContent;

    private static IEnumerable<string> Tokens(string text) =>
        Token().Matches(text).Select(m => m.Value).Where(t => t is not "…" and not "·");

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Token();
}
