using System.Xml.Linq;
using Portal.Features.Catalogue.Book;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Unit;

public class EpubBookTests
{
    private static readonly XNamespace X = EpubReader.Xhtml;

    private static readonly string[] ForbiddenElements = ["script", "iframe", "object", "embed", "svg", "math", "style", "form", "input", "button", "base", "audio", "video", "source", "frame"];

    public static TheoryData<string> Editions => ["sample", "empty", "right-to-left"];

    private static BookEdition EditionNamed(string name) => name switch
    {
        "sample" => SampleBook.Edition(),
        // Names in Arabic and Hebrew are isolated in <bdi> elements, which EPUB 3's XHTML must accept.
        "right-to-left" => SampleBook.Edition() with
        {
            Parts = [new BookPart("Article 5: Victim assistance", [SampleBook.RightToLeft.Chapter(7) with { Joined = [SampleBook.Chapter(8, "Funding", "Norway", figures: 1)] }])],
        },
        _ => SampleBook.Edition() with { Foreword = "", Introduction = " ", Subtitle = "", Parts = [] },
    };

    [Theory]
    [MemberData(nameof(Editions))]
    public async Task Build_Edition_PassesEpubcheckWithoutErrorsOrWarnings(string name)
    {
        var folder = Directory.CreateTempSubdirectory("epubcheck-");
        try
        {
            var file = Path.Combine(folder.FullName, "book.epub");
            await File.WriteAllBytesAsync(file, EpubBook.Build(EditionNamed(name)));

            var messages = await Epubcheck.CheckAsync(file);

            var problems = messages.Where(m => m.Severity is "FATAL" or "ERROR" or "WARNING").ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems.Select(m => $"{m.Severity} {m.Id} {m.Where}: {m.Text}")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Build_SampleEdition_EveryFileParsesAsXmlAndIsInTheManifest()
    {
        var epub = new EpubReader(EpubBook.Build(SampleBook.Edition()));

        var textFiles = epub.Entries.Keys.Where(n => n.EndsWith(".xhtml", StringComparison.Ordinal) || n.EndsWith(".xml", StringComparison.Ordinal)
            || n.EndsWith(".opf", StringComparison.Ordinal) || n.EndsWith(".svg", StringComparison.Ordinal)).ToList();
        Assert.Equal(5 + 3 + 5 + 3, epub.Documents.Count()); // cover, title page, contents, foreword, introduction; parts; chapters; back matter
        foreach (var file in textFiles)
        {
            epub.Parse(file);
        }

        var packaged = epub.Entries.Keys.Except(["mimetype", "META-INF/container.xml", epub.PackagePath]).Order(StringComparer.Ordinal);
        Assert.Equal(packaged, epub.Manifest.Select(i => i.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Build_SameEditionTwice_GivesTheSameBytes_WithTheEditionsTimeOnEveryEntry()
    {
        var first = EpubBook.Build(SampleBook.Edition());
        var second = EpubBook.Build(SampleBook.Edition());

        Assert.True(first.AsSpan().SequenceEqual(second), "Two builds of the same edition differ.");
        var epub = new EpubReader(first);
        var modified = SampleBook.Edition().Modified.UtcDateTime;
        Assert.All(epub.Times.Values, time => Assert.Equal(modified, time.DateTime));
        // mimetype first, stored (method 0), without an extra field, its content right after its name.
        Assert.Equal("mimetype", epub.Entries.Keys.First());
        Assert.Equal([0x50, 0x4B, 0x03, 0x04], first[..4]);
        Assert.Equal(0, BitConverter.ToUInt16(first, 8));
        Assert.Equal(0, BitConverter.ToUInt16(first, 28));
        Assert.Equal("mimetypeapplication/epub+zip", System.Text.Encoding.ASCII.GetString(first, 30, 28));
    }

    [Fact]
    public void Build_HostileChapter_ShowsItsTextAsTextAndReferencesNothingOutsideThePackage()
    {
        var epub = new EpubReader(EpubBook.Build(SampleBook.Edition()));

        foreach (var item in epub.Documents)
        {
            var document = epub.Parse(item.Path);
            foreach (var element in document.Descendants())
            {
                Assert.False(ForbiddenElements.Contains(element.Name.LocalName), $"<{element.Name.LocalName}> in {item.Path}");
                Assert.False(element.Name.LocalName is "link" or "meta" && element.Parent?.Name != X + "head", $"<{element.Name.LocalName}> outside the head of {item.Path}");
                foreach (var attribute in element.Attributes())
                {
                    var attributeName = attribute.Name.LocalName;
                    Assert.False(attributeName.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attributeName == "style", $"{attributeName}= in {item.Path}");
                    if (attributeName is "href" or "src" or "srcset" or "data" or "poster" or "action" or "cite")
                    {
                        AssertResolves(epub, item, element, attribute.Value);
                    }
                }
            }
        }

        var (_, hostile) = epub.DocumentWithId(SampleBook.HostileKey);
        var text = EpubReader.TextOf(hostile.Root!.Element(X + "body")!);
        Assert.Contains("<script>alert(1)</script> & ]]> ", text, StringComparison.Ordinal);
        Assert.Contains("Contributed by Evil & Co <b>bold</b>.", text, StringComparison.Ordinal);
        Assert.Contains("<svg onload=alert(1)>", text, StringComparison.Ordinal);
        Assert.Contains("and ]]> and <![CDATA", text, StringComparison.Ordinal);
        Assert.Contains("and & alone and &amp;", text, StringComparison.Ordinal);
        Assert.Contains(SampleBook.VeryLongWord, text, StringComparison.Ordinal);
        Assert.Contains("\"><script>alert(7)</script>", hostile.Descendants(X + "img").Select(i => i.Attribute("alt")!.Value));
        // Links the contributor may make stay links; nothing else does.
        var links = hostile.Descendants(X + "a").Select(a => a.Attribute("href")!.Value).ToList();
        Assert.Contains("http://evil/", links);
        Assert.Contains("http://evil/pixel.png", links); // an image from elsewhere is offered as a link, never loaded
        Assert.All(links, link => Assert.Matches("^(https?|mailto):", link));
    }

    [Fact]
    public void Build_ControlCharacters_NeverReachTheFiles_AndBecomeReplacementCharacters()
    {
        var epub = new EpubReader(EpubBook.Build(SampleBook.Edition()));

        foreach (var name in epub.Entries.Keys.Where(n => !n.EndsWith(".jpg", StringComparison.Ordinal)))
        {
            var text = epub.Text(name);
            var bad = text.Select((c, i) => (c, i)).FirstOrDefault(x => IsForbidden(x.c));
            Assert.True(bad == default, $"U+{(int)bad.c:X4} at {bad.i} in {name}");
        }

        var (_, hostile) = epub.DocumentWithId(SampleBook.HostileKey);
        var title = EpubReader.TextOf(hostile.Descendants(X + "h1").First());
        Assert.Equal("<script>alert(1)</script> & ]]> " + new string('\uFFFD', SampleBook.ControlCharacters.Length) + " title", title);
        Assert.Contains("a" + new string('\uFFFD', SampleBook.ControlCharacters.Length) + "b", EpubReader.TextOf(hostile.Root!), StringComparison.Ordinal);
    }

    private static bool IsForbidden(char c) =>
        (c < ' ' && c is not '\t' and not '\n' and not '\r') || c is >= '\u007F' and <= '\u009F' || c is '\uFFFE' or '\uFFFF' || c is >= '\uFDD0' and <= '\uFDEF';

    [Fact]
    public void Build_BodyTooLongToFormat_IsShownAsWellFormedText()
    {
        var edition = SampleBook.Edition();
        var longBody = string.Join("\n", Enumerable.Repeat("A line of a contribution written without a blank line & <b>no</b> markup.", 200));
        var chapter = edition.Parts[0].Chapters[0] with { Body = longBody };
        edition = edition with { Parts = [new BookPart("One", [chapter])] };

        var epub = new EpubReader(EpubBook.Build(edition));

        var (_, document) = epub.DocumentWithId(chapter.Key);
        Assert.Equal(199, document.Descendants(X + "br").Count());
        Assert.Contains("& <b>no</b> markup.", EpubReader.TextOf(document.Root!), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Nav_ListsThePartsAndEveryChapterInOrder_AndTheSpineReadsThemSo()
    {
        var edition = SampleBook.Edition();
        var epub = new EpubReader(EpubBook.Build(edition));

        var nav = epub.Parse(epub.Nav.Path);
        var toc = nav.Descendants(X + "nav").Single(n => (string?)n.Attribute(EpubReader.Ops + "type") == "toc");
        var top = toc.Element(X + "ol")!.Elements(X + "li").ToList();
        Assert.Equal(
            ["Foreword", "Introduction", .. edition.Parts.Select(p => p.Title), "Contributing participants", "Photo credits", "Notice"],
            top.Select(li => EpubReader.TextOf(li.Element(X + "a")!)));
        var chapterLinks = top.SelectMany(li => li.Descendants(X + "ol").Elements(X + "li").Select(c => c.Element(X + "a")!)).ToList();
        var clean = edition.Chapters.Select(c => EpubXhtml.Clean(c.Title)).ToList();
        Assert.Equal(clean, chapterLinks.Select(EpubReader.TextOf));
        var chapterFiles = chapterLinks.Select(a => EpubReader.Resolve(epub.Nav.Path, a.Attribute("href")!.Value)).ToList();
        Assert.Equal(clean, chapterFiles.Select(f => EpubReader.TextOf(epub.Parse(f!).Descendants(X + "h1").First())));
        Assert.Equal(chapterFiles, epub.Spine.Select(i => i.Path).Where(chapterFiles.Contains));

        var landmarks = nav.Descendants(X + "nav").Single(n => (string?)n.Attribute(EpubReader.Ops + "type") == "landmarks")
            .Descendants(X + "a").Select(a => (string)a.Attribute(EpubReader.Ops + "type")!);
        Assert.Equal(["cover", "titlepage", "toc", "bodymatter"], landmarks);
        Assert.Equal(["cover", "title-page", "nav"], epub.Spine.Take(3).Select(i => i.Id));
    }

    [Fact]
    public void Build_EachChapter_NamesItsAuthorsAndParticipant_AndEachFigureShowsItsImageAndCredit()
    {
        var edition = SampleBook.Edition();
        var epub = new EpubReader(EpubBook.Build(edition));

        foreach (var chapter in edition.Chapters)
        {
            var (item, document) = epub.DocumentWithId(chapter.Key);
            var text = EpubReader.TextOf(document.Root!);
            Assert.All(chapter.Members, m => Assert.Contains(EpubXhtml.Clean(ChapterMarkup.AuthorLine(m.Authors)), text, StringComparison.Ordinal));
            Assert.Contains(EpubXhtml.Clean(chapter.IsJoint
                ? $"Contributed jointly by {ChapterMarkup.Names(chapter.Members.Select(m => m.Participant))}."
                : $"Contributed by {chapter.Participant}."), text, StringComparison.Ordinal);
            foreach (var figure in chapter.Members.SelectMany(m => m.Figures))
            {
                var element = document.Descendants(X + "figure").Single(f => (string?)f.Attribute("id") == figure.Key);
                var image = EpubReader.Resolve(item.Path, element.Element(X + "img")!.Attribute("src")!.Value)!;
                Assert.Equal(figure.WebJpeg, epub.Entries[image]);
                Assert.Equal("image/jpeg", epub.Manifest.Single(i => i.Path == image).MediaType);
                Assert.Contains(EpubXhtml.Clean($"Photo: {figure.Credit}"), EpubReader.TextOf(element.Element(X + "figcaption")!), StringComparison.Ordinal);
            }
        }

        var (_, credits) = epub.DocumentWithId("photo-credits");
        Assert.Equal(edition.Contributions.Sum(c => c.Figures.Count), credits.Descendants(X + "li").Count());
    }

    [Fact]
    public void Build_PackageMetadata_NamesTheBookItsContributorsAndItsEditionsTime()
    {
        var edition = SampleBook.Edition();
        var epub = new EpubReader(EpubBook.Build(edition));

        var metadata = epub.Package.Root!.Element(EpubReader.Opf + "metadata")!;
        Assert.Equal(edition.Identifier, metadata.Element(EpubReader.Dc + "identifier")!.Value);
        Assert.Equal([edition.Title, edition.Subtitle], metadata.Elements(EpubReader.Dc + "title").Select(t => t.Value));
        Assert.Equal("en", metadata.Element(EpubReader.Dc + "language")!.Value);
        Assert.Equal(edition.Publisher, metadata.Element(EpubReader.Dc + "publisher")!.Value);
        Assert.Equal("2027-06-15", metadata.Element(EpubReader.Dc + "date")!.Value);
        Assert.Equal("2026-12-05T15:30:12Z", metadata.Elements(EpubReader.Opf + "meta").Single(m => (string?)m.Attribute("property") == "dcterms:modified").Value);
        Assert.Equal(edition.Licence, metadata.Element(EpubReader.Dc + "rights")!.Value);

        string RoleOf(XElement contributor) => metadata.Elements(EpubReader.Opf + "meta")
            .Single(m => (string?)m.Attribute("refines") == "#" + contributor.Attribute("id")!.Value && (string?)m.Attribute("property") == "role").Value;
        var contributors = metadata.Elements(EpubReader.Dc + "contributor").Select(c => (c.Value, RoleOf(c))).ToList();
        var authors = edition.Contributions.SelectMany(c => c.Authors).Select(a => EpubXhtml.Clean(a.Name.Trim())).Distinct();
        var participants = edition.Contributions.Select(c => EpubXhtml.Clean(c.Participant)).Distinct();
        Assert.Equal([.. authors.Select(a => (a, "aut")), .. participants.Select(p => (p, "ctb"))], contributors);
        Assert.Equal("cover-image", epub.Manifest.Single(i => i.Properties == "cover-image").Id);
    }

    [Fact]
    public void Build_ToAStreamThatCannotSeek_IsRefused() =>
        Assert.Throws<ArgumentException>(() => EpubBook.Write(SampleBook.Edition(), new ForwardOnlyStream()));

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("a\u0000b\u0001c\u001Fd", "a\uFFFDb\uFFFDc\uFFFDd")]
    [InlineData("tab\tnew\nline\rreturn", "tab\tnew\nline\rreturn")]
    [InlineData("\u007F\u0080\u009F\u00A0", "\uFFFD\uFFFD\uFFFD\u00A0")]
    [InlineData("\uFFFE\uFFFF\uFDD0\uFDEF\uFDF0", "\uFFFD\uFFFD\uFFFD\uFFFD\uFDF0")]
    [InlineData("plane 1 noncharacter \uD83F\uDFFE", "plane 1 noncharacter \uFFFD")]
    public void Clean_ReplacesWhatXmlOrHtmlForbids_AndKeepsEverythingElse(string text, string expected) =>
        Assert.Equal(expected, EpubXhtml.Clean(text));

    // Not theory data: xunit would carry lone surrogates through UTF-8 and turn them into replacement characters first.
    [Fact]
    public void Clean_ReplacesLoneSurrogates_AndKeepsPairs() =>
        Assert.Equal("lone \uFFFD high, lone \uFFFD low, \uFFFD\uFFFD reversed, pair \uD83E\uDD1D",
            EpubXhtml.Clean("lone \uD800 high, lone \uDC00 low, \uDC00\uD800 reversed, pair \uD83E\uDD1D"));

    [Fact]
    public void CoverWrap_BreaksLongWordsAndCutsAfterTheLastLine()
    {
        Assert.Equal(["Good practices in", "cooperation and", "assistance"], EpubCover.Wrap("Good practices in cooperation and assistance", 18, 5));
        Assert.Equal(["abcde", "fghij", "k"], EpubCover.Wrap("abcdefghijk", 5, 5));
        Assert.Equal(["one", "tw…"], EpubCover.Wrap("one two three", 3, 2));
    }

    private static void AssertResolves(EpubReader epub, EpubReader.Item from, XElement element, string reference)
    {
        if (reference.StartsWith("http://", StringComparison.Ordinal) || reference.StartsWith("https://", StringComparison.Ordinal)
            || reference.StartsWith("mailto:", StringComparison.Ordinal))
        {
            Assert.True(element.Name == X + "a" && element.Ancestors(X + "body").Any(), $"{reference} on <{element.Name.LocalName}> in {from.Path}");
            return;
        }

        var path = EpubReader.Resolve(from.Path, reference);
        Assert.True(path is not null && epub.Manifest.Any(i => i.Path == path), $"{reference} in {from.Path} is not a file of the package");
        var fragment = reference.Contains('#', StringComparison.Ordinal) ? reference[(reference.IndexOf('#', StringComparison.Ordinal) + 1)..] : "";
        if (fragment.Length > 0)
        {
            Assert.Contains(epub.Parse(path!).Descendants(), e => (string?)e.Attribute("id") == fragment);
        }
    }

    private sealed class ForwardOnlyStream : MemoryStream
    {
        public override bool CanSeek => false;
    }
}
