using System.Globalization;

namespace Portal.Features.WordImport;

/// <summary>
/// What a Word document held and what its import did with each part, counted while it is converted, so that nothing
/// of the State's file is lost without the report saying where it went. <see cref="ToString"/> says it in words; the
/// draft's page shows that sentence, and the version and the audit log keep it beside the file's SHA-256.
/// </summary>
public sealed class DocxReport
{
    /// <summary>The longest report kept with a draft or version.</summary>
    public const int MaxLength = 2000;

    internal DocxTarget Target { get; init; }

    // Imported.
    public int Paragraphs { get; internal set; }

    public int Headings { get; internal set; }

    public int ListItems { get; internal set; }

    public int Quotations { get; internal set; }

    public int Tables { get; internal set; }

    public int Footnotes { get; internal set; }

    public int Endnotes { get; internal set; }

    public int TextBoxes { get; internal set; }

    public int Pictures { get; internal set; }

    public int TrackedInsertions { get; internal set; }

    // Left out.
    public int Comments { get; internal set; }

    public int TrackedDeletions { get; internal set; }

    public int HiddenPassages { get; internal set; }

    public int EmptyFormFields { get; internal set; }

    public int Charts { get; internal set; }

    public int UnknownSymbols { get; internal set; }

    public bool PageHeader { get; internal set; }

    public bool PageFooter { get; internal set; }

    /// <summary>Tracked changes nobody had accepted or rejected: insertions and deletions, moves included.</summary>
    public int PendingChanges => TrackedInsertions + TrackedDeletions;

    /// <summary>Whether the document still holds what only the State may settle: pending changes or comments.</summary>
    public bool NeedsDecision => PendingChanges > 0 || Comments > 0;

    /// <summary>True when the importer chose to take the pending changes as if accepted.</summary>
    public bool ChangesAccepted { get; internal set; }

    /// <summary>What the document still holds that only its author may settle, as the import page says it.</summary>
    public string Pending()
    {
        var parts = new List<string>();
        Add(parts, TrackedInsertions, "{0} tracked insertion", "{0} tracked insertions");
        Add(parts, TrackedDeletions, "{0} tracked deletion", "{0} tracked deletions");
        Add(parts, Comments, "{0} comment", "{0} comments");
        return Join(parts);
    }

    /// <summary>"Imported: … Left out: …", and how pending changes were treated when there were any.</summary>
    public override string ToString()
    {
        var imported = new List<string>();
        Add(imported, Headings, "{0} heading", "{0} headings");
        Add(imported, Paragraphs, "{0} paragraph", "{0} paragraphs");
        Add(imported, ListItems, "{0} list item", "{0} list items");
        Add(imported, Quotations, "{0} quotation", "{0} quotations");
        Add(imported, Tables, "{0} table", "{0} tables");
        Add(imported, Footnotes, "{0} footnote", "{0} footnotes");
        Add(imported, Endnotes, "{0} endnote", "{0} endnotes");
        Add(imported, TextBoxes, "{0} text box (its text follows the paragraph it is anchored to)", "{0} text boxes (each one’s text follows the paragraph it is anchored to)");
        if (Target == DocxTarget.Posting)
        {
            Add(imported, Pictures, "{0} picture (attached)", "{0} pictures (attached)");
        }

        Add(imported, TrackedInsertions, "{0} tracked insertion", "{0} tracked insertions");

        var leftOut = new List<string>();
        if (Target == DocxTarget.Contribution)
        {
            Add(leftOut, Pictures, "{0} picture (to be added on the Pictures page, with a caption and credit)", "{0} pictures (to be added on the Pictures page, with a caption and credit)");
        }

        Add(leftOut, Comments, "{0} comment", "{0} comments");
        Add(leftOut, TrackedDeletions, "{0} tracked deletion (the text as if accepted was used)", "{0} tracked deletions (the text as if accepted was used)");
        Add(leftOut, HiddenPassages, "{0} passage of hidden text", "{0} passages of hidden text");
        Add(leftOut, EmptyFormFields, "{0} empty form field (only its placeholder text)", "{0} empty form fields (only their placeholder text)");
        Add(leftOut, Charts, "{0} chart or diagram", "{0} charts or diagrams");
        Add(leftOut, UnknownSymbols, "{0} symbol without a Unicode character to show it", "{0} symbols without a Unicode character to show them");
        switch (PageHeader, PageFooter)
        {
            case (true, true):
                leftOut.Add("the page header and footer");
                break;
            case (true, false):
                leftOut.Add("the page header");
                break;
            case (false, true):
                leftOut.Add("the page footer");
                break;
        }

        var report = imported.Count == 0 ? "Imported: no text." : $"Imported: {Join(imported)}.";
        report += leftOut.Count == 0 ? " Left out: nothing." : $" Left out: {Join(leftOut)}.";
        if (ChangesAccepted)
        {
            report += " The document still had tracked changes or comments; it was imported as if every change were accepted, as the person who imported it chose.";
        }

        return report.Length <= MaxLength ? report : report[..MaxLength];
    }

    private static void Add(List<string> parts, int count, string one, string many)
    {
        if (count > 0)
        {
            parts.Add(string.Format(CultureInfo.InvariantCulture, count == 1 ? one : many, count.ToString("N0", CultureInfo.InvariantCulture)));
        }
    }

    private static string Join(List<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => string.Join(", ", parts[..^1]) + " and " + parts[^1],
    };
}
