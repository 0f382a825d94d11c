using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Portal.Features.Catalogue.Book;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.SampleBook.RightToLeft;

namespace Portal.Tests.Unit;

/// <summary>
/// Names in Arabic or Hebrew set inside the book's English sentences keep their own direction: each value a user gave
/// is isolated in a &lt;bdi&gt;, and the sentence's words and punctuation stay outside it, so that "By NAME (FUNCTION,
/// ORGANISATION)." does not come out with its parentheses and full stop moved into the name.
/// </summary>
public class DirectionIsolationTests
{
    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    [Fact]
    public void Render_RightToLeftNames_AreEachIsolated_AndTheSentenceKeepsItsPunctuation()
    {
        var chapter = Chapter(7) with { Joined = [SampleBook.Chapter(8, "Funding the workshop", "Norway", figures: 0)] };

        var html = ChapterMarkup.Render(chapter, f => f.Key + ".jpg");

        Assert.Contains($"<p class=\"participants\">Contributed jointly by <bdi>{Participant}</bdi> and <bdi>Norway</bdi>.</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"authors\">By <bdi>{Author}</bdi> (<bdi>{Function}</bdi>, <bdi>{Organisation}</bdi>) and <bdi>Rami Khalil</bdi>.</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"attribution\"><bdi>{Person}</bdi>, <bdi>Technician</bdi>, <bdi>{Place}</bdi></p>", html, StringComparison.Ordinal);
        Assert.Contains($"<figcaption><bdi>{Caption}</bdi> <span class=\"credit\">Photo: <bdi>{Credit}</bdi></span></figcaption>", html, StringComparison.Ordinal);
        var document = Parse(html);
        Assert.Equal($"By {Author} ({Function}, {Organisation}) and Rami Khalil.", document.QuerySelector("p.authors")!.TextContent);
        // The sentences; a heading that is only the participant's name has no sentence around it.
        Assert.All(document.QuerySelectorAll("p.participants, p.authors, p.attribution, figcaption"), AssertRightToLeftOnlyInsideBdi);
    }

    [Fact]
    public void Render_ChapterOfItsOwn_IsolatesItsParticipant_AndEncodesInsideTheIsolation()
    {
        var chapter = Chapter(7) with { Participant = "<b>" + Participant + "</b> & Co" };

        var html = ChapterMarkup.Render(chapter, f => f.Key);

        Assert.Contains($"<p class=\"participant\">Contributed by <bdi>&lt;b&gt;{Participant}&lt;/b&gt; &amp; Co</bdi>.</p>", html, StringComparison.Ordinal);
        Assert.Equal($"Contributed by <b>{Participant}</b> & Co.", Parse(html).QuerySelector("p.participant")!.TextContent);
    }

    [Fact]
    public void BackMatter_IsolatesParticipantsTitlesCaptionsAndCredits()
    {
        var edition = SampleBook.Edition() with { Parts = [new BookPart("Article 5", [Chapter(7)])] };

        var participants = BookMatter.ContributingParticipants(edition);
        var credits = BookMatter.PhotoCredits(edition);

        Assert.Contains($"<li><bdi>{Participant}</bdi>: <bdi>Prosthetics in Tyre</bdi></li>", participants, StringComparison.Ordinal);
        Assert.Contains($"<li><bdi>{Caption}</bdi> (<bdi>Prosthetics in Tyre</bdi>): <bdi>{Credit}</bdi></li>", credits, StringComparison.Ordinal);
        AssertRightToLeftOnlyInsideBdi(Parse(participants + credits).Body!);
    }

    [Fact]
    public void PrintContents_IsolatesTheParticipantsOfEachChapter()
    {
        var edition = SampleBook.Edition() with { Parts = [new BookPart("Article 5", [Chapter(7)])] };

        var contents = Parse(PrintHtml.Book(edition, f => f.Key)).QuerySelector("nav.contents")!;

        Assert.Equal([Participant], contents.QuerySelectorAll(".toc-participant bdi").Select(b => b.TextContent));
        AssertRightToLeftOnlyInsideBdi(contents);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("Norway", "<bdi>Norway</bdi>")]
    [InlineData("A & \"B\"", "<bdi>A &amp; &quot;B&quot;</bdi>")]
    public void Isolate_EncodesAndWraps_AndLeavesNothingForNothing(string text, string expected) =>
        Assert.Equal(expected, ChapterMarkup.Isolate(text));

    [Fact]
    public void PlainLines_StayText_ForWhatIsNotMarkup()
    {
        Assert.Equal($"By {Author} ({Function}, {Organisation}).", ChapterMarkup.AuthorLine([new BookAuthor(Author, Function, Organisation)]));
        Assert.Equal($"Photo: {Credit}", ChapterMarkup.CreditLine(Credit));
        Assert.Equal($"{Participant} and Norway", ChapterMarkup.Names([Participant, "Norway"]));
    }

    /// <summary>Every Hebrew or Arabic letter in <paramref name="root"/> stands inside a &lt;bdi&gt;.</summary>
    private static void AssertRightToLeftOnlyInsideBdi(INode root)
    {
        var outside = root.GetDescendants().OfType<IText>()
            .Where(t => !t.GetAncestors().OfType<IElement>().Any(e => e.LocalName == "bdi") && t.Data.Any(IsRightToLeft))
            .Select(t => t.Data).ToList();
        Assert.True(outside.Count == 0, "Right-to-left text outside <bdi>: " + string.Join(" | ", outside));
    }

    private static bool IsRightToLeft(char c) => c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';
}
