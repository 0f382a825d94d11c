using System.Globalization;
using System.Net;
using System.Text;

namespace Portal.Features.Postings;

/// <summary>
/// The few lines a search result shows under its title: words of the text a reader sees on the posting (never its
/// Markdown), with the words the search matched marked. The database decides which words matched (its stemming and
/// prefixes differ by provider); this only finds them again in the plain text and picks the window around them.
/// One pass over the text, without regular expressions: a page builds twenty of these from whole bodies.
/// </summary>
public static class SearchSnippet
{
    /// <summary>How many words a snippet shows at most.</summary>
    public const int Words = 30;

    /// <summary>The database's markers around a matched word in highlighted text.</summary>
    public const char Open = '\u0002';

    public const char Close = '\u0003';

    private const string Separator = "·";

    // How many words a window shows before its first matched word, when that word is not near the start.
    private const int Lead = 4;

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
            var stop = end < 0 ? highlighted.Length : end;
            for (var at = start + 1; NextToken(highlighted, ref at, stop, out var token);)
            {
                terms.Add(highlighted[token..at].ToLowerInvariant());
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
        var text = OneLine(plainText);
        var lookup = new HashSet<string>(terms, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        // Most tokens cannot be a term: their first letter says so without hashing them.
        var initials = new HashSet<char>(terms.Where(t => t.Length > 0).SelectMany(t => new[] { char.ToLowerInvariant(t[0]), char.ToUpperInvariant(t[0]) }));

        // Every word (a run without spaces), and each matched word's index with the term it matched.
        var words = new List<(int Start, int End)>();
        var hits = new List<(int Word, string Term)>();
        for (var at = 0; at < text.Length;)
        {
            if (text[at] == ' ')
            {
                at++;
                continue;
            }

            var start = at;
            at = text.IndexOf(' ', start);
            at = at < 0 ? text.Length : at;
            for (var t = start; NextToken(text, ref t, at, out var token);)
            {
                if (initials.Contains(text[token]) && lookup.TryGetValue(text.AsSpan(token, t - token), out var term))
                {
                    hits.Add((words.Count, term));
                }
            }

            words.Add((start, at));
        }

        if (words.Count == 0)
        {
            return "";
        }

        var first = BestStart(hits);
        var last = Math.Min(words.Count, first + Words);
        // A separator never opens or closes the window.
        first += first > 0 && first < last && IsSeparator(text, words[first]) ? 1 : 0;
        last -= last < words.Count && last > first && IsSeparator(text, words[last - 1]) ? 1 : 0;

        var html = new StringBuilder();
        html.Append(first > 0 ? "… " : "");
        for (var i = first; i < last; i++)
        {
            html.Append(i > first ? " " : "");
            AppendWord(html, text, words[i], lookup);
        }

        return html.Append(last < words.Count ? " …" : "").ToString();
    }

    /// <summary>
    /// The first word of the window with the most distinct terms, then the most matched words. Windows begin a few
    /// words before a matched word, so that the reader sees what leads up to it, or at the start when the word is early.
    /// </summary>
    private static int BestStart(List<(int Word, string Term)> hits)
    {
        var best = 0;
        var bestScore = (Distinct: 0, Count: 0);
        var distinct = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var k = 0; k < hits.Count; k++)
        {
            if (k > 0 && hits[k].Word == hits[k - 1].Word)
            {
                continue;
            }

            var start = hits[k].Word < Words / 2 ? 0 : hits[k].Word - Lead;
            distinct.Clear();
            var count = 0;
            for (var h = k; h < hits.Count && hits[h].Word < start + Words; h++)
            {
                distinct.Add(hits[h].Term);
                count++;
            }

            if (distinct.Count > bestScore.Distinct || (distinct.Count == bestScore.Distinct && count > bestScore.Count))
            {
                (best, bestScore) = (start, (distinct.Count, count));
            }
        }

        return best;
    }

    private static void AppendWord(StringBuilder html, string text, (int Start, int End) word, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> terms)
    {
        var at = word.Start;
        for (var t = word.Start; NextToken(text, ref t, word.End, out var token);)
        {
            if (terms.Contains(text.AsSpan(token, t - token)))
            {
                html.Append(WebUtility.HtmlEncode(text[at..token])).Append("<mark>")
                    .Append(WebUtility.HtmlEncode(text[token..t])).Append("</mark>");
                at = t;
            }
        }

        html.Append(WebUtility.HtmlEncode(text[at..word.End]));
    }

    /// <summary>
    /// Finds the next token at or after <paramref name="at"/> and before <paramref name="end"/>: a run of letters,
    /// digits and the marks that join them, the words a person would count. On return <paramref name="at"/> is the
    /// token's end.
    /// </summary>
    private static bool NextToken(string text, ref int at, int end, out int start)
    {
        while (at < end && !IsTokenChar(text[at]))
        {
            at++;
        }

        start = at;
        while (at < end && IsTokenChar(text[at]))
        {
            at++;
        }

        return at > start;
    }

    private static bool IsTokenChar(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };

    private static bool IsSeparator(string text, (int Start, int End) word) =>
        text.AsSpan(word.Start, word.End - word.Start).SequenceEqual(Separator);

    /// <summary>
    /// The text's lines on one line, every run of white space one space. A line that ends a sentence is followed by a
    /// space; one that does not (a heading, a list item, a table row) by a middle dot, so that "Contact" and the
    /// paragraph under it do not read as one phrase.
    /// </summary>
    private static string OneLine(string text)
    {
        var line = new StringBuilder(text.Length);
        foreach (var part in text.Split('\n'))
        {
            var trimmed = part.AsSpan().Trim();
            if (trimmed.IsEmpty)
            {
                continue;
            }

            if (line.Length > 0)
            {
                line.Append(".!?:;…".Contains(line[^1], StringComparison.Ordinal) ? " " : $" {Separator} ");
            }

            foreach (var c in trimmed)
            {
                var space = char.IsWhiteSpace(c) || char.IsControl(c);
                if (!space || line[^1] != ' ')
                {
                    line.Append(space ? ' ' : c);
                }
            }
        }

        return line.ToString();
    }
}
