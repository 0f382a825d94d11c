using System.Text;

namespace Portal.Features.Postings;

/// <summary>
/// Turns what a person typed into a query the database accepts: words must all match, "quoted words" match as a
/// phrase. Nothing typed can reach the query syntax: every term goes in as a quoted string.
/// </summary>
public static class FullTextQuery
{
    public const int MaxTerms = 12;

    /// <summary>Null when there is nothing to search for.</summary>
    public static string? For(bool postgres, string? text)
    {
        var terms = Terms(text);
        if (terms.Count == 0)
        {
            return null;
        }

        // PostgreSQL's websearch_to_tsquery reads quotes and words itself and never fails on syntax.
        return postgres
            ? string.Join(' ', terms.Select(t => t.Contains(' ', StringComparison.Ordinal) ? $"\"{t}\"" : t))
            : "(" + string.Join(' ', terms.Select(SqliteTerm)) + ")";
    }

    /// <summary>
    /// SQLite's index also holds facet tokens in a fourth column, and every one of them has a digit (decision 008). A
    /// term without a digit can only ever match words; one with a digit ("A3") is kept to the text columns. Not every
    /// term is: a column filter costs FTS5 a look at every hit's positions.
    /// </summary>
    private static string SqliteTerm(string term)
    {
        var quoted = "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return term.Any(char.IsDigit) ? "{Title Summary Body} : " + quoted : quoted;
    }

    /// <summary>Words and quoted phrases, with everything but letters, digits and inner spaces removed.</summary>
    public static IReadOnlyList<string> Terms(string? text)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return terms;
        }

        var parts = text.Split('"');
        for (var i = 0; i < parts.Length && terms.Count < MaxTerms; i++)
        {
            // Odd-numbered parts were inside quotes.
            var words = parts[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Clean).Where(w => w.Length > 0);
            if (i % 2 == 1)
            {
                var phrase = string.Join(' ', words);
                if (phrase.Length > 0)
                {
                    terms.Add(phrase);
                }
            }
            else
            {
                terms.AddRange(words.Take(MaxTerms - terms.Count));
            }
        }

        return terms;
    }

    private static string Clean(string word)
    {
        var clean = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            clean.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return clean.ToString().Trim().Replace("  ", " ", StringComparison.Ordinal);
    }
}
