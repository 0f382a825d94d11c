using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Portal.Data;

namespace Portal.Features.Catalogue;

/// <summary>What an editor types to open or change a call; dates as the browser's date fields send them.</summary>
public sealed class CallForm
{
    public string? Title { get; set; }

    public string? Instructions { get; set; }

    public string? OpensOn { get; set; }

    public string? Deadline { get; set; }

    public string? TimeZone { get; set; } = CallCalendar.DefaultTimeZone;

    public int? PageLimit { get; set; } = CallCalendar.DefaultPageLimit;

    public string? TargetPublication { get; set; }

    public string? ContactPersons { get; set; }

    /// <summary>An empty call for the form to fill.</summary>
    public static CatalogueCall NewCall() =>
        new() { Title = "", Instructions = "", TimeZone = CallCalendar.DefaultTimeZone, ContactPersons = "", PageLimit = CallCalendar.DefaultPageLimit };

    public static CallForm From(CatalogueCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new()
        {
            Title = call.Title,
            Instructions = call.Instructions,
            OpensOn = Iso(call.OpensOn),
            Deadline = Iso(call.Deadline),
            TimeZone = call.TimeZone,
            PageLimit = call.PageLimit,
            TargetPublication = Iso(call.TargetPublication),
            ContactPersons = call.ContactPersons,
        };
    }

    /// <summary>Checks every field and, when all are right, writes them to the call.</summary>
    public bool TryApply(CatalogueCall call, ModelStateDictionary errors, string prefix)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(errors);
        void Fail(string field, string message) => errors.AddModelError($"{prefix}.{field}", message);

        var title = (Title ?? "").Trim();
        if (title.Length == 0)
        {
            Fail(nameof(Title), "Enter the call's title, for example “Good practices in cooperation and assistance”.");
        }
        else if (title.Length > 200)
        {
            Fail(nameof(Title), $"The title is {title.Length} characters long; keep it to 200.");
        }

        var instructions = (Instructions ?? "").Trim();
        if (instructions.Length == 0)
        {
            Fail(nameof(Instructions), "Enter the instructions: what to write about, the suggested headings, how to credit pictures.");
        }
        else if (instructions.Length > 20_000)
        {
            Fail(nameof(Instructions), $"The instructions are {instructions.Length} characters long; keep them to 20,000.");
        }

        var opens = ParseDate(OpensOn, nameof(OpensOn), "the opening date", Fail);
        var deadline = ParseDate(Deadline, nameof(Deadline), "the deadline", Fail);
        var target = ParseDate(TargetPublication, nameof(TargetPublication), "the target publication date", Fail);
        if (opens is { } o && deadline is { } d && d < o)
        {
            Fail(nameof(Deadline), "The deadline must be on or after the opening date.");
        }

        if (deadline is { } dl && target is { } t && t <= dl)
        {
            Fail(nameof(TargetPublication), "The target publication date must be after the deadline.");
        }

        var zone = (TimeZone ?? "").Trim();
        if (!CallCalendar.IsKnownTimeZone(zone))
        {
            Fail(nameof(TimeZone), "Choose a time zone from the list.");
        }

        if (PageLimit is not (>= 1 and <= 100))
        {
            Fail(nameof(PageLimit), "Enter a page limit between 1 and 100.");
        }

        var contacts = (ContactPersons ?? "").Trim();
        if (contacts.Length == 0)
        {
            Fail(nameof(ContactPersons), "Enter who answers questions about the call, with their e-mail addresses.");
        }
        else if (contacts.Length > 2_000)
        {
            Fail(nameof(ContactPersons), $"The contact persons are {contacts.Length} characters long; keep them to 2,000.");
        }

        if (errors.ErrorCount > 0)
        {
            return false;
        }

        call.Title = title;
        call.Instructions = instructions;
        call.OpensOn = opens!.Value;
        call.Deadline = deadline!.Value;
        call.TimeZone = zone;
        call.PageLimit = PageLimit!.Value;
        call.TargetPublication = target!.Value;
        call.ContactPersons = contacts;
        return true;
    }

    private static DateOnly? ParseDate(string? text, string field, string what, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            fail(field, $"Enter {what}.");
            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date.Year is < 2000 or > 2100)
        {
            fail(field, $"Enter {what} as a real date, for example 2027-04-30.");
            return null;
        }

        return date;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Time zones offered on the form: the default first, then the usual ones for the Convention's meetings.</summary>
    public static readonly string[] TimeZones =
        [CallCalendar.DefaultTimeZone, "UTC", "America/New_York", "America/Mexico_City", "Europe/Madrid", "Europe/Oslo", "Asia/Beirut", "Asia/Bangkok", "Africa/Nairobi", "Pacific/Auckland"];
}
