using System.Globalization;
using Portal.Data;
using Portal.Features.Markdown;

namespace Portal.Features.Catalogue;

/// <summary>A reason a contribution cannot be submitted yet, tied to the form field that fixes it.</summary>
public sealed record SubmissionProblem(string Field, string Message);

/// <summary>
/// What the book needs before a contribution goes to the editors, said once for the form and the command. The page
/// count is measured elsewhere (laid out with the book's stylesheet) and passed in.
/// </summary>
public static class SubmissionCheck
{
    public static IReadOnlyList<SubmissionProblem> Problems(Contribution contribution, int pageLimit, int? laidOutPages)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        var problems = new List<SubmissionProblem>();
        if (contribution.Authors.Count == 0)
        {
            problems.Add(new("Authors[0].Name", "Name at least one author: the book prints every chapter's authors."));
        }

        if (contribution.Provisions == CcmProvisions.None)
        {
            problems.Add(new("Provisions", "Choose the CCM provisions the project concerns."));
        }

        if (contribution.Role is null)
        {
            problems.Add(new("Role", "Choose your State's role in the project."));
        }

        if (contribution.Modalities == CooperationModalities.None)
        {
            problems.Add(new("Modalities", "Choose how the cooperation was organised (at least one modality)."));
        }

        if (contribution.Period.Length == 0)
        {
            problems.Add(new("Period", "Enter the period of the project, for example 2009–2012."));
        }

        if (!HasText(contribution.Body))
        {
            problems.Add(new("Body", "Write the text of the contribution under the suggested headings."));
        }

        foreach (var t in contribution.Testimonials.Where(t => !t.Consent).OrderBy(t => t.Position))
        {
            problems.Add(new($"Testimonials[{t.Position}].Consent",
                $"Tick that {t.Person} agreed to the publication of their words, or remove the testimonial."));
        }

        foreach (var f in contribution.Figures.Where(f => f.AltText.Trim().Length == 0).OrderBy(f => f.Position))
        {
            problems.Add(new("Figures", $"Describe picture {f.Position + 1} (“{f.Caption}”) for readers who cannot see it."));
        }

        if (laidOutPages is int pages && pages > pageLimit)
        {
            problems.Add(new("Body", string.Create(CultureInfo.InvariantCulture,
                $"The text and testimonials take {pages} pages when laid out for the book; the limit is {pageLimit}. Shorten them by about {pages - pageLimit} {(pages - pageLimit == 1 ? "page" : "pages")}.")));
        }

        if (!contribution.Consent)
        {
            problems.Add(new("Consent", "Tick the statement that the material is free of copyright restrictions for this publication; without it the contribution cannot be published."));
        }

        return problems;
    }

    /// <summary>Words beyond the suggested headings.</summary>
    public static bool HasText(string body) =>
        SafeMarkdown.ToPlainText(body).Split('\n')
            .Select(l => l.Trim())
            .Any(l => l.Length > 0 && !SuggestedHeadings.Contains(l));

    private static readonly HashSet<string> SuggestedHeadings = new(StringComparer.OrdinalIgnoreCase)
        { "Context", "What was done", "Results", "Lessons learned" };
}
