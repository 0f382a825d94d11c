using System.Diagnostics;
using Microsoft.Playwright;

namespace Portal.Features.Catalogue.Book;

/// <summary>The printed book: the PDF, its page count, and the page each part and chapter starts on.</summary>
/// <remarks><c>Passes</c>: Layouts it took: one without painting, then one or two printed until the contents were true.</remarks>
public sealed record PrintedBook(byte[] Pdf, int Pages, IReadOnlyDictionary<string, int> StartPages, int Passes);

/// <summary>
/// Prints an edition to PDF with headless Chromium, and counts the pages of one chapter for the contribution form.
/// Chromium has no <c>target-counter()</c>, so the contents are numbered from the PDF itself: the document is laid
/// out once without painting (a few seconds for a thousand pages), PdfPig reads where each contents link points,
/// the numbers are written in and the book printed; if the printed links disagree with the numbers, the book is
/// printed again with the new ones, at most <see cref="MaxPasses"/> layouts in all. The numbers sit in a column of
/// fixed width, so the first printing agrees.
/// </summary>
public sealed class PrintBook(PrintBrowser browser, ILogger<PrintBook> logger)
{
    public const int MaxPasses = 3;

    private static readonly PagePdfOptions LayoutPass = new()
    {
        PreferCSSPageSize = true,
        PrintBackground = true,
        Tagged = false,
        Outline = false,
    };

    private static readonly PagePdfOptions Printing = new()
    {
        PreferCSSPageSize = true,
        PrintBackground = true,
        Tagged = true,
        Outline = true,
    };

    // Our own script on our own document (the page's scripts are off): numbers in, layout pass off.
    private const string WriteNumbers = """
        numbers => {
            for (const span of document.querySelectorAll('.toc-page')) {
                span.textContent = String(numbers[span.dataset.for] ?? '');
            }
            document.documentElement.classList.remove('layout-pass');
        }
        """;

    /// <param name="edition">The book's input.</param>
    /// <param name="progress">Told what the printer does next, in a sentence for the editors.</param>
    /// <param name="cancellationToken">Stops the printing.</param>
    public async Task<PrintedBook> PrintAsync(BookEdition edition, Func<string, Task>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edition);
        progress ??= _ => Task.CompletedTask;
        var watch = Stopwatch.StartNew();
        using var folder = PrintFolder.Create();
        var files = WriteFigures(folder, edition.Chapters);
        folder.WriteDocument(PrintHtml.Book(edition, figure => files[figure]));
        var targets = PrintHtml.ContentsTargets(edition);

        var phases = new List<string>();
        void Phase(string name)
        {
            phases.Add($"{name} {watch.ElapsedMilliseconds} ms");
            watch.Restart();
        }

        Phase("files");
        var book = await browser.WithDocumentAsync(folder, async page =>
        {
            Phase("load");
            await progress("Laying out the PDF to find the page each chapter starts on.");
            var layout = await page.PdfAsync(LayoutPass);
            Phase("layout");
            var (_, numbers) = PrintedPdf.Read(layout, targets);
            Phase("read");
            for (var pass = 2; pass <= MaxPasses; pass++)
            {
                await page.EvaluateAsync(WriteNumbers, numbers);
                await progress(pass == 2
                    ? "Printing the PDF with the page numbers in the contents."
                    : "Printing the PDF again: the page numbers in the contents moved.");
                var pdf = await page.PdfAsync(Printing);
                Phase("print");
                var (pages, landed) = PrintedPdf.Read(pdf, targets);
                Phase("read");
                if (targets.All(t => landed[t] == numbers[t]))
                {
                    return new PrintedBook(pdf, pages, landed, pass);
                }

                numbers = landed;
            }

            throw new InvalidOperationException($"The contents' page numbers were still changing after {MaxPasses} layouts.");
        }, cancellationToken);

        Phase("close");
        logger.LogInformation("Printed \"{Title}\": {Pages} pages, {Bytes} bytes, {Passes} layouts ({Phases}).",
            edition.Title, book.Pages, book.Pdf.Length, book.Passes, string.Join(", ", phases));
        return book;
    }

    /// <summary>
    /// The pages <paramref name="chapter"/> takes in the book: laid out alone with the book's stylesheet and its own
    /// named page, as in the book, and counted (chapters start on a new page and no rule depends on the page number).
    /// </summary>
    public async Task<int> CountPagesAsync(BookChapter chapter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chapter);
        using var folder = PrintFolder.Create();
        var files = WriteFigures(folder, [chapter]);
        folder.WriteDocument(PrintHtml.Chapter(chapter, figure => files[figure]));
        return await browser.WithDocumentAsync(folder, async page => PrintedPdf.PageCount(await page.PdfAsync(LayoutPass)), cancellationToken);
    }

    private static Dictionary<BookFigure, string> WriteFigures(PrintFolder folder, IEnumerable<BookChapter> chapters)
    {
        var files = new Dictionary<BookFigure, string>(ReferenceEqualityComparer.Instance);
        foreach (var figure in chapters.SelectMany(c => c.Members).SelectMany(c => c.Figures))
        {
            files[figure] = folder.AddFigure(figure.PrintJpeg);
        }

        return files;
    }
}
