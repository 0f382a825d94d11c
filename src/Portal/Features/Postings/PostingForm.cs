using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Portal.Data;
using Portal.Features.Cooperation;

namespace Portal.Features.Postings;

/// <summary>
/// The structured core plus the body, as the New, Edit and Import pages bind it. Checked by <see cref="Validate"/>
/// with messages that name the field as the page shows it.
/// </summary>
public sealed class PostingForm
{
    /// <summary>Participant code the posting speaks for; only a coordinator may choose another than their own.</summary>
    public string? Participant { get; set; }

    public PostingKind Kind { get; set; }

    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Display(Name = "Summary")]
    public string? Summary { get; set; }

    public List<CcmAreas> Areas { get; set; } = [];

    public List<AssistanceTypes> AssistanceTypes { get; set; } = [];

    public List<string> Countries { get; set; } = [];

    public List<Regions> Regions { get; set; } = [];

    /// <summary>
    /// An offer's or experience's role by name, as its radios send it; empty when not stated. Read as text and checked
    /// against the kind's roles, so that any other value gets the form's own message (<see cref="ChosenRole"/>).
    /// </summary>
    public string? Role { get; set; }

    /// <summary>An offer's or experience's modalities by name, as its checkboxes send them; checked as <see cref="Role"/> is.</summary>
    public List<string> Modalities { get; set; } = [];

    [Display(Name = "Indicative budget")]
    public string? Budget { get; set; }

    public string? Currency { get; set; }

    public string? Period { get; set; }

    /// <summary>An offer's last day to apply, as the browser's date field sends it (yyyy-MM-dd); empty for none.</summary>
    [Display(Name = "Application deadline")]
    public string? ApplicationDeadline { get; set; }

    /// <summary>
    /// The deadline the published posting already has, set by the page from the stored posting, never from the
    /// request: an offer whose deadline has passed can still be corrected without moving it.
    /// </summary>
    [BindNever]
    public DateOnly? PublishedDeadline { get; set; }

    [Display(Name = "Contact point")]
    public string? ContactPoint { get; set; }

    public Visibility Visibility { get; set; } = Visibility.StatesOnly;

    [Display(Name = "Valid until")]
    public DateOnly? ValidUntil { get; set; }

    public string? Body { get; set; }

    /// <summary>
    /// The Word document's words the posting holds, set by the page from the stored posting or the import, never from
    /// the request. While the form still holds them they are the State's words, not typed text (<see cref="ImportedWords"/>).
    /// </summary>
    [BindNever]
    public ImportedWords? Imported { get; set; }

    /// <summary>The revision the form was opened at; a save from an older one is refused.</summary>
    public int Revision { get; set; }

    public static readonly TimeSpan DefaultValidity = TimeSpan.FromDays(365);

    public static readonly TimeSpan MaximumValidity = TimeSpan.FromDays(730);

    public bool HasBudget => HasBudgetFor(Kind);

    /// <summary>Needs and offers have an indicative budget; an experience does not.</summary>
    public static bool HasBudgetFor(PostingKind kind) => kind != PostingKind.Experience;

    /// <summary>Only offers and experiences state a role and modalities (<see cref="PostingCooperation"/>).</summary>
    public bool HasCooperation => PostingCooperation.HasCooperation(Kind);

    /// <summary>The role chosen: null when none is, it is not one of the kind's roles, or this is a need.</summary>
    public CooperationRole? ChosenRole =>
        PostingCooperation.RolesFor(Kind).Cast<CooperationRole?>().FirstOrDefault(r => r.ToString() == Role);

    /// <summary>The modalities chosen that exist; none for a need.</summary>
    public CooperationModalities ChosenModalities => !HasCooperation ? CooperationModalities.None
        : CooperationLabels.AllModalities.Where(m => Modalities.Contains(m.ToString())).Aggregate(CooperationModalities.None, (all, m) => all | m);

    /// <summary>Only an offer has an application deadline.</summary>
    public bool HasDeadline => Kind == PostingKind.Offer;

    /// <summary>The application deadline as a date: null when there is none, it is not a real date, or this is no offer.</summary>
    public DateOnly? Deadline => HasDeadline ? ParseDate(ApplicationDeadline) : null;

    /// <summary>Whether <paramref name="part"/> still holds the document's own words, as imported.</summary>
    public bool Keeps(ImportedParts part) => Imported is { } words && words.KeptIn(this).HasFlag(part);

    public static PostingForm For(PostingKind kind, string participant, DateTimeOffset now) => new()
    {
        Kind = kind,
        Participant = participant,
        Body = PostingTemplates.BodyFor(kind),
        ValidUntil = DateOnly.FromDateTime(now.UtcDateTime.Add(DefaultValidity)),
    };

    public static PostingForm From(Posting posting, string participantCode) => new()
    {
        Participant = participantCode,
        Kind = posting.Kind,
        Title = posting.Title,
        Summary = posting.Summary,
        Areas = [.. PostingLabels.AllAreas.Where(a => posting.Areas.HasFlag(a))],
        AssistanceTypes = [.. PostingLabels.AllAssistanceTypes.Where(a => posting.AssistanceTypes.HasFlag(a))],
        Countries = [.. posting.Countries.Select(c => c.CountryCode)],
        Regions = [.. PostingLabels.AllRegions.Where(r => posting.ChosenRegions.HasFlag(r))],
        Role = posting.Role?.ToString(),
        Modalities = [.. posting.Modalities.Each().Select(m => m.ToString())],
        Budget = posting.Budget?.ToString("0.##", CultureInfo.InvariantCulture),
        Currency = posting.Currency,
        Period = posting.Period,
        ApplicationDeadline = posting.ApplicationDeadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ContactPoint = posting.ContactPoint,
        Visibility = posting.Visibility,
        ValidUntil = DateOnly.FromDateTime(posting.ValidUntil.UtcDateTime),
        Body = posting.Body,
        Revision = posting.Revision,
        Imported = ImportedWords.Of(posting),
    };

    /// <summary>Adds a message per problem under "Input.Field" keys; returns the parsed budget.</summary>
    public decimal? Validate(ModelStateDictionary state, ISet<string> knownCountries, DateTimeOffset now, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(knownCountries);
        void Fail(string field, string message) => state.AddModelError($"{prefix}.{field}", message);

        // The template's guidance is the portal's words, shown beside the field: never saved as the State's text.
        // First, because whether the text is still a State's document decides what else it needs.
        Body = BodySections.WithoutGuidance(Lf(Body) ?? "");
        Title = Lf(Title)?.Trim();
        if (string.IsNullOrEmpty(Title))
        {
            Fail(nameof(Title), "Enter a title.");
        }
        else if (Title.Length > PostingLimits.Title)
        {
            Fail(nameof(Title), $"The title is {Title.Length} characters long; keep it to {PostingLimits.Title}.");
        }

        Summary = Lf(Summary)?.Trim();
        if (string.IsNullOrEmpty(Summary))
        {
            Fail(nameof(Summary), "Enter a summary of one paragraph.");
        }
        // A summary taken from a State's document is its own words, however short; only a typed one must be a sentence.
        else if (Summary.Length < PostingLimits.SummaryMinimum && !Keeps(ImportedParts.Summary))
        {
            Fail(nameof(Summary), $"The summary must be at least {PostingLimits.SummaryMinimum} characters long: write a sentence that says what the posting is about.");
        }
        else if (Summary.Length > PostingLimits.Summary)
        {
            Fail(nameof(Summary), $"The summary is {Summary.Length} characters long; keep it to {PostingLimits.Summary} and put the rest in the text below.");
        }
        else if (Summary.Contains("\n\n", StringComparison.Ordinal))
        {
            Fail(nameof(Summary), "The summary is one paragraph: move the other paragraphs into the text below.");
        }

        if (!Enum.IsDefined(Kind))
        {
            Fail(nameof(Kind), "Choose need, offer or experience.");
        }

        if (Areas.Count == 0 || Areas.Any(a => !PostingLabels.AllAreas.Contains(a)))
        {
            Fail(nameof(Areas), "Choose at least one CCM area.");
        }

        if (AssistanceTypes.Any(a => !PostingLabels.AllAssistanceTypes.Contains(a)))
        {
            Fail(nameof(AssistanceTypes), "Choose types of assistance from the list.");
        }

        Countries = [.. Countries.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal).Take(300)];
        if (Countries.Any(c => !knownCountries.Contains(c)))
        {
            Fail(nameof(Countries), "Choose countries from the list.");
        }
        else if (Countries.Count == 0 && Regions.Count == 0)
        {
            Fail(nameof(Countries), "Choose the countries or regions concerned, or “Global”.");
        }

        if (Regions.Any(r => !PostingLabels.AllRegions.Contains(r)))
        {
            Fail(nameof(Regions), "Choose regions from the list.");
        }

        ValidateCooperation(Fail);
        var budget = ValidateBudget(Fail);

        Period = Lf(Period)?.Trim();
        if (Period?.Length > PostingLimits.Period)
        {
            Fail(nameof(Period), $"Keep the period to {PostingLimits.Period} characters, for example “2026–2028”.");
        }

        ContactPoint = Lf(ContactPoint)?.Trim();
        // A State's document that names no contact point is published as it is: its text says whom to ask.
        if (string.IsNullOrEmpty(ContactPoint) && !Keeps(ImportedParts.Text))
        {
            Fail(nameof(ContactPoint), "Enter a contact point: a name, a position or an e-mail address.");
        }
        else if (ContactPoint?.Length > PostingLimits.ContactPoint)
        {
            Fail(nameof(ContactPoint), $"Keep the contact point to {PostingLimits.ContactPoint} characters.");
        }

        if (!Enum.IsDefined(Visibility))
        {
            Fail(nameof(Visibility), "Choose who may read the posting.");
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var latest = DateOnly.FromDateTime(now.UtcDateTime.Add(MaximumValidity));
        if (ValidUntil is null)
        {
            Fail(nameof(ValidUntil), "Enter the date until which the posting is valid.");
        }
        else if (ValidUntil <= today)
        {
            Fail(nameof(ValidUntil), "The valid-until date must be after today.");
        }
        else if (ValidUntil > latest)
        {
            Fail(nameof(ValidUntil), $"A posting is valid for at most 24 months: choose a date on or before {latest.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}. It can be renewed later.");
        }

        ValidateDeadline(Fail, now);

        if (Body.Length > PostingLimits.Body)
        {
            Fail(nameof(Body), string.Create(CultureInfo.InvariantCulture,
                $"The text is {Body.Length:N0} characters long; the limit is {PostingLimits.Body:N0}. Move long annexes into an attachment."));
        }

        return budget;
    }

    /// <summary>A need states neither: whatever its form sends is not kept, as an experience's budget is not.</summary>
    private void ValidateCooperation(Action<string, string> fail)
    {
        Role = string.IsNullOrWhiteSpace(Role) || !HasCooperation ? null : Role.Trim();
        Modalities = !HasCooperation ? []
            : [.. Modalities.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).Distinct(StringComparer.Ordinal)];
        if (Role is not null && ChosenRole is null)
        {
            fail(nameof(Role), "Choose a role from the list, or “Not stated”.");
        }

        if (Modalities.Any(m => CooperationLabels.AllModalities.All(a => a.ToString() != m)))
        {
            fail(nameof(Modalities), "Choose modalities from the list.");
        }
    }

    private void ValidateDeadline(Action<string, string> fail, DateTimeOffset now)
    {
        ApplicationDeadline = string.IsNullOrWhiteSpace(ApplicationDeadline) || !HasDeadline ? null : ApplicationDeadline.Trim();
        if (ApplicationDeadline is null)
        {
            return;
        }

        if (Deadline is not { } deadline)
        {
            fail(nameof(ApplicationDeadline), "Enter the application deadline as a real date, for example 2027-04-30, or leave it empty.");
        }
        // Today is still open (to the end of the day in Geneva); a deadline already published may stay as it is.
        else if (deadline < OfferDeadline.Today(now) && deadline != PublishedDeadline)
        {
            fail(nameof(ApplicationDeadline), "The application deadline has passed: choose today or a later date, or leave it empty if applications are open until the offer expires.");
        }
        else if (ValidUntil is { } validUntil && deadline > validUntil)
        {
            fail(nameof(ApplicationDeadline), $"The application deadline must be on or before the valid-until date, {validUntil.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.");
        }
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date.Year is >= 2000 and <= 2100
            ? date
            : null;

    private decimal? ValidateBudget(Action<string, string> fail)
    {
        Budget = Lf(Budget)?.Trim();
        Currency = string.IsNullOrWhiteSpace(Currency) ? null : Currency.Trim();
        if (!HasBudget || string.IsNullOrEmpty(Budget))
        {
            if (HasBudget && Currency is not null && !PostingLabels.Currencies.Contains(Currency))
            {
                fail(nameof(Currency), "Choose a currency from the list.");
            }

            Budget = null;
            Currency = HasBudget ? Currency : null;
            return null;
        }

        // People write 250,000 or 250 000; both mean the same amount.
        var digits = Budget.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal);
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || amount <= 0 || amount >= 1_000_000_000_000m || decimal.Round(amount, 2) != amount)
        {
            fail(nameof(Budget), "Enter the indicative budget as an amount, for example 250,000 or 1250000.50.");
            return null;
        }

        if (Currency is null || !PostingLabels.Currencies.Contains(Currency))
        {
            fail(nameof(Currency), "Choose the currency of the budget.");
        }

        return amount;
    }

    /// <summary>
    /// Line endings as LF (browsers send CRLF), and NUL as U+FFFD as CommonMark does: PostgreSQL cannot store NUL, and
    /// no text needs it. Everything else is kept exactly as typed.
    /// </summary>
    private static string? Lf(string? text) =>
        text?.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\0', '\uFFFD');
}
