using Portal.Data;

namespace Portal.Features.Participants;

public sealed record StateRow(string Iso3, string M49, string Name, string Region, string Subregion, CcmStatus Status);

/// <summary>Reads Data/Seed/states.csv: '#' comment lines (as_of, source), a header, then one State per line.</summary>
public static class StatesFile
{
    public static string DefaultPath(string contentRoot)
    {
        var path = Path.Combine(contentRoot, "Data", "Seed", "states.csv");
        return File.Exists(path) ? path : Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "states.csv");
    }

    /// <summary>Only the as-of date and source, from the comment lines at the top.</summary>
    public static (string? AsOf, string? Source) Header(string path)
    {
        string? asOf = null, source = null;
        foreach (var line in File.ReadLines(path).TakeWhile(l => l.StartsWith('#')))
        {
            var comment = line[1..].Trim();
            asOf = comment.StartsWith("as_of:", StringComparison.Ordinal) ? comment["as_of:".Length..].Trim() : asOf;
            source = comment.StartsWith("source:", StringComparison.Ordinal) ? comment["source:".Length..].Trim() : source;
        }

        return (asOf, source);
    }

    public static (IReadOnlyList<StateRow> Rows, string? AsOf, string? Source) Read(string path)
    {
        var rows = new List<StateRow>();
        string? asOf = null, source = null;
        var headerSeen = false;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#'))
            {
                var comment = line[1..].Trim();
                if (comment.StartsWith("as_of:", StringComparison.Ordinal))
                {
                    asOf = comment["as_of:".Length..].Trim();
                }
                else if (comment.StartsWith("source:", StringComparison.Ordinal))
                {
                    source = comment["source:".Length..].Trim();
                }

                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!headerSeen)
            {
                headerSeen = true;
                continue;
            }

            var f = SplitCsv(line);
            if (f.Count != 6 || !Enum.TryParse<CcmStatus>(f[5], out var status))
            {
                throw new FormatException($"states.csv: cannot read line '{line}'.");
            }

            rows.Add(new StateRow(f[0], f[1], f[2], f[3], f[4], status));
        }

        return (rows, asOf, source);
    }

    /// <summary>RFC 4180 fields of one line: commas separate, double quotes enclose, "" is a quote.</summary>
    public static IReadOnlyList<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
