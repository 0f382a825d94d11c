using System.Globalization;
using Portal.Data;

namespace Portal.Features.Postings;

/// <summary>
/// What the Word template of a kind of posting holds, for States that prefer to write in Word: a first table of the
/// core with the posting form's own labels (so that <see cref="DocumentCore"/> reads it back), then the kind's headings
/// (<see cref="PostingTemplates"/>). Everything the portal says to the writer (how to fill the table, what to write
/// under each heading) is guidance: <see cref="PostingTemplates.GuidanceLines"/> holds it, so that the import leaves
/// it out when the State did not delete it. <see cref="PostingWordDocument"/> writes the .docx.
/// </summary>
public static class PostingWordTemplate
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The content type of the document's main part (word/document.xml).</summary>
    internal const string MainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    /// <summary>"need" in /Postings/Template/need.docx.</summary>
    public static string Slug(PostingKind kind) => kind.Label().ToLowerInvariant();

    public static string FileName(PostingKind kind) => $"portal-{Slug(kind)}-template.docx";

    /// <summary>The kind whose slug this is; null for anything else (a number, another word).</summary>
    public static PostingKind? KindOf(string? slug) =>
        Enum.GetValues<PostingKind>().Cast<PostingKind?>().FirstOrDefault(k => Slug(k!.Value) == slug);

    /// <summary>The left-hand column of the first table: the form's labels, which <see cref="DocumentCore"/> reads.</summary>
    public static IReadOnlyList<string> Rows(PostingKind kind) =>
    [
        "Title", "Summary", "CCM areas", "Type of assistance", "Countries and regions concerned",
        .. PostingForm.HasBudgetFor(kind) ? (string[])["Indicative budget"] : [],
        "Period", "Contact point", "Who may read it", "Valid until",
    ];

    /// <summary>What the template says before its table.</summary>
    public static IReadOnlyList<string> Introduction(PostingKind kind) =>
    [
        $"This is the CCM Cooperation Portal’s template for {PostingLabels.WithArticle(kind)}. Fill in the right-hand column of the table, then write under each heading. When the portal imports the document, the table fills in the posting’s form, and the document, table included, becomes the posting’s text word for word.",
        "Text in grey italics, like this, is guidance: write on the empty line below it. You may delete the guidance or leave it, as the portal leaves it out. Keep the words in the left-hand column of the table as they are and leave a row empty if it does not apply. You may rename, move or delete the headings.",
    ];

    /// <summary>What the template says after its table: the values each row takes, in the words the import reads.</summary>
    public static IReadOnlyList<string> TableGuidance(PostingKind kind)
    {
        var regions = PostingLabels.AllRegions.Where(r => !M49Regions.IsSubregion(r)).Select(r => r.Label());
        return
        [
            string.Create(CultureInfo.InvariantCulture,
                $"Title: one line of at most {PostingLimits.Title} characters. Summary: one paragraph that says what the {kind.Label().ToLowerInvariant()} is about; it shows in lists and search results."),
            $"CCM areas: one or more of the following, separated by commas: {string.Join(", ", PostingLabels.AllAreas.Select(a => a.Label()))}.",
            $"Type of assistance: one or more of the following, separated by commas: {string.Join(", ", PostingLabels.AllAssistanceTypes.Select(t => t.Label()))}.",
            $"Countries and regions concerned: the countries’ names as the United Nations writes them, separated by commas, or a whole region: {string.Join(", ", regions)}, or a sub-region such as {Regions.SouthEasternAsia.Label()} or {Regions.SubSaharanAfrica.Label()}.",
            .. PostingForm.HasBudgetFor(kind)
                ? (string[])[$"Indicative budget: an amount with its currency, such as USD 250,000. The currencies are {string.Join(", ", PostingLabels.Currencies)}."]
                : [],
            "Period: in your own words, for example “2026–2028” or “From January 2027, 24 months”.",
            string.Create(CultureInfo.InvariantCulture,
                $"Contact point: who readers should write to, such as a name, position and e-mail address, in at most {PostingLimits.ContactPoint} characters."),
            $"Who may read it: {Visibility.StatesOnly.Label()}, or {Visibility.StatesAndObservers.Label()} (international organisations and NGOs). Left empty, only States may read it.",
            "Valid until: a date such as 31 December 2027, at most two years ahead. Left empty, the posting is valid for a year.",
        ];
    }

    /// <summary>Every sentence of guidance the kind's template holds: introduction, table and headings.</summary>
    public static IEnumerable<string> Guidance(PostingKind kind) =>
        Introduction(kind).Concat(TableGuidance(kind)).Concat(PostingTemplates.SectionsFor(kind).Select(s => s.Guidance));
}
