using System.Globalization;
using System.Text;

namespace Portal.Features.Catalogue.Book;

/// <summary>
/// The cover: an SVG image of the title, subtitle, publisher and date (reading systems show it in their library)
/// and the page that shows it first in the book. Lines are broken here, at fixed lengths, so the image is the same
/// for the same edition wherever it is built.
/// </summary>
internal static class EpubCover
{
    public const string ImageHref = "cover.svg";

    private const int Width = 1200;
    private const int Height = 1800;
    private const int Margin = 100;

    public static string Page(BookEdition edition) =>
        $"<section class=\"cover\" id=\"cover\">\n<img src=\"{ImageHref}\" alt=\"{ChapterMarkup.Encode(edition.Title)}\" />\n</section>\n";

    public static string Image(BookEdition edition)
    {
        var svg = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{Width}" height="{Height}" viewBox="0 0 {Width} {Height}">
            <title>{ChapterMarkup.Encode(edition.Title)}</title>
            <rect width="{Width}" height="{Height}" fill="#1d3557" />
            <rect x="{Margin}" y="300" width="{Width - (2 * Margin)}" height="8" fill="#e9c46a" />

            """));
        // Average glyph widths of a serif face, so that lines fit the 1,000 units between the margins.
        var y = AppendLines(svg, edition.Title, y: 440, fontSize: 88, lineHeight: 106, charactersPerLine: 22, maxLines: 7, "#ffffff");
        AppendLines(svg, edition.Subtitle, y + 40, fontSize: 44, lineHeight: 58, charactersPerLine: 44, maxLines: 6, "#f1faee");
        var publisherY = AppendLines(svg, edition.Publisher, 1560, fontSize: 40, lineHeight: 52, charactersPerLine: 50, maxLines: 2, "#e9c46a");
        AppendLines(svg, edition.PublicationDate.ToString("MMMM yyyy", CultureInfo.InvariantCulture), publisherY + 10,
            fontSize: 40, lineHeight: 52, charactersPerLine: 50, maxLines: 1, "#e9c46a");
        return EpubXhtml.Clean(svg.Append("</svg>\n").ToString());
    }

    /// <returns>Where the next line would start.</returns>
    private static int AppendLines(StringBuilder svg, string text, int y, int fontSize, int lineHeight, int charactersPerLine, int maxLines, string colour)
    {
        var lines = Wrap(text, charactersPerLine, maxLines);
        if (lines.Count == 0)
        {
            return y;
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text font-family=\"Georgia, 'Times New Roman', serif\" font-size=\"{fontSize}\" fill=\"{colour}\">\n");
        foreach (var line in lines)
        {
            y += lineHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<tspan x=\"{Margin}\" y=\"{y - lineHeight}\">{ChapterMarkup.Encode(line)}</tspan>\n");
        }

        svg.Append("</text>\n");
        return y;
    }

    /// <summary>Greedy word wrap by text elements (a letter with its accents, an emoji); longer words are cut.</summary>
    internal static List<string> Wrap(string text, int charactersPerLine, int maxLines)
    {
        var lines = new List<string>();
        var line = new List<string>();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = TextElements(word);
            for (var start = 0; start < letters.Count; start += charactersPerLine)
            {
                var piece = letters.Skip(start).Take(charactersPerLine).ToList();
                var needed = line.Count == 0 ? piece.Count : line.Count + 1 + piece.Count;
                if (needed > charactersPerLine)
                {
                    lines.Add(string.Concat(line));
                    line.Clear();
                }

                if (line.Count > 0)
                {
                    line.Add(" ");
                }

                line.AddRange(piece);
            }
        }

        if (line.Count > 0)
        {
            lines.Add(string.Concat(line));
        }

        if (lines.Count > maxLines)
        {
            lines = lines.Take(maxLines).ToList();
            var last = TextElements(lines[^1]);
            lines[^1] = string.Concat(last.Take(charactersPerLine - 1)) + "…";
        }

        return lines;
    }

    private static List<string> TextElements(string text)
    {
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return elements;
    }
}
