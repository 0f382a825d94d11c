using Portal.Data;
using Portal.Features.Postings;

namespace Portal.Tests.Unit;

public sealed class BodySectionsTests
{
    private static readonly TemplateSection First = PostingTemplates.SectionsFor(PostingKind.Need)[0];

    [Theory]
    [InlineData("## A\n\nText.\n\n## B\n\n", new[] { "B" })]
    [InlineData("## A\n\n## B\n\nText.\n", new[] { "A" })]
    [InlineData("## A\n\n### A.1\n\nText.\n\n## B\n\nText.\n", new string[0])]
    [InlineData("## A\n\n### A.1\n\n### A.2\n\nText.\n", new[] { "A.1" })]
    [InlineData("## A\n\n```\n## not a heading\n```\n", new string[0])]
    [InlineData("Intro without a heading.\n\n## A ##\n", new[] { "A" })]
    [InlineData("#hashtag is text\n\n## A\n\n- item\n", new string[0])]
    [InlineData("", new string[0])]
    public void Unfinished_NamesTheHeadingsWithNothingUnderThem(string body, string[] expected) =>
        Assert.Equal(expected, BodySections.Unfinished(body));

    [Fact]
    public void Unfinished_CountsTheTemplatesGuidanceAsNothing()
    {
        var body = $"## {First.Heading}\r\n\r\n*{First.Guidance}*\r\n\r\n## Costs\r\n\r\n*Our own words in italics.*\r\n";
        Assert.Equal([First.Heading], BodySections.Unfinished(body));
    }

    [Fact]
    public void WithoutGuidance_RemovesOnlyTheTemplatesOwnLines()
    {
        var body = $"## {First.Heading}\n\n*{First.Guidance}*\n\nOur text, which quotes *{First.Guidance}*\n\n*Our own words in italics.*\n";
        Assert.Equal($"## {First.Heading}\n\nOur text, which quotes *{First.Guidance}*\n\n*Our own words in italics.*\n", BodySections.WithoutGuidance(body));
    }

    [Fact]
    public void WithoutGuidance_LeavesATextWithoutGuidanceAsItIs()
    {
        const string body = "## What is needed\n\n*Six* survey teams.\n";
        Assert.Same(body, BodySections.WithoutGuidance(body));
    }
}
