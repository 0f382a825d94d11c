using Portal.Features.Markdown;

namespace Portal.Features.Catalogue;

/// <summary>
/// A gentle check that a text is in English, the catalogue's language: common English words make up a good share of
/// any English prose, and very little of Spanish, French or Portuguese prose. Only ever a warning, never a block.
/// </summary>
public static class EnglishText
{
    private static readonly HashSet<string> CommonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "of", "and", "to", "in", "a", "is", "was", "were", "for", "with", "on", "by", "that", "this", "as",
        "are", "from", "be", "have", "has", "had", "it", "its", "an", "at", "which", "their", "they", "we", "our",
        "not", "or", "been", "also", "more", "these", "than", "into", "who", "all", "after", "between", "through",
    };

    /// <summary>True for English text, and for texts too short to tell.</summary>
    public static bool Looks(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var words = SafeMarkdown.ToPlainText(markdown)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', ';', ':', '!', '?', '(', ')', '"', '“', '”', '\'', '’'))
            .Where(w => w.Length > 0 && w.Any(char.IsLetter))
            .ToList();
        if (words.Count < 40)
        {
            return true;
        }

        // English prose: about a quarter to a third of its words are these; other languages: a few percent.
        return words.Count(CommonWords.Contains) >= words.Count * 0.12;
    }
}
