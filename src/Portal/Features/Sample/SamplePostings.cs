using Portal.Data;

namespace Portal.Features.Sample;

/// <summary>One fictional posting for sample mode; dates are relative to the day the sample data is loaded.</summary>
public sealed record SamplePosting(
    string ParticipantCode, PostingKind Kind, string Title, string Summary, CcmAreas Areas, AssistanceTypes AssistanceTypes,
    string[] Countries, Regions ChosenRegions, decimal? Budget, string? Currency, string? Period, string ContactPoint,
    Visibility Visibility, int PublishedDaysAgo, int ValidForDays, string Body)
{
    /// <summary>The file it was read from, for messages.</summary>
    public string Source { get; init; } = "";

    /// <summary>An offer's application deadline, in days from the day the sample data is loaded (Geneva time); null for none.</summary>
    public int? ApplicationDeadlineInDays { get; init; }
}

/// <summary>
/// Fictional needs, offers and experiences so that lists, filters, matching and reminders have something to show.
/// Places are real, projects and figures are invented; contacts use the reserved .test domain. Each posting is a
/// Markdown file under <c>Data/Seed/sample/postings</c> (see <c>Data/Seed/sample.md</c>): a JSON header between
/// "---" lines, then the body. Files are published in the order of their names; SamplePostingsTests guard the
/// data's invariants.
/// </summary>
public static class SamplePostings
{
    private static readonly Lazy<IReadOnlyList<SamplePosting>> Shipped = new(() => Load(SampleSeed.DefaultDirectory));

    public static IReadOnlyList<SamplePosting> All => Shipped.Value;

    public static IReadOnlyList<SamplePosting> Load(string directory)
    {
        var folder = Path.Combine(directory, "postings");
        if (!Directory.Exists(folder))
        {
            throw new InvalidDataException($"Sample data: the folder {folder} is missing.");
        }

        return [.. Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal).Select(Read)];
    }

    /// <summary>The JSON header's fields; those with a default may be left out.</summary>
    private sealed record Header(
        string Participant, PostingKind Kind, string Title, string Summary, string[] Areas, string[] AssistanceTypes,
        string ContactPoint, Visibility Visibility, int PublishedDaysAgo, int ValidForDays,
        string[]? Countries = null, string[]? Regions = null, decimal? Budget = null, string? Currency = null, string? Period = null,
        int? ApplicationDeadlineInDays = null);

    private static SamplePosting Read(string path)
    {
        var file = Path.Combine("postings", Path.GetFileName(path));
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var end = text.StartsWith("---\n", StringComparison.Ordinal) ? text.IndexOf("\n---\n", 3, StringComparison.Ordinal) : -1;
        if (end < 0)
        {
            throw SampleSeed.Invalid(file, "it must start with a JSON header between two lines of \"---\", then the body in Markdown.");
        }

        var header = SampleSeed.Read<Header>(text[4..end], file, firstLine: 2);
        var body = text[(end + 5)..].Trim();
        foreach (var (field, value) in new[] { ("participant", header.Participant), ("title", header.Title), ("summary", header.Summary), ("contactPoint", header.ContactPoint), ("body", body) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw SampleSeed.Invalid(file, $"\"{field}\" is empty.");
            }
        }

        if (header.Budget is null != header.Currency is null)
        {
            throw SampleSeed.Invalid(file, "\"budget\" and \"currency\" go together: give both or neither.");
        }

        if (header.PublishedDaysAgo < 0 || header.ValidForDays <= 0)
        {
            throw SampleSeed.Invalid(file, "\"publishedDaysAgo\" cannot be negative and \"validForDays\" must be at least 1.");
        }

        if (header.ApplicationDeadlineInDays is { } days
            && (header.Kind != PostingKind.Offer || days < 0 || days >= header.ValidForDays - header.PublishedDaysAgo))
        {
            throw SampleSeed.Invalid(file, "\"applicationDeadlineInDays\" is for offers only, and falls between the start and the last day the offer is valid.");
        }

        return new SamplePosting(
            header.Participant, header.Kind, header.Title, header.Summary,
            SampleSeed.Flags<CcmAreas>(header.Areas, file, "areas"),
            SampleSeed.Flags<AssistanceTypes>(header.AssistanceTypes, file, "assistanceTypes"),
            header.Countries ?? [], SampleSeed.Flags<Regions>(header.Regions, file, "regions"),
            header.Budget, header.Currency, header.Period, header.ContactPoint, header.Visibility,
            header.PublishedDaysAgo, header.ValidForDays, body)
        { Source = file, ApplicationDeadlineInDays = header.ApplicationDeadlineInDays };
    }
}
