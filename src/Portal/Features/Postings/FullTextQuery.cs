using System.Text;

namespace Portal.Features.Postings;

/// <summary>
/// Turns what a person typed into a query the database accepts: words must all match, "quoted words" match as a
/// phrase, and a word of <see cref="MinPrefix"/> letters or more also matches the words it begins ("physio" finds
/// "physiotherapists"; both databases stem the beginning as they stem a word, so "education" still finds "educational").
/// Nothing typed can reach the query syntax: a term holds only letters, digits and inner spaces, and goes in quoted.
/// </summary>
public static class FullTextQuery
{
    public const int MaxTerms = 12;

    /// <summary>Shorter words match whole words only: "a" or "mi" would be the beginning of half the index.</summary>
    public const int MinPrefix = 3;

    /// <summary>Null when there is nothing to search for.</summary>
    public static string? For(bool postgres, string? text)
    {
        var terms = Terms(text);
        if (terms.Count == 0)
        {
            return null;
        }

        return postgres
            ? string.Join(" & ", terms.Select(PostgresTerm))
            : "(" + string.Join(' ', terms.Select(SqliteTerm)) + ")";
    }

    private static bool IsPrefix(string term) => term.Length >= MinPrefix && !term.Contains(' ', StringComparison.Ordinal);

    /// <summary>
    /// For to_tsquery: each word quoted (a term has no quote, and nothing it holds is an operator), a phrase's words
    /// joined by "followed by", a word long enough marked as a beginning (":*"). A stop word ("the") drops out, as it did
    /// with websearch_to_tsquery.
    /// </summary>
    private static string PostgresTerm(string term) => IsPrefix(term)
        ? $"'{term}':*"
        : string.Join(" <-> ", term.Split(' ').Select(word => $"'{word}'"));

    /// <summary>
    /// SQLite's index also holds facet tokens in a fourth column, and every one of them has a digit (decision 008). A
    /// whole word without a digit can only ever match words; one with a digit ("A3") is kept to the text columns. So is
    /// a beginning that could begin a facet token: those with letters before their digits begin with "c" (countries) or
    /// "k" (kinds), and a word that does not start with an ASCII letter may be folded into one. Not every term is: a
    /// column filter costs FTS5 a look at every hit's positions.
    /// </summary>
    private static string SqliteTerm(string term)
    {
        var quoted = "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (IsPrefix(term) ? " *" : "");
        var mayMeetFacet = term.Any(char.IsDigit)
            || (IsPrefix(term) && (!char.IsAsciiLetter(term[0]) || char.ToLowerInvariant(term[0]) is 'c' or 'k'));
        return mayMeetFacet ? "{Title Summary Body} : " + quoted : quoted;
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

        // One space between words however many signs stood between them: an empty word would be an empty term, which
        // to_tsquery refuses.
        return string.Join(' ', clean.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
