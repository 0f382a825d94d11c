using System.Diagnostics;
using System.Globalization;
using System.Text;
using Portal.Features.Catalogue.Book;

namespace Portal.Tests.Infrastructure;

/// <summary>Editions, chapters and photographs for the print tests, built in code, and poppler's tools to read the PDF.</summary>
public static class PrintSamples
{
    private static readonly string[] Words =
        ("cooperation assistance clearance survey munitions victims education risk capacity national authority support "
        + "partners training equipment local communities results lessons province district operators funding teams "
        + "land release quality management records medical rehabilitation schools villages agreement").Split(' ');

    /// <summary>
    /// A grey baseline JPEG of any size: every 8×8 block has a DC difference of 0 and ends at once, which the one-code
    /// Huffman tables write as two zero bits (the structure of <see cref="SampleFiles.Jpeg"/>).
    /// </summary>
    public static byte[] GreyJpeg(int width, int height)
    {
        var blocks = ((width + 7) / 8) * ((height + 7) / 8);
        var bits = blocks * 2;
        var data = new byte[(bits + 7) / 8];
        if (bits % 8 != 0)
        {
            data[^1] = (byte)(0xFF >> (bits % 8));
        }

        byte[] start = [0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x43, 0x00];
        byte[] frame = [0xFF, 0xC0, 0x00, 0x0B, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x01, 0x01, 0x11, 0x00];
        byte[] dcTable = [0xFF, 0xC4, 0x00, 0x14, 0x00, 0x01, .. new byte[15], 0x00];
        byte[] acTable = [0xFF, 0xC4, 0x00, 0x14, 0x10, 0x01, .. new byte[15], 0x00];
        byte[] scan = [0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00];
        return [.. start, .. Enumerable.Repeat((byte)1, 64), .. frame, .. dcTable, .. acTable, .. scan, .. data, 0xFF, 0xD9];
    }

    public static BookFigure Figure(string key, string caption, string credit, int width = 1200, int height = 800) =>
        new(key, caption, credit, "A photograph: " + caption, GreyJpeg(width, height), width, height,
            GreyJpeg(width / 2, height / 2), width / 2, height / 2);

    /// <summary>Markdown under the suggested headings, <paramref name="paragraphs"/> paragraphs of plain words (the same words for the same seed).</summary>
    public static string Body(int paragraphs, int seed)
    {
        var random = new Random(seed);
        string[] headings = ["Context", "What was done", "Results", "Lessons learned"];
        var body = new StringBuilder();
        for (var i = 0; i < paragraphs; i++)
        {
            if (i % Math.Max(1, paragraphs / 4) == 0 && i / Math.Max(1, paragraphs / 4) < headings.Length)
            {
                body.Append("## ").Append(headings[i / Math.Max(1, paragraphs / 4)]).Append("\n\n");
            }

            body.Append(Paragraph(random)).Append("\n\n");
        }

        return body.ToString();
    }

    public static string Paragraph(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var text = new StringBuilder("The");
        var count = random.Next(50, 110);
        for (var w = 0; w < count; w++)
        {
            text.Append(' ').Append(Words[random.Next(Words.Length)]);
            if (w % 17 == 16)
            {
                text.Append(". The");
            }
        }

        return text.Append('.').ToString();
    }

    public static BookChapter Chapter(string key, string title, string participant, string body, params BookFigure[] figures) =>
        new(key, title, participant, [new BookAuthor("Ana Silva", "Programme officer", "Mine Action Centre")],
            "Article 4", "2019–2023", body, [], figures);

    public static BookEdition Edition(params BookPart[] parts) =>
        new("urn:uuid:00000000-0000-4000-8000-000000000011", "Good practices in cooperation and assistance",
            "Contributions of the States Parties", "Implementation Support Unit", new DateOnly(2027, 6, 1),
            new DateTimeOffset(2027, 5, 2, 10, 0, 0, TimeSpan.Zero), "The editors thank every contributor.\n\nThis is the foreword.",
            "An introduction to the practices.", "Free to reproduce with attribution.", ForObservers: false, parts);

    /// <summary>Runs a poppler tool (pdfinfo, pdftotext, pdffonts) and returns what it printed.</summary>
    public static async Task<string> PopplerAsync(string tool, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        }) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} failed: {await error}");
        return await output;
    }

    /// <summary>The text of pages <paramref name="first"/> to <paramref name="last"/>, as pdftotext reads it.</summary>
    public static Task<string> TextAsync(string pdfFile, int first, int last, bool layout = false) =>
        PopplerAsync("pdftotext", [.. layout ? ["-layout"] : Array.Empty<string>(), "-enc", "UTF-8",
            "-f", first.ToString(CultureInfo.InvariantCulture), "-l", last.ToString(CultureInfo.InvariantCulture), pdfFile, "-"]);

    /// <summary>Words separated by single spaces, as a reader sees them whatever the line breaks.</summary>
    public static string Flat(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
