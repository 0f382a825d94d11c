using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Logging;
using Portal.Features.Catalogue.Book;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;
using static Portal.Tests.Infrastructure.PrintSamples;

namespace Portal.Tests.Integration;

/// <summary>The printed book read back with poppler and PdfPig, as a reader and a printer would see it.</summary>
[Collection(PrintingTests.Name)]
// Lays out pages in Chromium and never reads the database: test.sh runs it in the first provider's pass only.
[Trait("Database", "None")]
public sealed class PrintBookTests(PrintBookFixture fixture) : IClassFixture<PrintBookFixture>
{
    private BookEdition Edition => fixture.Edition;

    private PrintedBook Book => fixture.Book;

    [Fact]
    public async Task Pdf_IsA4TaggedWithOutlineAndEveryPage()
    {
        var info = await PopplerAsync("pdfinfo", fixture.PdfFile);

        Assert.Matches(@"(?m)^Tagged:\s+yes$", info);
        Assert.Matches(@"(?m)^Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)$", info);
        Assert.Equal(Book.Pages, int.Parse(Regex.Match(info, @"(?m)^Pages:\s+(\d+)$").Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.InRange(Book.Pages, 15, 60);
        Assert.Equal(2, Book.Passes);

        using var document = PdfDocument.Open(Book.Pdf);
        Assert.True(document.TryGetBookmarks(out var bookmarks));
        var titles = bookmarks.GetNodes().Select(n => Flat(n.Title)).ToList();
        foreach (var part in Edition.Parts)
        {
            Assert.Contains(part.Title, titles);
        }

        foreach (var chapter in Edition.Chapters.Where(c => c.Key != "c-2"))
        {
            var node = Assert.Single(bookmarks.GetNodes(), n => Flat(n.Title) == chapter.Title);
            Assert.Equal(Book.StartPages[chapter.Key], Assert.IsType<DocumentBookmarkNode>(node).PageNumber);
        }
    }

    [Fact]
    public async Task Pdf_ShowsEveryChapterTitleAuthorLineAndCreditInTheBooksOrder()
    {
        var firstChapter = Book.StartPages[Edition.Chapters.First().Key];
        var text = Flat(await TextAsync(fixture.PdfFile, firstChapter, Book.Pages));

        var position = 0;
        foreach (var chapter in Edition.Chapters)
        {
            // A joint chapter names both participants under its title, then each account under its participant's name.
            string[] expected =
            [
                Flat(chapter.Title),
                .. chapter.IsJoint ? [$"Contributed jointly by {ChapterMarkup.Names(chapter.Members.Select(m => m.Participant))}."] : Array.Empty<string>(),
                .. chapter.Members.SelectMany(member => (string[])
                [
                    .. chapter.IsJoint ? [Flat(member.Participant)] : Array.Empty<string>(),
                    ChapterMarkup.AuthorLine(member.Authors),
                    .. chapter.IsJoint ? Array.Empty<string>() : [$"Contributed by {member.Participant}."],
                    .. member.Figures.SelectMany(f => new[] { Flat(f.Caption), $"Photo: {f.Credit}" }),
                ]),
            ];
            foreach (var words in expected)
            {
                var found = text.IndexOf(words, position, StringComparison.Ordinal);
                Assert.True(found >= 0, $"\"{words}\" (chapter {chapter.Key}) is missing or out of order.");
                position = found + words.Length;
            }
        }

        foreach (var figure in Edition.Contributions.SelectMany(c => c.Figures))
        {
            Assert.Contains(figure.Credit, text[position..], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Contents_NumberEachChapterWithThePageItsTitleIsPrintedOn()
    {
        var firstPart = Book.StartPages["part_1"];
        var contents = await TextAsync(fixture.PdfFile, 1, firstPart - 1, layout: true);
        var checkedChapters = 0;
        foreach (var chapter in Edition.Chapters.Where(c => c.Key != "c-2"))
        {
            var line = Assert.Single(contents.Split('\n'), l => l.Contains(chapter.Title, StringComparison.Ordinal));
            var printed = int.Parse(Regex.Match(line, @"(\d+)\s*$").Groups[1].Value, CultureInfo.InvariantCulture);

            // The first page after the contents that shows the title is the number printed for it, and its footer says so.
            var page = firstPart;
            while (!Flat(await TextAsync(fixture.PdfFile, page, page)).Contains(chapter.Title, StringComparison.Ordinal))
            {
                page++;
            }

            Assert.Equal(printed, page);
            var lines = (await TextAsync(fixture.PdfFile, page, page)).Split('\n').Select(l => l.Trim('\f', ' ')).Where(l => l.Length > 0);
            Assert.Equal(printed.ToString(CultureInfo.InvariantCulture), lines.Last());
            checkedChapters++;
        }

        Assert.Equal(4, checkedChapters);
    }

    [Fact]
    public async Task RunningHeader_CarriesTheChapterTitleOnItsFollowingPages()
    {
        foreach (var chapter in Edition.Chapters)
        {
            var second = Book.StartPages[chapter.Key] + 1;
            var header = (await TextAsync(fixture.PdfFile, second, second)).Split('\n')[0];
            Assert.Equal(PrintCss.Shorten(chapter.Title), header.Trim());
        }
    }

    [Fact]
    public async Task HostileChapter_IsPrintedAsTextAndReachesNoFileNorNetwork()
    {
        var start = Book.StartPages["c-2"];
        var text = Flat(await TextAsync(fixture.PdfFile, start, Book.StartPages["part_2"] - 1));

        Assert.Contains("\"; } @page { content: \"x</style><script>alert(1)</script> \\ end line", text, StringComparison.Ordinal);
        Assert.Contains("By <script>alert(2)</script> (\"; } body { display: none, </style>).", text, StringComparison.Ordinal);
        Assert.Contains("Contributed by <img src=x onerror=alert(1)>.", text, StringComparison.Ordinal);
        Assert.Contains("</blockquote><script>alert(3)</script>", text, StringComparison.Ordinal);
        Assert.Contains("</figcaption><script>alert(4)</script>", text, StringComparison.Ordinal);
        Assert.Contains("Photo: Credit </style> \\ \"x\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", text, StringComparison.Ordinal);

        Assert.Equal(0, fixture.Connections);
        Assert.DoesNotContain(fixture.Factory.Logs.Entries, e => e.Level >= LogLevel.Warning && e.Category.Contains("Print", StringComparison.Ordinal));
    }

    [Fact]
    public void PrintHtml_HasOneStyleOfOursAndNothingThatRunsOrLoads()
    {
        var html = PrintHtml.Book(Edition, figure => "figures/" + figure.Key + ".jpg");
        var document = new HtmlParser().ParseDocument(html);

        var style = Assert.Single(document.QuerySelectorAll("style"));
        Assert.Equal("HEAD", style.ParentElement?.TagName);
        Assert.StartsWith(PrintCss.Stylesheet, style.TextContent.TrimStart('\n'), StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed, link, meta[http-equiv], base, form, svg"));
        Assert.Equal(Edition.Chapters.Count(), document.QuerySelectorAll("section.chapter").Length);
        Assert.Equal(PrintCss.Shorten(PrintBookFixture.HostileTitle), Flat(document.QuerySelector("#c-2 .chapter-title")!.TextContent));
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal) || a.Name == "style");
        }

        var figures = Edition.Contributions.SelectMany(c => c.Figures).Select(f => "figures/" + f.Key + ".jpg").ToList();
        Assert.Equal(figures, document.QuerySelectorAll("img").Select(i => i.GetAttribute("src")));
        Assert.All(document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!),
            href => Assert.Matches("^(#[a-z0-9_-]+|https?://|mailto:)", href));
    }

    [Fact]
    public async Task Fonts_AreAllEmbedded()
    {
        var fonts = (await PopplerAsync("pdffonts", fixture.PdfFile)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();

        Assert.NotEmpty(fonts);
        Assert.All(fonts, row => Assert.Matches(@"\s(yes|no)\s+yes\s+(yes|no)\s+\d+\s+\d+$", row));
        Assert.Contains(fonts, row => row.Contains("LiberationSerif", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CountPages_OfEachChapter_IsThePagesItTakesInTheBook()
    {
        var chapters = Edition.Chapters.ToList();
        for (var i = 0; i < chapters.Count; i++)
        {
            var end = i + 1 < chapters.Count
                ? Book.StartPages.Where(p => p.Value > Book.StartPages[chapters[i].Key]).Min(p => p.Value)
                : Book.StartPages["participants"];
            Assert.Equal(end - Book.StartPages[chapters[i].Key], await fixture.Printer.CountPagesAsync(chapters[i]));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PrintingTests
{
    /// <summary>The print tests share the machine's two cores: one class at a time.</summary>
    public const string Name = "Printing";
}
