using Portal.Data;

namespace Portal.Features.Postings;

/// <summary>
/// The guidance a new posting starts with. It suggests an order, nothing more: the non-paper asks for a common
/// pattern but leaves each State free to organise its text, so every heading may be deleted or moved.
/// </summary>
public static class PostingTemplates
{
    /// <summary>
    /// The Markdown a new posting's body starts with: guidance headings for the kind, each followed by a one-line
    /// hint in italics telling what to write (a State may delete or reorder them).
    /// </summary>
    public static string BodyFor(PostingKind kind) => kind switch
    {
        PostingKind.Need => Need,
        PostingKind.Offer => Offer,
        PostingKind.Experience => Experience,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown posting kind."),
    };

    private const string Need = """
        ## Context and obligation concerned

        *Describe the situation and the CCM obligation it concerns (for example clearance under Article 4), with any deadline.*

        ## What is needed

        *List the suggested projects: what, where, for whom, and an indicative cost for each if you have one.*

        ## What is already in place

        *Say what is already done and what the State contributes itself (budget, staff, partners), so support adds to it.*

        ## Expected results

        *Say what would change once the projects are done, in terms a partner could report on.*

        ## Contact and next steps

        *Name the office to contact and what could follow a first exchange (a visit, a concept note, a meeting).*

        """;

    private const string Offer = """
        ## What is offered

        *Describe the funds, expertise, equipment or training available, with amounts or numbers if you can give them.*

        ## Eligibility

        *Say who may apply (States, regions, kinds of organisation) and which CCM areas the offer covers.*

        ## How to apply

        *Explain the procedure step by step, the documents required and the deadlines.*

        ## Conditions and reporting

        *State co-financing, audit and reporting requirements, and how long a decision usually takes.*

        ## Contact

        *Name the office that answers questions about the offer.*

        """;

    private const string Experience = """
        ## The project

        *Say where and when it took place, who took part, and your role: donor, recipient or implementer.*

        ## Modality

        *Bilateral, regional or multilateral; with international organisations or civil society; South-South or triangular.*

        ## What worked

        *Describe the results and the choices that made them possible.*

        ## What was difficult

        *Describe the obstacles honestly and how you dealt with them.*

        ## Lessons for others

        *Give the advice you would give a State starting a similar project.*

        ## Contacts

        *Name the offices that can tell more about the project.*

        """;
}
