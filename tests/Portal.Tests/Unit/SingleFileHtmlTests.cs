using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Portal.Features.Catalogue.Book;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Unit;

public class SingleFileHtmlTests
{
    private static readonly string[] ForbiddenElements = ["script", "noscript", "iframe", "object", "embed", "svg", "math", "link", "base", "form", "frame", "audio", "video", "source"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static IHtmlDocument Parse(byte[] html) => new HtmlParser().ParseDocument(StrictUtf8.GetString(html));

    [Fact]
    public void Build_SampleEdition_IsValidUtf8_WithoutScriptAndWithoutAnyReferenceOutsideTheFile()
    {
        var bytes = SingleFileHtml.Build(SampleBook.Edition());

        var text = StrictUtf8.GetString(bytes);
        var bad = text.Select((c, i) => (c, i)).FirstOrDefault(x => (x.c < ' ' && x.c is not '\t' and not '\n' and not '\r')
            || x.c is >= '\u007F' and <= '\u009F' || x.c is '\uFFFE' or '\uFFFF' || x.c is >= '\uFDD0' and <= '\uFDEF');
        Assert.True(bad == default, $"U+{(int)bad.c:X4} at {bad.i}");
        var document = Parse(bytes);
        Assert.Single(document.QuerySelectorAll("style"));
        Assert.Equal("head", document.QuerySelector("style")!.ParentElement!.LocalName);
        foreach (var element in document.All)
        {
            Assert.DoesNotContain(element.LocalName, ForbiddenElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.Name == "style", $"{attribute.Name}= on <{element.LocalName}>");
            }
        }

        var ids = document.All.Select(e => e.Id).Where(id => id is not null).ToHashSet(StringComparer.Ordinal);
        foreach (var link in document.QuerySelectorAll("[href]"))
        {
            var href = link.GetAttribute("href")!;
            var external = href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith("http://", StringComparison.Ordinal);
            Assert.True(external ? link.Closest(".chapter-body") is not null : href.StartsWith('#') && ids.Contains(href[1..]), $"href=\"{href}\"");
        }

        Assert.All(document.QuerySelectorAll("[src]"), e => Assert.StartsWith("data:image/jpeg;base64,", e.GetAttribute("src"), StringComparison.Ordinal));
    }

    [Fact]
    public void Build_EachChapter_NamesItsAuthorsAndParticipant_AndEachFigureShowsItsImageAndCredit()
    {
        var edition = SampleBook.Edition();
        var document = Parse(SingleFileHtml.Build(edition));

        foreach (var chapter in edition.Chapters)
        {
            var section = document.GetElementById(chapter.Key)!;
            Assert.All(chapter.Members, m => Assert.Contains(EpubXhtml.Clean(ChapterMarkup.AuthorLine(m.Authors)), section.TextContent, StringComparison.Ordinal));
            Assert.Contains(EpubXhtml.Clean(chapter.IsJoint
                ? $"Contributed jointly by {ChapterMarkup.Names(chapter.Members.Select(m => m.Participant))}."
                : $"Contributed by {chapter.Participant}."), section.TextContent, StringComparison.Ordinal);
            foreach (var figure in chapter.Members.SelectMany(m => m.Figures))
            {
                var element = document.GetElementById(figure.Key)!;
                var source = element.QuerySelector("img")!.GetAttribute("src")!;
                Assert.Equal(figure.WebJpeg, Convert.FromBase64String(source["data:image/jpeg;base64,".Length..]));
                Assert.Contains(EpubXhtml.Clean($"Photo: {figure.Credit}"), element.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Build_Contents_LinkToEveryPartAndChapterInOrder()
    {
        var edition = SampleBook.Edition();
        var document = Parse(SingleFileHtml.Build(edition));

        var contents = document.QuerySelector("nav.contents")!;
        var top = contents.QuerySelector("ol")!.Children.Select(li => li.QuerySelector("a")!).ToList();
        Assert.Equal(["Foreword", "Introduction", .. edition.Parts.Select(p => p.Title), "Contributing participants", "Photo credits", "Notice"],
            top.Select(a => a.TextContent));
        var chapterTargets = contents.QuerySelectorAll("ol ol a").Select(a => document.GetElementById(a.GetAttribute("href")![1..])!).ToList();
        Assert.Equal(edition.Chapters.Select(c => EpubXhtml.Clean(c.Title)), chapterTargets.Select(s => s.QuerySelector("h2")!.TextContent));
        Assert.Equal(edition.Chapters.Select(c => c.Key), chapterTargets.Select(s => s.Id));
    }

    [Fact]
    public void Build_HostileChapter_ShowsItsTextAsText()
    {
        var document = Parse(SingleFileHtml.Build(SampleBook.Edition()));

        var chapter = document.GetElementById(SampleBook.HostileKey)!;
        Assert.Equal("<script>alert(1)</script> & ]]> " + new string('\uFFFD', SampleBook.ControlCharacters.Length) + " title", chapter.QuerySelector("h2")!.TextContent);
        Assert.Contains("<svg onload=alert(1)>", chapter.TextContent, StringComparison.Ordinal);
        Assert.Contains(SampleBook.VeryLongWord, chapter.TextContent, StringComparison.Ordinal);
        Assert.Equal("<script>alert(1)</script> & ]]> " + new string('\uFFFD', SampleBook.ControlCharacters.Length) + " title",
            document.QuerySelectorAll("nav.contents a").Single(a => a.GetAttribute("href") == "#" + SampleBook.HostileKey).TextContent);
    }

    [Fact]
    public void Build_SameEditionTwice_GivesTheSameBytes() =>
        Assert.True(SingleFileHtml.Build(SampleBook.Edition()).AsSpan().SequenceEqual(SingleFileHtml.Build(SampleBook.Edition())));
}
