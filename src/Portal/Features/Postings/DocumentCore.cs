using System.Text.RegularExpressions;
using Portal.Data;
using Portal.Features.WordImport;

namespace Portal.Features.Postings;

/// <summary>A field of the core that a row of a document's first table can name.</summary>
public enum CoreField
{
    Title,
    Summary,
    ContactPoint,
    Areas,
    AssistanceTypes,
    Countries,
    Budget,
    Currency,
    Period,
    Visibility,
    ValidUntil,
}

/// <summary>
/// What a Word document says about its posting's core, in the document's own words, so that the coordinator who
/// imports a State's text never writes prose on its behalf. Read from a first table of "label | value" rows (as a
/// template has), from headings that name a field ("Summary", "CCM areas", "Contact…") with the text under them, and
/// for the summary, failing both, from the document's first paragraph. Paragraphs of the portal's guidance
/// (<see cref="PostingTemplates.IsGuidance"/>, as the Word template has them) are not read. Nothing is rephrased or
/// guessed: what the document does not say stays empty. The one exception is length: a summary over what the field
/// holds keeps its leading sentences (see docs/decisions/004-word-import.md).
/// </summary>
/// <param name="Title">The first table's "Title" row; the importer prefers a paragraph styled "Title".</param>
/// <param name="Summary">The table's "Summary" row, else the first paragraph under a "Summary" heading, else the document's first paragraph (outside the sections read as fields).</param>
/// <param name="ContactPoint">The table's "Contact" row, else the section under a "Contact…" heading, else a paragraph that starts "Contact:".</param>
/// <param name="Period">The table's "Period" row.</param>
/// <param name="Fields">The first table's rows whose label names a field, then the text under headings that name one, as written (see <see cref="DocumentClassification"/>).</param>
public sealed partial record DocumentCore(
    string? Title, string? Summary, string? ContactPoint, string? Period, IReadOnlyDictionary<CoreField, string> Fields)
{
    public static readonly DocumentCore Empty = new(null, null, null, null, new Dictionary<CoreField, string>());

    /// <summary>The labels of the posting form, and the words a State's template would use for the same fields.</summary>
    private static readonly Dictionary<string, CoreField> Labels = new(StringComparer.Ordinal)
    {
        ["title"] = CoreField.Title,
        ["summary"] = CoreField.Summary,
        ["contact point"] = CoreField.ContactPoint,
        ["contact"] = CoreField.ContactPoint,
        ["contacts"] = CoreField.ContactPoint,
        ["contact person"] = CoreField.ContactPoint,
        ["point of contact"] = CoreField.ContactPoint,
        ["ccm areas"] = CoreField.Areas,
        ["ccm area"] = CoreField.Areas,
        ["areas"] = CoreField.Areas,
        ["area"] = CoreField.Areas,
        ["type of assistance"] = CoreField.AssistanceTypes,
        ["types of assistance"] = CoreField.AssistanceTypes,
        ["assistance type"] = CoreField.AssistanceTypes,
        ["assistance types"] = CoreField.AssistanceTypes,
        ["countries and regions concerned"] = CoreField.Countries,
        ["countries and regions"] = CoreField.Countries,
        ["countries or regions concerned"] = CoreField.Countries,
        ["countries or regions"] = CoreField.Countries,
        ["countries concerned"] = CoreField.Countries,
        ["countries"] = CoreField.Countries,
        ["country"] = CoreField.Countries,
        ["regions"] = CoreField.Countries,
        ["region"] = CoreField.Countries,
        ["indicative budget"] = CoreField.Budget,
        ["budget"] = CoreField.Budget,
        ["currency"] = CoreField.Currency,
        ["period"] = CoreField.Period,
        ["who may read it"] = CoreField.Visibility,
        ["visibility"] = CoreField.Visibility,
        ["open to"] = CoreField.Visibility,
        ["valid until"] = CoreField.ValidUntil,
    };

    internal static DocumentCore Read(IReadOnlyList<DocxBlock> document)
    {
        // The portal's guidance, left in a template, is not the State's words: never a summary or a contact point.
        IReadOnlyList<DocxBlock> blocks = [.. document.Where(b => !(b.Kind == DocxBlockKind.Paragraph && PostingTemplates.IsGuidance(b.Text)))];
        var fields = FirstTable(blocks);
        var sections = HeadedSections(blocks).ToList();
        foreach (var (field, start, end) in sections.Where(s => s.Field is not (CoreField.Summary or CoreField.ContactPoint)))
        {
            if (Lines(blocks, start, end) is { Count: > 0 } lines)
            {
                fields.TryAdd(field, string.Join('\n', lines));
            }
        }

        // The text under the core's own headings is not the document's first paragraph of body text.
        var underCore = sections.SelectMany(s => Enumerable.Range(s.Start, s.End - s.Start)).ToHashSet();
        var summary = fields.GetValueOrDefault(CoreField.Summary)
            ?? sections.Where(s => s.Field == CoreField.Summary).Select(s => FirstText(blocks.Take(s.End).Skip(s.Start))).FirstOrDefault(t => t is not null)
            ?? FirstText(blocks.Where((_, i) => !underCore.Contains(i)));
        var contact = Fit(fields.GetValueOrDefault(CoreField.ContactPoint), PostingLimits.ContactPoint)
            ?? sections.Where(s => s.Field == CoreField.ContactPoint).Select(s => Contact(Lines(blocks, s.Start, s.End))).FirstOrDefault(c => c is not null)
            ?? ContactLine(blocks);
        return new DocumentCore(
            Fit(OneLine(fields.GetValueOrDefault(CoreField.Title)), PostingLimits.Title),
            summary is null ? null : Leading(OneLine(summary)!, PostingLimits.Summary),
            contact,
            Fit(OneLine(fields.GetValueOrDefault(CoreField.Period)), PostingLimits.Period),
            fields);
    }

    /// <summary>"Countries concerned:" → "countries concerned"; "(optional)" and a closing colon are not part of a label.</summary>
    internal static string Normalize(string text) =>
        Spaces().Replace(text.Replace("(optional)", "", StringComparison.OrdinalIgnoreCase), " ").Trim().TrimEnd(':', '\uFF1A').Trim().ToLowerInvariant();

    /// <summary>The rows of the document's first table that name a field in their first cell, with the second cell as the value.</summary>
    private static Dictionary<CoreField, string> FirstTable(IReadOnlyList<DocxBlock> blocks)
    {
        var fields = new Dictionary<CoreField, string>();
        var table = blocks.FirstOrDefault(b => b.Kind == DocxBlockKind.Table);
        foreach (var row in table?.Rows ?? [])
        {
            if (row.Count >= 2 && Labels.TryGetValue(Normalize(row[0]), out var field) && row[1].Trim() is { Length: > 0 } value)
            {
                fields.TryAdd(field, value);
            }
        }

        return fields;
    }

    /// <summary>Each heading that names a field of the core, with the blocks under it down to the next heading of its level or higher.</summary>
    private static IEnumerable<(CoreField Field, int Start, int End)> HeadedSections(IReadOnlyList<DocxBlock> blocks)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Kind != DocxBlockKind.Heading || HeadingField(Normalize(blocks[i].Text)) is not CoreField field)
            {
                continue;
            }

            var end = i + 1;
            while (end < blocks.Count && !(blocks[end].Kind == DocxBlockKind.Heading && blocks[end].Level <= blocks[i].Level))
            {
                end++;
            }

            yield return (field, i + 1, end);
        }
    }

    /// <summary>A heading names a field as a table row would, or is "Summary", or starts with "Contact" ("Contact and next steps").</summary>
    private static CoreField? HeadingField(string heading) =>
        heading is "summary" or "executive summary" ? CoreField.Summary
        : heading.StartsWith("contact", StringComparison.Ordinal) || heading == "point of contact" ? CoreField.ContactPoint
        : Labels.TryGetValue(heading, out var field) && field != CoreField.Title ? field : null;

    /// <summary>The paragraphs and list items of blocks [start, end), one line each.</summary>
    private static List<string> Lines(IReadOnlyList<DocxBlock> blocks, int start, int end) =>
        [.. blocks.Take(end).Skip(start).Where(b => b.Kind is DocxBlockKind.Paragraph or DocxBlockKind.ListItem).Select(b => b.Text)];

    /// <summary>The first paragraph of text; failing one, the first list item. Headings and tables are not body text.</summary>
    private static string? FirstText(IEnumerable<DocxBlock> blocks)
    {
        var text = blocks.Where(b => b.Kind is DocxBlockKind.Paragraph or DocxBlockKind.ListItem).ToList();
        return (text.FirstOrDefault(b => b.Kind == DocxBlockKind.Paragraph) ?? text.FirstOrDefault())?.Text;
    }

    /// <summary>The text under a "Contact…" heading, one line per paragraph; if that is too long, its first paragraph.</summary>
    private static string? Contact(List<string> lines) =>
        lines.Count == 0 ? null : Fit(string.Join('\n', lines), PostingLimits.ContactPoint) ?? Fit(lines[0], PostingLimits.ContactPoint);

    /// <summary>A paragraph that names its contact with a label: "Contact: the Permanent Mission in Geneva."</summary>
    private static string? ContactLine(IReadOnlyList<DocxBlock> blocks) => blocks
        .Where(b => b.Kind == DocxBlockKind.Paragraph)
        .Select(b => LabelledContact().Match(b.Text))
        .Where(m => m.Success)
        .Select(m => Fit(m.Groups["value"].Value, PostingLimits.ContactPoint))
        .FirstOrDefault(v => v is not null);

    /// <summary>The text if it has any and fits the field; a value that does not fit is left to the coordinator, not cut.</summary>
    private static string? Fit(string? text, int max) => text?.Trim() is { Length: > 0 } trimmed && trimmed.Length <= max ? trimmed : null;

    /// <summary>A title, summary or period is one line: a line break in the document reads as a space.</summary>
    private static string? OneLine(string? text) => text is null ? null : LineBreaks().Replace(text, " ").Trim();

    /// <summary>
    /// The text, or if it is longer than <paramref name="max"/> its leading sentences that fit (its leading words, for a
    /// first sentence longer than that): the document's words in their order, none added, the rest still in the text.
    /// </summary>
    internal static string Leading(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = SentenceEnd().Matches(text).Select(m => m.Index + m.Length).LastOrDefault(end => end <= max);
        if (cut == 0)
        {
            cut = text.LastIndexOf(' ', max);
            cut = cut > 0 ? cut : char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        }

        return text[..cut].TrimEnd();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[ \t]*\n[ \t]*")]
    private static partial Regex LineBreaks();

    // A full stop, question or exclamation mark (and closing quotes or brackets) followed by a space.
    [GeneratedRegex(@"[.!?\u2026][""'\u201D\u2019)\]]*(?=\s)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^(?:contact point|contact person|contacts?|point of contact)[ \t]*[:\uFF1A][ \t]*(?<value>\S[\s\S]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledContact();
}
