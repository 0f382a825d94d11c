using Portal.Features.Markdown;

namespace Portal.Tests.Unit;

/// <summary>
/// A hard line break (two trailing spaces, or a backslash, as the Word import writes one) is a new line in the text a
/// reader sees, in the page's HTML, in its plain text (search snippets, the English and "has text" checks) and in the
/// plain-text form of a body too long to format: never dropped, never two words run together. Raw HTML is off, so a
/// typed "&lt;br&gt;" is text the reader sees, in both forms alike.
/// </summary>
public class SafeMarkdownLineBreakTests
{
    [Theory]
    [InlineData("Teams cleared  \nthe fields", "Teams cleared\nthe fields")]
    [InlineData("Teams cleared\\\nthe fields", "Teams cleared\nthe fields")]
    [InlineData("Teams cleared  \r\nthe fields", "Teams cleared\nthe fields")]
    [InlineData("*Teams cleared*\\\n**the fields**", "Teams cleared\nthe fields")]
    [InlineData("`ERW`  \nthe fields", "ERW\nthe fields")]
    [InlineData("> Teams cleared\\\n> the fields", "Teams cleared\nthe fields")]
    [InlineData("- Teams cleared\\\n  the fields\n- and more", "Teams cleared\nthe fields\nand more")]
    [InlineData("[Teams cleared\\\nthe fields](https://example.org/report)", "Teams cleared\nthe fields")]
    public void ToPlainText_HardLineBreak_IsANewLine(string markdown, string expected) =>
        Assert.Equal(expected, SafeMarkdown.ToPlainText(markdown).TrimEnd('\n'));

    [Theory]
    [InlineData("Teams cleared  \nthe fields")]
    [InlineData("Teams cleared\\\nthe fields")]
    public void ToHtml_HardLineBreak_IsABreakBetweenTheWords(string markdown) =>
        Assert.Equal("<p>Teams cleared<br />\nthe fields</p>\n", SafeMarkdown.ToHtml(markdown));

    [Fact]
    public void SoftLineBreak_KeepsTheWordsApart()
    {
        Assert.Equal("Teams cleared\nthe fields", SafeMarkdown.ToPlainText("Teams cleared\nthe fields").TrimEnd('\n'));
        Assert.Equal("<p>Teams cleared\nthe fields</p>\n", SafeMarkdown.ToHtml("Teams cleared\nthe fields"));
    }

    [Fact]
    public void TypedBrTag_IsTextTheReaderSees_InThePageAndItsPlainText()
    {
        Assert.Equal("<p>Teams cleared&lt;br&gt;the fields</p>\n", SafeMarkdown.ToHtml("Teams cleared<br>the fields"));
        Assert.Equal("Teams cleared<br>the fields", SafeMarkdown.ToPlainText("Teams cleared<br>the fields").TrimEnd('\n'));
    }

    [Fact]
    public void BackslashAtTheEndOfAParagraph_IsKeptAsText_NotALostBreak()
    {
        Assert.Equal("Teams cleared\\\nthe fields", SafeMarkdown.ToPlainText("Teams cleared\\\n\nthe fields").TrimEnd('\n'));
        Assert.Equal("<p>Teams cleared\\</p>\n<p>the fields</p>\n", SafeMarkdown.ToHtml("Teams cleared\\\n\nthe fields"));
    }

    [Fact]
    public void TooLongToFormat_EveryLineBreakIsABreak_AndTheMarkersStayAsWritten()
    {
        var markdown = "Teams cleared  \nthe fields\\\nof Xieng Khouang<br>again\r\nand\rmore\n" + new string('x', SafeMarkdown.MaxFormattedLength);

        var html = SafeMarkdown.ToHtml(markdown);

        Assert.StartsWith("<p>Teams cleared  <br>\nthe fields\\<br>\nof Xieng Khouang&lt;br&gt;again<br>\nand<br>\nmore<br>\nxxx", html, StringComparison.Ordinal);
        Assert.Equal(markdown, SafeMarkdown.ToPlainText(markdown));
    }
}
