using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Features.Access;
using Portal.Features.Statistics;

namespace Portal.Pages.Statistics;

/// <summary>Figures over the current postings this reader may see, as charts with their tables, and as CSV.</summary>
public sealed class IndexModel(Readers readers, PostingStatistics statistics, TimeProvider time) : PageModel
{
    public StatisticsFigures Figures { get; private set; } = null!;

    /// <summary>Whether postings open to States only are counted: not for observers.</summary>
    public bool SeesStatesOnly { get; private set; }

    public async Task OnGetAsync()
    {
        var reader = await readers.CurrentAsync();
        SeesStatesOnly = reader.SeesStatesOnly;
        Figures = await statistics.ForAsync(reader);
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var figures = await statistics.ForAsync(await readers.CurrentAsync());
        var day = time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return File(StatisticsCsv.Write(figures), "text/csv; charset=utf-8", $"portal-statistics-{day}.csv");
    }
}

/// <summary>One chart with its table: what the partial _Figures shows.</summary>
public sealed record FigureSection(string Id, string Heading, string Column, IReadOnlyList<Figure> Figures);
