using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Features.Postings;

/// <summary>
/// The few lines a search result shows under its title: words of the text a reader sees on the posting (never its
/// Markdown), with the words the search matched marked. The database decides which words matched (its stemming and
/// prefixes differ by provider); this only finds them again in the plain text and picks the window around them.
/// </summary>
public static partial class SearchSnippet
{
    /// <summary>How many words a snippet shows at most.</summary>
    public const int Words = 30;

    /// <summary>The database's markers around a matched word in highlighted text.</summary>
    public const char Open = '\u0002';

    public const char Close = '\u0003';

    // Words a person would count: letters, digits and the marks that join them inside one word.
    private const string Separator = "·";

    [GeneratedRegex(@"[\p{L}\p{N}\p{M}]+")]
    private static partial Regex Token();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Word();

    /// <summary>
    /// The matched words in text the database highlighted with <see cref="Open"/> and <see cref="Close"/>, lower case.
    /// A marked stretch with several words in it ("mine-risk") gives each of them.
    /// </summary>
    public static IReadOnlySet<string> MarkedTerms(string highlighted)
    {
        ArgumentNullException.ThrowIfNull(highlighted);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var start = highlighted.IndexOf(Open, StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = highlighted.IndexOf(Close, start + 1);
            var stretch = end < 0 ? highlighted[(start + 1)..] : highlighted[(start + 1)..end];
            foreach (Match token in Token().Matches(stretch))
            {
                terms.Add(token.Value.ToLowerInvariant());
            }

            start = end < 0 ? -1 : highlighted.IndexOf(Open, end + 1);
        }

        return terms;
    }

    /// <summary>
    /// HTML for the snippet: at most <see cref="Words"/> words of <paramref name="plainText"/>, taken where most of the
    /// distinct <paramref name="terms"/> stand together (the first such place), with "…" where text was left out.
    /// Every word whose letters equal a term, case aside, is wrapped in &lt;mark&gt;; everything else is encoded.
    /// </summary>
    public static string Html(string plainText, IReadOnlySet<string> terms)
    {
        ArgumentNullException.ThrowIfNull(plainText);
        ArgumentNullException.ThrowIfNull(terms);
        var words = Word().Matches(OneLine(plainText)).Select(m => m.Value).ToList();
        if (words.Count == 0)
        {
            return "";
        }

        var hits = words.Select(w => Token().Matches(w).Select(t => t.Value.ToLowerInvariant()).Where(terms.Contains).ToList()).ToList();
        var start = BestStart(hits);
        var end = Math.Min(words.Count, start + Words);
        // A separator never opens or closes the window.
        start += start > 0 && start < end && words[start] == Separator ? 1 : 0;
        end -= end < words.Count && end > start && words[end - 1] == Separator ? 1 : 0;

        var html = new StringBuilder();
        if (start > 0)
        {
            html.Append("… ");
        }

        for (var i = start; i < end; i++)
        {
            if (i > start)
            {
                html.Append(' ');
            }

            AppendWord(html, words[i], terms);
        }

        if (end < words.Count)
        {
            html.Append(" …");
        }

        return html.ToString();
    }

    /// <summary>
    /// The start of the window with the most distinct terms, then the most matched words. Windows begin a few words
    /// before a matched word, so that the reader sees what leads up to it, or at the start when the word is early.
    /// </summary>
    private static int BestStart(List<List<string>> hits)
    {
        const int lead = 4;
        var best = 0;
        var bestScore = (Distinct: 0, Count: 0);
        for (var h = 0; h < hits.Count; h++)
        {
            if (hits[h].Count == 0)
            {
                continue;
            }

            var start = h < Words / 2 ? 0 : h - lead;
            var window = hits.Skip(start).Take(Words).SelectMany(t => t).ToList();
            var score = (Distinct: window.Distinct(StringComparer.Ordinal).Count(), window.Count);
            if (score.Distinct > bestScore.Distinct || (score.Distinct == bestScore.Distinct && score.Count > bestScore.Count))
            {
                (best, bestScore) = (start, score);
            }
        }

        return best;
    }

    private static void AppendWord(StringBuilder html, string word, IReadOnlySet<string> terms)
    {
        var at = 0;
        foreach (Match token in Token().Matches(word))
        {
            if (!terms.Contains(token.Value.ToLowerInvariant()))
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(word[at..token.Index]))
                .Append("<mark>").Append(WebUtility.HtmlEncode(token.Value)).Append("</mark>");
            at = token.Index + token.Length;
        }

        html.Append(WebUtility.HtmlEncode(word[at..]));
    }

    /// <summary>
    /// The text's lines on one line. A line that ends a sentence is followed by a space; one that does not (a heading,
    /// a list item, a table row) by a middle dot, so that "Contact" and the paragraph under it do not read as one phrase.
    /// </summary>
    private static string OneLine(string text)
    {
        var line = new StringBuilder(text.Length);
        foreach (var part in text.Split('\n'))
        {
            var trimmed = part.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (line.Length > 0)
            {
                line.Append(".!?:;…".Contains(line[^1], StringComparison.Ordinal) ? " " : $" {Separator} ");
            }

            foreach (var c in trimmed)
            {
                line.Append(char.IsControl(c) ? ' ' : c);
            }
        }

        return line.ToString();
    }
}
