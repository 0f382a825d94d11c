using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Portal.Features.OpenData;

/// <summary>
/// The JSON export: one object that documents itself. <c>columns</c> names and describes every field (the CSV's columns
/// too), <c>postings</c> holds one object per posting with those fields (lists as arrays, missing values as null),
/// <c>truncated</c> says whether more postings matched than the file holds.
/// </summary>
public static class PostingJson
{
    public const string MediaType = "application/json; charset=utf-8";

    // Accented names stay readable (Bogotá, not Bogot\u00E1); characters HTML gives a meaning (< > & ' ") stay escaped.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    public static byte[] Write(ExportBatch batch, string searchUrl)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = Encoder }))
        {
            json.WriteStartObject();
            json.WriteString("description", "Needs, offers and experiences of the CCM Cooperation Portal that this search found for the reader who downloaded them. The columns are described below and at /Postings/OpenData.");
            json.WriteString("search", searchUrl);
            json.WriteString("generated_at", PostingCsv.IsoDateTime(batch.GeneratedAt));
            json.WriteNumber("count", batch.Rows.Count);
            json.WriteNumber("limit", PostingExport.MaxRows);
            json.WriteBoolean("truncated", batch.IsCut);
            json.WriteStartArray("columns");
            foreach (var column in ExportColumns.All)
            {
                json.WriteStartObject();
                json.WriteString("name", column.Name);
                json.WriteString("type", column.Type);
                json.WriteString("description", column.Description);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("postings");
            foreach (var row in batch.Rows)
            {
                json.WriteStartObject();
                foreach (var column in ExportColumns.All)
                {
                    json.WritePropertyName(column.Name);
                    Value(json, column.Value(row));
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void Value(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case decimal d:
                json.WriteNumberValue(d);
                break;
            case IEnumerable<string> codes when value is not string:
                json.WriteStartArray();
                foreach (var code in codes)
                {
                    json.WriteStringValue(code);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(PostingCsv.Text(value));
                break;
        }
    }
}
