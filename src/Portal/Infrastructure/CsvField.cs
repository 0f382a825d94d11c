namespace Portal.Infrastructure;

/// <summary>One field of an RFC 4180 CSV file that a spreadsheet opens as text, never as a formula.</summary>
public static class CsvField
{
    /// <summary>
    /// A field that could start a formula (= + - @, tab or carriage return first: OWASP's "CSV injection") gets an
    /// apostrophe in front, and one with a comma, quote or line break is quoted, its quotes doubled.
    /// </summary>
    public static string Write(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
