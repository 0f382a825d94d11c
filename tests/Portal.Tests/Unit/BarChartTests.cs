using System.Xml.Linq;
using Portal.Features.Statistics;

namespace Portal.Tests.Unit;

public sealed class BarChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Chart_IsOneNamedAndDescribedImage()
    {
        var svg = Render("by_kind", "Postings by kind", [new("Need", 12), new("Offer", 5)]);

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("by_kind-title by_kind-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("Postings by kind", svg.Element(Svg + "title")!.Value);
        Assert.Equal("by_kind-title", (string?)svg.Element(Svg + "title")!.Attribute("id"));
        var desc = svg.Element(Svg + "desc")!;
        Assert.Equal("by_kind-desc", (string?)desc.Attribute("id"));
        Assert.Equal("Each bar is a number. Need: 12. Offer: 5.", desc.Value);
    }

    [Fact]
    public void Chart_ScalesToItsBox_AndHasNoStyleAttribute()
    {
        var svg = Render("c", "Chart", [new("Need", 12)]);

        Assert.Equal("100%", (string?)svg.Attribute("width"));
        Assert.StartsWith($"0 0 {BarChart.Width} ", (string?)svg.Attribute("viewBox"), StringComparison.Ordinal);
        Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Attribute("style") is not null);
    }

    [Fact]
    public void Bars_AreInProportion_TheLongestLeavingRoomForItsCount()
    {
        var svg = Render("c", "Chart", [new("A", 10), new("B", 5), new("C", 0)]);

        var widths = svg.Descendants(Svg + "rect").Select(r => (int)r.Attribute("width")!).ToArray();
        Assert.Equal(3, widths.Length);
        Assert.True(widths[0] < BarChart.Width - 30, "The longest bar leaves room for its count.");
        Assert.Equal(widths[0] / 2.0, widths[1], 1.0);
        Assert.Equal(0, widths[2]);
        var counts = svg.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "count").Select(t => t.Value);
        Assert.Equal(["10", "5", "0"], counts);
        Assert.All(svg.Descendants(Svg + "text"), t => Assert.True((int)t.Attribute("x")! + 20 < BarChart.Width));
    }

    [Fact]
    public void AllZero_OrNoBars_DrawsWithoutDividingByZero()
    {
        Assert.All(Render("c", "Chart", [new("A", 0), new("B", 0)]).Descendants(Svg + "rect"), r => Assert.Equal("0", (string?)r.Attribute("width")));
        Assert.Empty(Render("c", "Chart", []).Descendants(Svg + "rect"));
    }

    [Fact]
    public void UserText_IsEncoded_InLabelsTitleAndDescription()
    {
        const string Hostile = "<script>alert(1)</script> & \"Relief\"";
        var markup = BarChart.Render("c", Hostile, "Each bar is a number.", [new(Hostile, 1)]).Value!;

        Assert.DoesNotContain("<script", markup, StringComparison.Ordinal);
        var svg = XElement.Parse(markup);
        Assert.Empty(svg.Descendants(Svg + "script"));
        Assert.Equal(Hostile, svg.Element(Svg + "title")!.Value);
        Assert.Equal(Hostile, svg.Descendants(Svg + "text").First().Value);
        Assert.Contains(Hostile, svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void LongLabel_IsCutInTheDrawing_ButWholeInTheDescription()
    {
        var name = new string('x', 40) + " Humanitarian Demining Foundation";
        var svg = Render("c", "Chart", [new(name, 3)]);

        var label = svg.Descendants(Svg + "text").First().Value;
        Assert.Equal(BarChart.MaxLabelLength, label.Length);
        Assert.EndsWith("…", label, StringComparison.Ordinal);
        Assert.Contains(name, svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Cut_NeverSplitsACharacterOfTwoUnits()
    {
        var name = new string('x', BarChart.MaxLabelLength - 2) + "😀😀😀";
        var label = Render("c", "Chart", [new(name, 1)]).Descendants(Svg + "text").First().Value;

        Assert.EndsWith("x…", label, StringComparison.Ordinal);
    }

    private static XElement Render(string id, string title, IReadOnlyList<Figure> bars) =>
        XElement.Parse(BarChart.Render(id, title, "Each bar is a number.", bars).Value!);
}
