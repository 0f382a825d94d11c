// How long the portal takes to write the catalogue's EPUB and single-file HTML, and its inputs' fingerprint, for a
// generated edition of CHAPTERS chapters of about 5,000 words (about 10 pages) with 3 images of about 150 KB each,
// in 8 parts (each image also has a print version of about 260 KB, which only the fingerprint reads). The images are a real 1×1 JPEG padded with comment segments of random bytes to their size: the EPUB
// stores images as they come and the HTML base64-encodes them, so only their size matters here. Prints one line per
// case; with epubcheck installed, also checks the big EPUB.
// Run: dotnet run -c Release bench/epub.cs -- [CHAPTERS] [WORKDIR]
#:project ../src/Portal/Portal.csproj
#:property PublishAot=false
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Portal.Features.Catalogue.Book;

var chapterCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 120;
var work = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "portal-epub-bench");
Directory.CreateDirectory(work);
const int Runs = 5;

var random = new Random(20261205);
string[] vocabulary =
[
    "clearance", "survey", "village", "province", "ministry", "donor", "partner", "training", "team", "capacity",
    "cluster", "munitions", "victims", "assistance", "cooperation", "land", "release", "risk", "education", "community",
    "national", "authority", "programme", "support", "funding", "regional", "exchange", "experience", "results", "the",
    "and", "of", "to", "in", "with", "for", "was", "were", "by", "on", "a", "their", "this", "that", "from", "after",
];

string Sentence()
{
    var words = Enumerable.Range(0, random.Next(12, 24)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray();
    words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
    return string.Join(' ', words) + ".";
}

string Paragraph() => string.Join(' ', Enumerable.Range(0, random.Next(4, 8)).Select(_ => Sentence()));

string Body(int n)
{
    var body = new StringBuilder();
    foreach (var heading in new[] { "Context", "What was done", "Results", "Lessons learned" })
    {
        body.Append("## ").Append(heading).Append("\n\n");
        for (var p = 0; p < 13; p++)
        {
            body.Append(Paragraph()).Append("\n\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"- {Sentence()}\n- {Sentence()}\n- See [the report](https://example.org/reports/{n}).\n\n");
    }

    body.Append(CultureInfo.InvariantCulture, $"| year | hectares | people |\n|--:|--:|--:|\n| 2024 | {n * 3} | {n * 40} |\n| 2025 | {n * 4} | {n * 55} |\n");
    return body.ToString();
}

byte[] Image(int n, int size)
{
    byte[] tiny =
    [
        0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x43, 0x00, .. Enumerable.Repeat((byte)1, 64),
        0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
        0xFF, 0xC4, 0x00, 0x14, 0x00, 0x01, .. new byte[15], 0x00,
        0xFF, 0xC4, 0x00, 0x14, 0x10, 0x01, .. new byte[15], 0x00,
        0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x3F, 0xFF, 0xD9,
    ];
    var image = new List<byte>(size) { 0xFF, 0xD8 };
    while (image.Count + tiny.Length < size)
    {
        var payload = new byte[Math.Min(65_000, size - image.Count - tiny.Length)];
        new Random(n * 1000 + image.Count).NextBytes(payload);
        image.AddRange([0xFF, 0xFE, (byte)((payload.Length + 2) >> 8), (byte)((payload.Length + 2) & 0xFF), .. payload]);
    }

    image.AddRange(tiny[2..]);
    return [.. image];
}

var chapters = Enumerable.Range(1, chapterCount).Select(n => new BookChapter(
    $"c-{n}",
    $"Chapter {n}: {Sentence().TrimEnd('.')}",
    $"Participant {n % 40}",
    [new BookAuthor($"Author {n}A", "Programme officer", "Mine Action Centre"), new BookAuthor($"Author {n}B", "Adviser", "Ministry")],
    "Article 4; Article 6",
    "2022–2025",
    Body(n),
    [new BookTestimonial(Paragraph(), $"Person {n}", "Deminer", "Province"), new BookTestimonial(Paragraph(), $"Person {n}b", "Nurse", "Capital")],
    [.. Enumerable.Range(1, 3).Select(f => new BookFigure($"f-{n}-{f}", Sentence(), $"Photographer {n}.{f}", Sentence(),
        Image((n * 3) + f + 1_000_000, 260_000), 1800, 1200, Image((n * 3) + f, 150_000), 900, 600))])).ToList();
var edition = new BookEdition(
    "urn:uuid:00000000-0000-5000-8000-000000000000", "Good practices in cooperation and assistance", "Benchmark edition",
    "States Parties to the Convention on Cluster Munitions", new DateOnly(2027, 6, 15), new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero),
    Paragraph(), Paragraph(), "Reproduce freely with attribution.", false,
    [.. chapters.Chunk((chapterCount + 7) / 8).Select((part, i) => new BookPart($"Part {i + 1}", part))]);
var words = edition.Chapters.Sum(c => c.Body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"edition: {chapterCount} chapters, {words / chapterCount:N0} words per chapter body, {chapterCount * 3} images of {150_000:N0} bytes"));

var epubFile = Path.Combine(work, "book.epub");
var htmlFile = Path.Combine(work, "book.html");
Time("EPUB (EpubBook.Write to a file)", () =>
{
    using var file = File.Create(epubFile);
    EpubBook.Write(edition, file);
}, () => new FileInfo(epubFile).Length);
Time("single-file HTML (SingleFileHtml.Write to a file)", () =>
{
    using var file = File.Create(htmlFile);
    SingleFileHtml.Write(edition, file);
}, () => new FileInfo(htmlFile).Length);
Time("fingerprint (BookFingerprint.Of)", () => BookFingerprint.Of(edition), () => 0);

if (File.Exists("/usr/bin/epubcheck"))
{
    var watch = Stopwatch.StartNew();
    var check = Process.Start(new ProcessStartInfo("java", ["-jar", "/usr/bin/epubcheck", epubFile]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
    var output = check.StandardOutput.ReadToEndAsync();
    var errors = await check.StandardError.ReadToEndAsync();
    await check.WaitForExitAsync();
    var summary = (await output + errors).Split('\n').FirstOrDefault(l => l.StartsWith("Messages:", StringComparison.Ordinal)) ?? "no summary";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epubcheck on it: {summary.Trim()} ({watch.ElapsedMilliseconds:N0} ms)"));
}

static void Time(string name, Action build, Func<long> size)
{
    var watch = Stopwatch.StartNew();
    build();
    var cold = watch.Elapsed.TotalMilliseconds;
    var warm = new List<double>();
    for (var i = 0; i < Runs; i++)
    {
        watch.Restart();
        build();
        warm.Add(watch.Elapsed.TotalMilliseconds);
    }

    warm.Sort();
    var bytes = size();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: first {cold:N0} ms, then median {warm[Runs / 2]:N0} ms (min {warm[0]:N0}, max {warm[^1]:N0}){(bytes > 0 ? $", {bytes / 1e6:N1} MB" : "")}"));
}
