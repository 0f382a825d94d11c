using System.Globalization;
using System.Text;
using Portal.Infrastructure;

namespace Portal.Features.Statistics;

/// <summary>
/// The statistics page's figures as one CSV (RFC 4180, UTF-8 with a byte order mark so that spreadsheets read names
/// right) with the columns <c>figure,label,count</c>. The figures, in this order:
/// <c>postings</c> (one row), <c>by_kind</c>, <c>by_area</c>, <c>by_region</c> (a posting counts once in each of
/// its areas and regions), <c>by_month</c> (label <c>yyyy-MM</c>, month of first publication, UTC), <c>publishers</c>
/// (one row: participants that have published), <c>top_publishers</c> (label: the participant's name), then
/// <c>interests</c> (one row: expressions of interest), <c>projects_agreed</c> (one row) and <c>interests_by_state</c>.
/// </summary>
public static class StatisticsCsv
{
    public const string Header = "figure,label,count";

    public static byte[] Write(StatisticsFigures figures, InterestFigures interests)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(interests);
        var csv = new StringBuilder();
        csv.Append(Header).Append("\r\n");
        Row(csv, "postings", "Current postings", figures.Postings);
        Rows(csv, "by_kind", figures.ByKind);
        Rows(csv, "by_area", figures.ByArea);
        Rows(csv, "by_region", figures.ByRegion);
        Rows(csv, "by_month", figures.ByMonth);
        Row(csv, "publishers", "Participants that have published", figures.Publishers);
        foreach (var publisher in figures.TopPublishers)
        {
            Row(csv, "top_publishers", publisher.Name, publisher.Count);
        }

        Row(csv, "interests", "Expressions of interest", interests.Expressed);
        Row(csv, "projects_agreed", "Projects agreed", interests.ProjectsAgreed);
        Rows(csv, "interests_by_state", interests.ByState);

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>A field a spreadsheet reads as text (participants name themselves): <see cref="CsvField.Write"/>.</summary>
    public static string Field(string value) => CsvField.Write(value);

    private static void Rows(StringBuilder csv, string figure, IEnumerable<Figure> rows)
    {
        foreach (var row in rows)
        {
            Row(csv, figure, row.Label, row.Count);
        }
    }

    private static void Row(StringBuilder csv, string figure, string label, int count) =>
        csv.Append(figure).Append(',').Append(Field(label)).Append(',').Append(count.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
}
