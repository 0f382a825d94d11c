using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Features.Catalogue.Book;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.PrintSamples;

namespace Portal.Tests.Integration;

/// <summary>
/// The contribution form's page estimate, and the print browser's own guarantees. The counts use the test process's
/// shared print browser; the tests of the browser itself start their own.
/// </summary>
[Collection(PrintingTests.Name)]
// Lays out pages in Chromium and never reads the database: test.sh runs it in the first provider's pass only.
[Trait("Database", "None")]
public sealed class PrintPagesTests : PortalTest
{
    private PrintBook Printer => Factory.Services.GetRequiredService<PrintBook>();

    private PrintBrowser Browser => Factory.Services.GetRequiredService<PrintBrowser>();

    [Fact]
    public async Task CountPages_ChapterMadeToFillPages_CountsThemAndTakesThemInTheBook()
    {
        // Over the ten-page limit of a contribution, where a miscount matters (ContributionPageLimitTests checks the limit).
        const int pages = 11;
        // The fewest paragraphs that reach the count: one paragraph less would take fewer pages.
        var (low, high) = (1, 160);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (await Printer.CountPagesAsync(Contribution(middle)) >= pages)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        var chapter = Contribution(low);
        Assert.Equal(pages, await Printer.CountPagesAsync(chapter));
        Assert.True(await Printer.CountPagesAsync(Contribution(low - 1)) < pages);
        var again = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Printer.CountPagesAsync(chapter)));
        Assert.All(again, count => Assert.Equal(pages, count));

        var book = await Printer.PrintAsync(Edition(new BookPart("Part", [chapter])));
        Assert.Equal(pages, book.StartPages["participants"] - book.StartPages[chapter.Key]);
    }

    [Fact]
    public async Task CountPages_ManyAtOnce_GiveWhatEachGivesAlone()
    {
        var chapters = Enumerable.Range(1, 4).Select(i => Contribution(paragraphs: 8 * i, key: $"c-{i}")).ToList();
        var alone = new List<int>();
        foreach (var chapter in chapters)
        {
            alone.Add(await Printer.CountPagesAsync(chapter));
        }

        var together = await Task.WhenAll(chapters.Concat(chapters).Select(c => Printer.CountPagesAsync(c)));

        Assert.Equal(alone.Concat(alone), together);
        Assert.True(alone.Distinct().Count() == 4, string.Join(", ", alone));
    }

    [Fact]
    public async Task Browser_ThatStopped_IsStartedAgainForTheNextPrint()
    {
        // Stopping the browser of the whole test process would fail the other tests' prints.
        Factory.OwnPrintBrowser = true;
        var chapter = Contribution(paragraphs: 10);
        var before = await Printer.CountPagesAsync(chapter);
        var first = Browser.Current!;

        await first.CloseAsync();
        var after = await Printer.CountPagesAsync(chapter);

        Assert.Equal(before, after);
        Assert.NotSame(first, Browser.Current);
        Assert.True(Browser.Current!.IsConnected);
        Assert.Contains(Factory.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("starting it again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Browser_RefusesEveryRequestButTheFilesOfItsFolder()
    {
        // Its warnings go to the log of the app that started it.
        Factory.OwnPrintBrowser = true;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var network = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        using var folder = PrintFolder.Create();
        var figure = folder.AddFigure(GreyJpeg(40, 30));
        var outside = Path.Combine(Path.GetDirectoryName(folder.Path)!, $"portal-print-outside-{Guid.NewGuid():N}.css");
        await File.WriteAllTextAsync(outside, "body { background: red; }");
        try
        {
            string[] refused =
            [
                network + "/pixel.png", "file:///etc/hostname", new Uri(outside).AbsoluteUri, "https://print.example/font.woff2",
                new Uri(Path.Combine(folder.Path, "figures", "2.jpg")).AbsoluteUri, network + "/frame",
            ];
            folder.WriteDocument($$"""
                <!DOCTYPE html><html><head><title>t</title>
                <link rel="stylesheet" href="{{refused[2]}}"><style>@font-face { font-family: x; src: url({{refused[3]}}); } p { font-family: x; }</style>
                </head><body><p>Text</p><img src="{{figure}}" alt=""><img src="{{refused[0]}}" alt=""><img src="{{refused[1]}}" alt="">
                <img src="figures/2.jpg" alt=""><img src="../{{Path.GetFileName(outside)}}" alt=""><iframe src="{{network}}/frame"></iframe>
                <script src="{{network}}/script.js"></script></body></html>
                """);

            var pages = await Browser.WithDocumentAsync(folder, async page => PrintedPdf.PageCount(await page.PdfAsync()), CancellationToken.None);

            Assert.Equal(1, pages);
            Assert.False(listener.Pending(), "The print document reached the network.");
            var warnings = Factory.Logs.Entries.Where(e => e.Category.EndsWith(nameof(PrintBrowser), StringComparison.Ordinal)).Select(e => e.Message).ToList();
            foreach (var address in refused)
            {
                Assert.Contains(warnings, w => w.Contains(address, StringComparison.Ordinal));
            }

            Assert.DoesNotContain(warnings, w => w.Contains(figure, StringComparison.Ordinal) || w.Contains(PrintFolder.DocumentName, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public async Task CountPages_CancelledByTheCaller_StopsWithCancellation()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Printer.CountPagesAsync(Contribution(10), cancel.Token));
        Assert.True(await Printer.CountPagesAsync(Contribution(10)) > 0);
    }

    /// <summary>A contribution as the form would send it: three photographs, two testimonials, <paramref name="paragraphs"/> paragraphs.</summary>
    private static BookChapter Contribution(int paragraphs, string key = "c-9") =>
        Chapter(key, "Mine risk education in schools", "Lao People's Democratic Republic", Body(paragraphs, seed: 9),
            Figure("f-91", "A lesson in a village school", "Vilay Keomany"),
            Figure("f-92", "Teachers in training", "Ministry of Education", width: 900, height: 1200),
            Figure("f-93", "A poster on a school wall", "UXO Lao", width: 1600, height: 900)) with
        {
            Testimonials =
            [
                new BookTestimonial("The children now tell their parents what not to touch.", "Noy Sithong", "Teacher", "Xieng Khouang"),
                new BookTestimonial("We found two bombs near the school and called the team.", "Khamla Vongsa", "Pupil", "Phonsavan"),
            ],
        };
}
