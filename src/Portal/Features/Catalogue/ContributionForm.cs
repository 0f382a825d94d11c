using Microsoft.AspNetCore.Mvc.ModelBinding;
using Portal.Data;
using Portal.Features.Cooperation;

namespace Portal.Features.Catalogue;

/// <summary>
/// What the focal point types for a contribution. A draft needs only a title; submitting needs everything the book
/// prints (<see cref="SubmissionCheck"/>). Empty author and testimonial rows are ignored, so the form can always offer
/// one more row without JavaScript.
/// </summary>
public sealed class ContributionForm
{
    public const string SuggestedBody = "## Context\n\n\n\n## What was done\n\n\n\n## Results\n\n\n\n## Lessons learned\n\n";

    public string? Title { get; set; }

    public List<CcmProvisions> Provisions { get; set; } = [];

    public CooperationRole? Role { get; set; }

    public List<CooperationModalities> Modalities { get; set; } = [];

    public string? Period { get; set; }

    public string? Body { get; set; } = SuggestedBody;

    public bool StatesOnly { get; set; }

    public bool Consent { get; set; }

    public List<AuthorRow> Authors { get; set; } = [];

    public List<TestimonialRow> Testimonials { get; set; } = [];

    public sealed class AuthorRow
    {
        public string? Name { get; set; }

        public string? Function { get; set; }

        public string? Organisation { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Function) && string.IsNullOrWhiteSpace(Organisation);
    }

    public sealed class TestimonialRow
    {
        public string? Quote { get; set; }

        public string? Person { get; set; }

        public string? Role { get; set; }

        public string? Place { get; set; }

        public bool Consent { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Quote) && string.IsNullOrWhiteSpace(Person) && string.IsNullOrWhiteSpace(Role) && string.IsNullOrWhiteSpace(Place);
    }

    public static ContributionForm From(Contribution contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        return new()
        {
            Title = contribution.Title,
            Provisions = contribution.Provisions.Each().ToList(),
            Role = contribution.Role,
            Modalities = contribution.Modalities.Each().ToList(),
            Period = contribution.Period,
            Body = contribution.Body,
            StatesOnly = contribution.StatesOnly,
            Consent = contribution.Consent,
            Authors = contribution.Authors.OrderBy(a => a.Position)
                .Select(a => new AuthorRow { Name = a.Name, Function = a.Function, Organisation = a.Organisation }).ToList(),
            Testimonials = contribution.Testimonials.OrderBy(t => t.Position)
                .Select(t => new TestimonialRow { Quote = t.Quote, Person = t.Person, Role = t.Role, Place = t.Place, Consent = t.Consent }).ToList(),
        };
    }

    /// <summary>Rows to show: those filled in and one empty row to add another, up to the limits.</summary>
    public void AddEmptyRows()
    {
        Authors.RemoveAll(a => a.IsEmpty);
        Testimonials.RemoveAll(t => t.IsEmpty);
        if (Authors.Count < ContributionLimits.Authors)
        {
            Authors.Add(new AuthorRow());
        }

        if (Testimonials.Count < ContributionLimits.Testimonials)
        {
            Testimonials.Add(new TestimonialRow());
        }
    }

    /// <summary>Checks what a draft must satisfy (lengths, complete rows) and writes the fields to the contribution.</summary>
    public bool TryApply(Contribution contribution, ModelStateDictionary errors, string prefix)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        ArgumentNullException.ThrowIfNull(errors);
        void Fail(string field, string message) => errors.AddModelError($"{prefix}.{field}", message);
        var before = errors.ErrorCount;

        var title = (Title ?? "").Trim();
        if (title.Length == 0)
        {
            Fail(nameof(Title), "Enter a title that names the project, for example “Clearance of cluster munition remnants in Quảng Trị”.");
        }
        else if (title.Length > ContributionLimits.Title)
        {
            Fail(nameof(Title), $"The title is {title.Length} characters long; keep it to {ContributionLimits.Title}.");
        }

        var period = (Period ?? "").Trim();
        if (period.Length > ContributionLimits.Period)
        {
            Fail(nameof(Period), $"The period is {period.Length} characters long; keep it to {ContributionLimits.Period}.");
        }

        var body = (Body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        if (body.Length > ContributionLimits.Body)
        {
            Fail(nameof(Body), $"The text is {body.Length:N0} characters long; keep it to {ContributionLimits.Body:N0}.");
        }

        var authors = Authors.Where(a => !a.IsEmpty).ToList();
        if (authors.Count > ContributionLimits.Authors)
        {
            Fail(nameof(Authors), $"Name at most {ContributionLimits.Authors} authors.");
        }

        for (var i = 0; i < Authors.Count; i++)
        {
            var a = Authors[i];
            if (a.IsEmpty)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(a.Name))
            {
                Fail($"Authors[{i}].Name", $"Enter the name of author {i + 1}, or clear the row.");
            }

            CheckLength($"Authors[{i}].Name", a.Name, ContributionLimits.Name, $"The name of author {i + 1}", Fail);
            CheckLength($"Authors[{i}].Function", a.Function, ContributionLimits.Name, $"The function of author {i + 1}", Fail);
            CheckLength($"Authors[{i}].Organisation", a.Organisation, ContributionLimits.Name, $"The organisation of author {i + 1}", Fail);
        }

        var testimonials = Testimonials.Where(t => !t.IsEmpty).ToList();
        if (testimonials.Count > ContributionLimits.Testimonials)
        {
            Fail(nameof(Testimonials), $"Give at most {ContributionLimits.Testimonials} testimonials.");
        }

        for (var i = 0; i < Testimonials.Count; i++)
        {
            var t = Testimonials[i];
            if (t.IsEmpty)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(t.Quote))
            {
                Fail($"Testimonials[{i}].Quote", $"Enter the words of testimonial {i + 1}, or clear the row.");
            }

            if (string.IsNullOrWhiteSpace(t.Person))
            {
                Fail($"Testimonials[{i}].Person", $"Enter who is quoted in testimonial {i + 1}.");
            }

            CheckLength($"Testimonials[{i}].Quote", t.Quote, ContributionLimits.Quote, $"Testimonial {i + 1}", Fail);
            CheckLength($"Testimonials[{i}].Person", t.Person, ContributionLimits.Name, $"The person of testimonial {i + 1}", Fail);
            CheckLength($"Testimonials[{i}].Role", t.Role, ContributionLimits.Name, $"The role of testimonial {i + 1}", Fail);
            CheckLength($"Testimonials[{i}].Place", t.Place, ContributionLimits.Name, $"The place of testimonial {i + 1}", Fail);
        }

        if (errors.ErrorCount > before)
        {
            return false;
        }

        contribution.Title = title;
        contribution.Provisions = Provisions.Aggregate(CcmProvisions.None, (all, p) => all | (ContributionLabels.AllProvisions.Contains(p) ? p : CcmProvisions.None));
        contribution.Role = Role is { } role && Enum.IsDefined(role) ? role : null;
        contribution.Modalities = Modalities.Aggregate(CooperationModalities.None, (all, m) => all | (CooperationLabels.AllModalities.Contains(m) ? m : CooperationModalities.None));
        contribution.Period = period;
        contribution.Body = body;
        contribution.StatesOnly = StatesOnly;
        contribution.Consent = Consent;
        contribution.Authors.Clear();
        contribution.Authors.AddRange(authors.Select((a, i) => new ContributionAuthor
        {
            Position = i,
            Name = a.Name!.Trim(),
            Function = (a.Function ?? "").Trim(),
            Organisation = (a.Organisation ?? "").Trim(),
        }));
        contribution.Testimonials.Clear();
        contribution.Testimonials.AddRange(testimonials.Select((t, i) => new ContributionTestimonial
        {
            Position = i,
            Quote = t.Quote!.Trim(),
            Person = t.Person!.Trim(),
            Role = (t.Role ?? "").Trim(),
            Place = (t.Place ?? "").Trim(),
            Consent = t.Consent,
        }));
        return true;
    }

    private static void CheckLength(string field, string? value, int max, string what, Action<string, string> fail)
    {
        var length = (value ?? "").Trim().Length;
        if (length > max)
        {
            fail(field, $"{what} is {length} characters long; keep it to {max}.");
        }
    }
}
