using Portal.Features.Versions;

namespace Portal.Tests.Unit;

/// <summary>The comparison the versions and sign-off pages show: whole lines, and the changed words of a replaced line.</summary>
public sealed class TextDiffTests
{
    [Fact]
    public void ReplacedLine_IsShownRemovedThenAdded_WithOnlyTheChangedWordsMarked()
    {
        var lines = TextDiff.Between("## Results\n\nTeams cleared 1,200 hectares.\n\nFarmland returned to use.", "## Results\n\nTeams cleared 1,250 hectares of farmland.\n\nFarmland returned to use.");

        Assert.Equal(
            [(DiffLineKind.Same, "## Results"), (DiffLineKind.Same, ""), (DiffLineKind.Removed, "Teams cleared 1,200 hectares."), (DiffLineKind.Added, "Teams cleared 1,250 hectares of farmland."), (DiffLineKind.Same, ""), (DiffLineKind.Same, "Farmland returned to use.")],
            lines.Select(l => (l.Kind, l.Text)));
        Assert.Equal(["200"], lines[2].Words!.Where(w => w.Changed).Select(w => w.Text));
        Assert.Equal(["250", " of farmland"], lines[3].Words!.Where(w => w.Changed).Select(w => w.Text));
        Assert.All(lines.Where(l => l.Words is not null), l => Assert.Equal(l.Text, string.Concat(l.Words!.Select(w => w.Text))));
    }

    [Fact]
    public void LinesOnlyOneSideHas_AreShownWholeWithoutWordMarks()
    {
        var lines = TextDiff.Between("one\ntwo", "one\ntwo\nthree");

        Assert.Equal([(DiffLineKind.Same, "one"), (DiffLineKind.Same, "two"), (DiffLineKind.Added, "three")], lines.Select(l => (l.Kind, l.Text)));
        Assert.All(lines, l => Assert.Null(l.Words));
        Assert.Equal([(DiffLineKind.Removed, "gone")], TextDiff.Between("gone", "").Where(l => l.Kind != DiffLineKind.Same).Select(l => (l.Kind, l.Text)));
    }

    [Fact]
    public void IdenticalTexts_HaveNoChangedLine()
    {
        Assert.All(TextDiff.Between("a\n\nb", "a\n\nb"), l => Assert.Equal(DiffLineKind.Same, l.Kind));
    }

    [Fact]
    public void PlainText_MarksChangedLines_KeepsTwoLinesAround_AndElidesTheRest()
    {
        var older = string.Join('\n', Enumerable.Range(1, 12).Select(i => $"line {i}"));
        var newer = older.Replace("line 6", "line six", StringComparison.Ordinal);

        var text = TextDiff.AsPlainText(TextDiff.Between(older, newer));

        Assert.Equal("  …\n  line 4\n  line 5\n- line 6\n+ line six\n  line 7\n  line 8\n  …\n", text);
    }
}
