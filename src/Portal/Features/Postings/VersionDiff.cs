using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Portal.Features.Postings;

public enum DiffLineKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffLine(DiffLineKind Kind, string Text);

/// <summary>A line-by-line comparison of two versions as people read them: the core fields first, then the text.</summary>
public static class VersionDiff
{
    public static IReadOnlyList<DiffLine> Between(PostingContent older, PostingContent newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var model = new InlineDiffBuilder(new Differ()).BuildDiffModel(Readable(older), Readable(newer), ignoreWhitespace: false);
        return [.. model.Lines.Select(l => new DiffLine(l.Type switch
        {
            ChangeType.Inserted => DiffLineKind.Added,
            ChangeType.Deleted => DiffLineKind.Removed,
            _ => DiffLineKind.Same,
        }, l.Text ?? ""))];
    }

    public static string Readable(PostingContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return string.Join('\n',
            $"Title: {content.Title}",
            $"Summary: {content.Summary}",
            $"CCM areas: {string.Join(", ", content.Areas)}",
            $"Type of assistance: {string.Join(", ", content.AssistanceTypes)}",
            $"Countries: {string.Join(", ", content.Countries)}",
            $"Regions: {string.Join(", ", content.Regions)}",
            $"Indicative budget: {content.Currency} {content.Budget}".TrimEnd(),
            $"Period: {content.Period}",
            $"Contact point: {content.ContactPoint}",
            $"Open to: {content.Visibility.Label()}",
            "",
            content.Body);
    }
}
