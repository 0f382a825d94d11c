using Portal.Data;

namespace Portal.Features.Postings;

/// <summary>A heading a new posting's text starts with, and what to write under it (shown beside the field, never saved).</summary>
public sealed record TemplateSection(string Heading, string Guidance);

/// <summary>
/// The headings a new posting starts with. They suggest an order, nothing more: the non-paper asks for a common
/// pattern but leaves each State free to organise its text, so every heading may be deleted or moved. What to write
/// under each is guidance the form shows as hint text: it is the portal's words, not the State's, and is never part
/// of the text (<see cref="BodySections"/> removes it where an earlier template put it in).
/// </summary>
public static class PostingTemplates
{
    // First: the static fields below are initialised in order, and Guidance reads these.
    private static readonly TemplateSection[] Need =
    [
        new("Context and obligation concerned", "Describe the situation and the CCM obligation it concerns (for example clearance under Article 4), with any deadline."),
        new("What is needed", "List the suggested projects: what, where, for whom, and an indicative cost for each if you have one."),
        new("What is already in place", "Say what is already done and what the State contributes itself (budget, staff, partners), so support adds to it."),
        new("Expected results", "Say what would change once the projects are done, in terms a partner could report on."),
        new("Contact and next steps", "Name the office to contact and what could follow a first exchange (a visit, a concept note, a meeting)."),
    ];

    private static readonly TemplateSection[] Offer =
    [
        new("What is offered", "Describe the funds, expertise, equipment or training available, with amounts or numbers if you can give them."),
        new("Eligibility", "Say who may apply (States, regions, kinds of organisation) and which CCM areas the offer covers."),
        new("How to apply", "Explain the procedure step by step, the documents required and the deadlines."),
        new("Conditions and reporting", "State co-financing, audit and reporting requirements, and how long a decision usually takes."),
        new("Contact", "Name the office that answers questions about the offer."),
    ];

    private static readonly TemplateSection[] Experience =
    [
        new("The project", "Say where and when it took place, who took part, and your role: donor, recipient or implementer."),
        new("Modality", "Bilateral, regional or multilateral; with international organisations or civil society; South-South or triangular."),
        new("What worked", "Describe the results and the choices that made them possible."),
        new("What was difficult", "Describe the obstacles honestly and how you dealt with them."),
        new("Lessons for others", "Give the advice you would give a State starting a similar project."),
        new("Contacts", "Name the offices that can tell more about the project."),
    ];

    public static IReadOnlyList<TemplateSection> SectionsFor(PostingKind kind) => kind switch
    {
        PostingKind.Need => Need,
        PostingKind.Offer => Offer,
        PostingKind.Experience => Experience,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown posting kind."),
    };

    /// <summary>The Markdown a new posting's text starts with: the kind's headings, with room to write under each.</summary>
    public static string BodyFor(PostingKind kind) =>
        string.Concat(SectionsFor(kind).Select(s => $"## {s.Heading}\n\n\n\n"));

    /// <summary>
    /// Every kind's guidance as plain text: what to write under each heading, and what the Word template
    /// (<see cref="PostingWordTemplate"/>) says about filling it in.
    /// </summary>
    private static readonly HashSet<string> Guidance = new(
        Enum.GetValues<PostingKind>().SelectMany(PostingWordTemplate.Guidance), StringComparer.Ordinal);

    /// <summary>
    /// Every kind's guidance as an italic line of Markdown: what the earlier templates put under each heading, and what
    /// the import writes for the Word template's guidance (italics, through its style) when the State left it in.
    /// </summary>
    public static readonly IReadOnlySet<string> GuidanceLines = new HashSet<string>(Guidance.Select(g => $"*{g}*"), StringComparer.Ordinal);

    /// <summary>Whether a paragraph of a document, as plain text, is the portal's guidance and not the State's words.</summary>
    public static bool IsGuidance(string text) => Guidance.Contains(text.Trim());
}
