using System.Text.RegularExpressions;

namespace Portal.Features.Postings;

/// <summary>
/// A posting's text read as headed sections, to tell what is still the template: the template's guidance lines
/// (never content) and headings with nothing written under them. Reads lines as CommonMark does for ATX headings
/// ("## Title") and fenced code (a "#" inside a fence is text), which is all the template uses.
/// </summary>
public static partial class BodySections
{
    /// <summary>The text without the template's guidance lines (an earlier template put them in italics under each heading).</summary>
    public static string WithoutGuidance(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!body.Contains('*', StringComparison.Ordinal))
        {
            return body;
        }

        var lines = body.Split('\n');
        var kept = new List<string>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (PostingTemplates.GuidanceLines.Contains(lines[i].Trim()))
            {
                // The blank line that separated it goes with it.
                i += i + 1 < lines.Length && lines[i + 1].Trim().Length == 0 ? 1 : 0;
                continue;
            }

            kept.Add(lines[i]);
        }

        return kept.Count == lines.Length ? body : string.Join('\n', kept);
    }

    /// <summary>
    /// The headings, in order, under which nothing is written but the template's guidance: no text down to the next
    /// heading of the same or a higher level (a subsection with text counts as text).
    /// </summary>
    public static IReadOnlyList<string> Unfinished(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var open = new List<(int Level, string Title, bool HasText, int Order)>();
        var unfinished = new List<(string Title, int Order)>();
        char? fence = null;
        var order = 0;

        void Close(int level)
        {
            while (open.Count > 0 && open[^1].Level >= level)
            {
                if (!open[^1].HasText && open[^1].Title.Length > 0)
                {
                    unfinished.Add((open[^1].Title, open[^1].Order));
                }

                open.RemoveAt(open.Count - 1);
            }
        }

        foreach (var line in body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var trimmed = line.Trim();
            if (fence is null && Heading().Match(line) is { Success: true } heading)
            {
                var level = heading.Groups["marks"].Length;
                Close(level);
                open.Add((level, heading.Groups["title"].Value.Trim(), false, order++));
                continue;
            }

            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed[0];
            }
            else if (fence is char f && trimmed.StartsWith(new string(f, 3), StringComparison.Ordinal))
            {
                fence = null;
            }

            if (trimmed.Length > 0 && !PostingTemplates.GuidanceLines.Contains(trimmed))
            {
                // Text under a subheading is text of every section it stands in.
                for (var i = 0; i < open.Count; i++)
                {
                    open[i] = open[i] with { HasText = true };
                }
            }
        }

        Close(1);
        // In the order the headings appear: a section closes after its subsections.
        return [.. unfinished.OrderBy(u => u.Order).Select(u => u.Title)];
    }

    // An ATX heading: up to three spaces, one to six #, then a space or the end; closing #s are not part of the title.
    [GeneratedRegex(@"^ {0,3}(?<marks>#{1,6})(?:[ \t]+(?<title>.*?))?(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex Heading();
}
