using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Features.Access;
using Portal.Features.Statistics;

namespace Portal.Pages.Statistics;

/// <summary>Figures over the current postings this reader may see, as charts with their tables, and as CSV.</summary>
public sealed class IndexModel(Readers readers, PostingStatistics statistics, InterestStatistics interestStatistics, TimeProvider time) : PageModel
{
    public StatisticsFigures Figures { get; private set; } = null!;

    public InterestFigures Interests { get; private set; } = null!;

    /// <summary>The two totals in one whole sentence for each case.</summary>
    public string InterestSentence => (Interests.Expressed, Interests.ProjectsAgreed) switch
    {
        (0, _) => "No participant has expressed interest in a posting you may see yet.",
        (1, 0) => "1 expression of interest, which has not become a project yet.",
        (1, _) => "1 expression of interest, which became a project agreed.",
        (var n, 0) => $"{n} expressions of interest, none of which has become a project yet.",
        (var n, 1) => $"{n} expressions of interest, of which 1 became a project agreed.",
        (var n, var m) => $"{n} expressions of interest, of which {m} became projects agreed.",
    };

    /// <summary>Whether postings open to States only are counted: not for observers.</summary>
    public bool SeesStatesOnly { get; private set; }

    public async Task OnGetAsync()
    {
        var reader = await readers.CurrentAsync();
        SeesStatesOnly = reader.SeesStatesOnly;
        Figures = await statistics.ForAsync(reader);
        Interests = await interestStatistics.ForAsync(reader);
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var reader = await readers.CurrentAsync();
        var figures = await statistics.ForAsync(reader);
        var interests = await interestStatistics.ForAsync(reader);
        var day = time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return File(StatisticsCsv.Write(figures, interests), "text/csv; charset=utf-8", $"portal-statistics-{day}.csv");
    }
}

/// <summary>One chart with its table: what the partial _Figures shows.</summary>
public sealed record FigureSection(
    string Id, string Heading, string Column, IReadOnlyList<Figure> Figures, string CountColumn = "Postings", string Counted = "current postings");
