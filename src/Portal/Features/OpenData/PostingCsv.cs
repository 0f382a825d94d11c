using System.Globalization;
using System.Text;
using Portal.Infrastructure;

namespace Portal.Features.OpenData;

/// <summary>
/// The CSV export: RFC 4180 (comma, CRLF, a header row of <see cref="ExportColumns"/>' names), UTF-8 with a byte order
/// mark so that spreadsheets read accented names right. Lists of codes are joined with ";". Text that could start a
/// formula gets an apostrophe in front (<see cref="CsvField"/>). A file cut at <see cref="PostingExport.MaxRows"/> says
/// so in its name: RFC 4180 has no place for a note.
/// </summary>
public static class PostingCsv
{
    public const string MediaType = "text/csv; charset=utf-8; header=present";

    public static byte[] Write(ExportBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var csv = new StringBuilder();
        csv.AppendJoin(',', ExportColumns.All.Select(c => c.Name)).Append("\r\n");
        foreach (var row in batch.Rows)
        {
            csv.AppendJoin(',', ExportColumns.All.Select(c => CsvField.Write(Text(c.Value(row))))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>A value as CSV text, in the forms the JSON export uses too (ISO 8601, invariant numbers).</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        DateOnly day => IsoDate(day),
        DateTimeOffset at => IsoDateTime(at),
        IEnumerable<string> codes => string.Join(';', codes),
        _ => throw new ArgumentException($"An export value of type {value.GetType().Name} has no CSV form.", nameof(value)),
    };

    public static string IsoDate(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>UTC, to the second, with a Z: 2026-12-06T08:55:00Z.</summary>
    public static string IsoDateTime(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
