using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace Portal.Features.Statistics;

/// <summary>
/// A horizontal bar chart as inline SVG, drawn on the server: no script, no style attribute (the CSP forbids both;
/// colours are classes in site.css). Each bar's label stands above it and its count after it, so the chart reads at
/// a phone's width; the viewBox scales it to its box. It is one image to assistive technology, named by its
/// <c>title</c> and described by its <c>desc</c>; the page shows the same numbers as a table.
/// </summary>
public static class BarChart
{
    public const int Width = 400;

    private const int LabelHeight = 18;
    private const int BarHeight = 18;
    private const int RowGap = 10;
    private const int RowHeight = LabelHeight + BarHeight + RowGap;

    /// <summary>Room after the longest bar for its count.</summary>
    private const int CountRoom = 48;

    /// <summary>Longer labels are cut in the drawing (the table beside it has them whole).</summary>
    public const int MaxLabelLength = 48;

    // Every letter kept as itself (names in Arabic stay readable in the source); markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <param name="id">Unique on the page: the title and description get <c>{id}-title</c> and <c>{id}-desc</c>.</param>
    /// <param name="title">What the chart shows, as its accessible name.</param>
    /// <param name="description">A sentence that says what the bars are; the values follow it.</param>
    /// <param name="bars">In the order they are drawn, top to bottom.</param>
    public static HtmlString Render(string id, string title, string description, IReadOnlyList<Figure> bars)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(bars);
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Count);
        var height = Math.Max(bars.Count * RowHeight, RowHeight);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"bar-chart\" role=\"img\" aria-labelledby=\"{E(id)}-title {E(id)}-desc\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{E(id)}-title\">{E(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{E(id)}-desc\">{E(Describe(description, bars))}</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var top = i * RowHeight;
            var length = max == 0 ? 0 : (int)Math.Round((double)bar.Count / max * (Width - CountRoom));
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"0\" y=\"{top + LabelHeight - 5}\">{E(Cut(bar.Label))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"0\" y=\"{top + LabelHeight}\" width=\"{length}\" height=\"{BarHeight}\"></rect>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"count\" x=\"{length + 6}\" y=\"{top + LabelHeight + BarHeight - 4}\">{bar.Count.ToString(CultureInfo.InvariantCulture)}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>"Postings by kind. Need: 12. Offer: 5."</summary>
    private static string Describe(string description, IReadOnlyList<Figure> bars) =>
        string.Join(" ", [description, .. bars.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Label}: {b.Count}."))]);

    private static string Cut(string label)
    {
        if (label.Length <= MaxLabelLength)
        {
            return label;
        }

        // Never half of a character written with two UTF-16 units.
        var keep = char.IsHighSurrogate(label[MaxLabelLength - 2]) ? MaxLabelLength - 2 : MaxLabelLength - 1;
        return string.Concat(label.AsSpan(0, keep).TrimEnd(), "…");
    }

    private static string E(string text) => Encoder.Encode(text);
}
