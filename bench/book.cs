// The catalogue benchmark's book, for bench/book.sh: CHAPTERS accepted contributions of about 10 pages with 3
// photographs and 2 testimonials each, grouped in 8 parts. Writes the photographs (once; later runs reuse them) and the
// same content as Markdown for pandoc, then times the portal's PDF build (cold: browser start included; then warm)
// and the contribution form's page estimate.
// Run: dotnet run -c Release bench/book.cs -- WORKDIR [CHAPTERS]
#:project ../src/Portal/Portal.csproj
#:property PublishAot=false
#:property JsonSerializerIsReflectionEnabledByDefault=true
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Portal.Features.Catalogue.Book;

var work = args.Length > 0 ? args[0] : throw new ArgumentException("Give a work folder.");
var chapterCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 120;
var figuresFolder = Path.Combine(work, "figures");
Directory.CreateDirectory(figuresFolder);
const int Width = 1800, Height = 1200;

// Photographs: fractal noise rendered by Chromium and saved as JPEG (quality 85), about 260 KB each like a
// re-encoded photograph at print size; each one different, so that none is shared in the PDF.
var figureFiles = Enumerable.Range(1, chapterCount * 3).Select(n => Path.Combine(figuresFolder, $"{n}.jpg")).ToList();
var missing = figureFiles.Where(f => !File.Exists(f)).ToList();
if (missing.Count > 0)
{
    Console.WriteLine($"Making {missing.Count} photographs (once) ...");
    using var playwright = await Playwright.CreateAsync();
    await using var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    var painter = await chromium.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = Width, Height = Height } });
    foreach (var file in missing)
    {
        var n = int.Parse(Path.GetFileNameWithoutExtension(file), CultureInfo.InvariantCulture);
        await painter.SetContentAsync($$"""
            <html><body style="margin:0"><svg width="{{Width}}" height="{{Height}}" xmlns="http://www.w3.org/2000/svg">
            <filter id="a"><feTurbulence type="fractalNoise" baseFrequency="{{(0.003 + n % 7 * 0.0015).ToString(CultureInfo.InvariantCulture)}}" numOctaves="6" seed="{{n}}"/>
            <feColorMatrix type="hueRotate" values="{{n * 37 % 360}}"/></filter><rect width="100%" height="100%" filter="url(#a)"/>
            <filter id="b"><feTurbulence type="turbulence" baseFrequency="0.08" numOctaves="3" seed="{{n + 1000}}"/>
            <feComponentTransfer><feFuncA type="linear" slope="0.35"/></feComponentTransfer></filter><rect width="100%" height="100%" filter="url(#b)"/>
            </svg></body></html>
            """);
        await File.WriteAllBytesAsync(file, await painter.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Jpeg, Quality = 85 }));
    }
}

var photos = figureFiles.Select(File.ReadAllBytes).ToList();
Console.WriteLine($"Photographs: {photos.Count}, {photos.Sum(p => (long)p.Length) / 1024 / 1024} MB, {Width}×{Height}");

string[] words = ("cooperation assistance clearance survey munitions victims education risk capacity national authority support "
    + "partners training equipment local communities results lessons province district operators funding teams land release "
    + "quality management records medical rehabilitation schools villages agreement donors ministry mapping").Split(' ');
string[] participants = ["Lao People's Democratic Republic", "Lebanon", "Iraq", "Germany", "Norway", "Switzerland", "Chile", "Croatia",
    "Mozambique", "Afghanistan", "Bosnia and Herzegovina", "Colombia", "Montenegro", "Ireland", "Japan", "Australia"];
string[] parts = ["Article 3: Stockpile destruction", "Article 4: Clearance and risk reduction", "Article 5: Victim assistance",
    "Article 6: International cooperation and assistance", "Article 7: Transparency measures", "Article 9: National implementation measures",
    "Article 21: Relations with States not party", "Cross-cutting: national ownership"];
string[] headings = ["Context", "What was done", "Results", "Lessons learned"];

string Body(int paragraphs, int seed)
{
    var random = new Random(seed);
    var body = new StringBuilder();
    for (var i = 0; i < paragraphs; i++)
    {
        if (i % (paragraphs / 4) == 0 && i / (paragraphs / 4) < 4)
        {
            body.Append("## ").Append(headings[i / (paragraphs / 4)]).Append("\n\n");
        }

        body.Append("The");
        var count = random.Next(50, 110);
        for (var w = 0; w < count; w++)
        {
            body.Append(' ').Append(words[random.Next(words.Length)]).Append(w % 17 == 16 ? ". The" : "");
        }

        body.Append(random.Next(6) == 0 ? " (see [the report](https://www.clusterconvention.org/)).\n\n" : ".\n\n");
    }

    return body.ToString();
}

BookChapter Contribution(int n, int paragraphs) => new(
    $"c-{n}", $"Practice {n}: {words[n % words.Length]} and {words[(n * 7) % words.Length]} in the {words[(n * 3) % words.Length]} sector",
    participants[n % participants.Length],
    [new BookAuthor($"Author {n}a", "Programme officer", "National Mine Action Authority"), new BookAuthor($"Author {n}b", "Adviser", "Ministry of Foreign Affairs")],
    "Article 4, Article 6", "2019–2023", Body(paragraphs, n),
    [
        new BookTestimonial("The clearance gave our village its fields back, and the children a safe way to school.", $"Witness {n}", "Farmer", "A village"),
        new BookTestimonial("Working with the partners taught us to plan the survey from the community's needs.", $"Officer {n}", "Team leader", "A province"),
    ],
    [.. Enumerable.Range(0, 3).Select(f => new BookFigure($"f-{n}-{f}", $"Photograph {f + 1} of practice {n}", $"Photographer {n}.{f + 1}",
        "A photograph of the work", photos[(n - 1) * 3 + f], Width, Height, photos[(n - 1) * 3 + f], Width, Height))]);

await using var browser = new PrintBrowser(Options.Create(new PrintOptions()), NullLogger<PrintBrowser>.Instance);
var printer = new PrintBook(browser, NullLogger<PrintBook>.Instance);
var loggedPrinter = new PrintBook(browser, LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true)).CreateLogger<PrintBook>());

// About 10 pages: the fewest paragraphs with which the first contribution reaches 10 laid-out pages.
var watch = Stopwatch.StartNew();
var (low, high) = (8, 200);
while (low < high)
{
    var middle = (low + high) / 2;
    if (await printer.CountPagesAsync(Contribution(1, middle)) >= 10) { high = middle; } else { low = middle + 1; }
}

Console.WriteLine($"Browser start and calibration: {watch.ElapsedMilliseconds} ms; {low} paragraphs make 10 pages");
var chapters = Enumerable.Range(1, chapterCount).Select(n => Contribution(n, low)).ToList();
var edition = new BookEdition("urn:uuid:00000000-0000-4000-8000-000000000120", "Good practices in cooperation and assistance",
    "Contributions of the States Parties", "Implementation Support Unit", new DateOnly(2027, 6, 1), new DateTimeOffset(2027, 5, 2, 10, 0, 0, TimeSpan.Zero),
    Body(8, 0), Body(8, 1), "This publication may be reproduced freely with attribution.", false,
    [.. parts.Select((title, p) => new BookPart(title, [.. chapters.Where((_, i) => i * parts.Length / chapters.Count == p)]))]);

// The same content as Markdown for pandoc: parts as level 1, chapters as level 2, the body's headings below them.
var markdown = new StringBuilder($"---\ntitle: \"{edition.Title}\"\nsubtitle: \"{edition.Subtitle}\"\nlang: en\n---\n\n# Foreword\n\n{edition.Foreword}\n# Introduction\n\n{edition.Introduction}\n");
foreach (var part in edition.Parts)
{
    markdown.Append(CultureInfo.InvariantCulture, $"# {part.Title}\n\n");
    foreach (var chapter in part.Chapters)
    {
        markdown.Append(CultureInfo.InvariantCulture, $"## {chapter.Title}\n\n*{ChapterMarkup.AuthorLine(chapter.Authors)}*\n\nContributed by {chapter.Participant}.\n\n")
            .Append(chapter.Body.Replace("## ", "### ", StringComparison.Ordinal));
        foreach (var testimonial in chapter.Testimonials)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"> {testimonial.Quote}\n>\n> — {testimonial.Person}, {testimonial.Role}, {testimonial.Place}\n\n");
        }

        foreach (var figure in chapter.Figures)
        {
            var file = figureFiles[photos.IndexOf(figure.PrintJpeg)];
            markdown.Append(CultureInfo.InvariantCulture, $"![{figure.Caption}. Photo: {figure.Credit}](figures/{Path.GetFileName(file)})\n\n");
        }
    }
}

markdown.Append("# Licence\n\n").Append(edition.Licence).Append('\n');
await File.WriteAllTextAsync(Path.Combine(work, "book.md"), markdown.ToString());

// Our PDF: the first build starts its own browser (cold), the next ones reuse it (warm), as in the running portal.
var cold = new PrintBrowser(Options.Create(new PrintOptions()), NullLogger<PrintBrowser>.Instance);
watch.Restart();
using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
var book = await new PrintBook(cold, logging.CreateLogger<PrintBook>()).PrintAsync(edition);
var coldMs = watch.ElapsedMilliseconds;
await cold.DisposeAsync();
await File.WriteAllBytesAsync(Path.Combine(work, "portal.pdf"), book.Pdf);
var warm = new List<long>();
for (var i = 0; i < 2; i++)
{
    watch.Restart();
    await loggedPrinter.PrintAsync(edition);
    warm.Add(watch.ElapsedMilliseconds);
}

var pagesPerChapter = chapters.Select(c => book.StartPages.Values.Where(p => p > book.StartPages[c.Key]).Min() - book.StartPages[c.Key]).ToList();
Console.WriteLine($"RESULT portal-pdf-cold {coldMs} ms, {book.Pages} pages, {book.Pdf.Length / 1024 / 1024} MB, {book.Passes} layouts");
Console.WriteLine($"RESULT portal-pdf-warm {string.Join(" / ", warm)} ms");
Console.WriteLine($"Contributions: {chapters.Count}, {pagesPerChapter.Min()}–{pagesPerChapter.Max()} pages each (mean {pagesPerChapter.Average():0.0})");

// The page estimate of a 10-page contribution with 3 photographs, warm: alone, then 4 at once.
var estimate = new List<long>();
for (var i = 0; i < 10; i++)
{
    watch.Restart();
    await printer.CountPagesAsync(chapters[0]);
    estimate.Add(watch.ElapsedMilliseconds);
}

estimate.Sort();
watch.Restart();
await Task.WhenAll(Enumerable.Range(0, 4).Select(i => printer.CountPagesAsync(chapters[i])));
Console.WriteLine($"RESULT estimate {estimate[estimate.Count / 2]} ms median of 10 (min {estimate[0]}, max {estimate[^1]}); 4 at once {watch.ElapsedMilliseconds} ms; {await printer.CountPagesAsync(chapters[0])} pages");

// The rest of a full build, as CatalogueBuilds runs it after the PDF: the inputs' fingerprint, the EPUB with the web
// edition taken from it, the one-file HTML. Storing the files in the database is not timed here.
watch.Restart();
var fingerprint = BookFingerprint.Of(edition);
var fingerprintMs = watch.ElapsedMilliseconds;
watch.Restart();
var (epub, webEdition) = EpubBook.BuildWithWebEdition(edition);
var epubMs = watch.ElapsedMilliseconds;
watch.Restart();
var html = SingleFileHtml.Build(edition);
var htmlMs = watch.ElapsedMilliseconds;
await File.WriteAllBytesAsync(Path.Combine(work, "portal.epub"), epub);
var rest = fingerprintMs + epubMs + htmlMs;
Console.WriteLine($"RESULT portal-epub {epubMs} ms with the web edition ({webEdition.Count} files), {epub.Length / 1024 / 1024} MB; html {htmlMs} ms, {html.Length / 1024 / 1024} MB; fingerprint {fingerprintMs} ms ({fingerprint[..12]}…)");
Console.WriteLine($"RESULT portal-full-build cold {coldMs + rest} ms, warm {warm.Min() + rest} ms (PDF, EPUB with web edition, HTML, fingerprint; not the database)");
