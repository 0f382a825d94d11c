using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Catalogue;

namespace Portal.Pages.Catalogue.Contributions;

/// <summary>
/// For a State without a focal point account: an editor submits the contribution entered on its behalf (a draft, or a
/// revision the editors asked for) when the State asks by e-mail. The page shows what the State's own submit shows (time
/// left, the last page count, what the book still needs); the submission runs the State's checks, with the consent
/// statement as the editor confirms the sender's e-mail gives it. Who sent the e-mail is declared and shown as recorded.
/// </summary>
public sealed class SubmitOnBehalfModel(ContributionCommands commands, CatalogueVisitors visitors, TimeProvider time) : PageModel
{
    public Contribution Contribution { get; private set; } = null!;

    public string TimeLeft { get; private set; } = "";

    public PageCount? Count { get; private set; }

    /// <summary>What the book still needs that only the State's text can give, as the submission check says it.</summary>
    public IReadOnlyList<SubmissionProblem> Missing { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the name of the person whose e-mail asks for the submission.")]
        [StringLength(ContributionLimits.Name, ErrorMessage = "The name can be at most 200 characters.")]
        [Display(Name = "Who sent the e-mail: name")]
        public string? FromName { get; set; }

        [Required(ErrorMessage = "Enter the e-mail address the request came from.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address like name@ministry.gov.")]
        [StringLength(256, ErrorMessage = "The e-mail address can be at most 256 characters.")]
        [Display(Name = "Who sent the e-mail: e-mail address")]
        public string? FromEmail { get; set; }

        [Required(ErrorMessage = "Enter the date of the e-mail, for example 3 May 2027 as 2027-05-03.")]
        [Display(Name = "Date of the e-mail")]
        public string? ReceivedOn { get; set; }

        /// <summary>The editor confirms the sender's e-mail gives the consent statement; it becomes the contribution's.</summary>
        public bool Consent { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = new InputModel
        {
            FromName = Contribution.ReceivedFromName,
            FromEmail = Contribution.ReceivedFromEmail,
            ReceivedOn = CallCalendar.Today(Contribution.Call!, time.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        DateOnly receivedOn = default;
        if (Input.ReceivedOn is { } typed
            && !DateOnly.TryParseExact(typed.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out receivedOn))
        {
            ModelState.AddModelError("Input.ReceivedOn", "Enter the date of the e-mail, for example 3 May 2027 as 2027-05-03.");
        }
        else if (receivedOn > CallCalendar.Today(Contribution.Call!, time.GetUtcNow()))
        {
            ModelState.AddModelError("Input.ReceivedOn", "The date of the e-mail cannot be in the future.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await commands.SubmitOnBehalfAsync(Contribution, Input.FromName!.Trim(), Input.FromEmail!.Trim(), receivedOn, Input.Consent, ModelState, HttpContext.RequestAborted))
        {
            Count = CountOf(Contribution);
            return Page();
        }

        TempData["Status"] = $"“{Contribution.Title}” is submitted on behalf of {Contribution.Participant!.Name}, from the e-mail of {Input.FromName.Trim()}. It is with the editors for review; its page says that you submitted it, from that e-mail.";
        return RedirectToPage("Show", new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var visitor = await visitors.CurrentAsync();
        if (await commands.FindAsync(id) is not { } contribution
            || !visitor.MaySubmitOnBehalf(contribution, await visitors.StateSignsOffAsync(contribution.ParticipantId)))
        {
            return false;
        }

        Contribution = contribution;
        TimeLeft = contribution.Status == ContributionStatus.RevisionRequested
            ? "The editors asked for a revision: it can be submitted again whatever the deadline."
            : CallCalendar.TimeLeft(contribution.Call!, time.GetUtcNow(), await commands.ExtensionAsync(contribution.CallId, contribution.ParticipantId));
        Count = CountOf(contribution);
        // Consent is the editor's to confirm here, and the page count is laid out on submit: the rest is the State's text.
        Missing = [.. SubmissionCheck.Problems(contribution, contribution.Call!.PageLimit, laidOutPages: null).Where(p => p.Field != "Consent")];
        return true;
    }

    private static PageCount? CountOf(Contribution contribution) =>
        contribution.LaidOutPages is int pages ? new PageCount(pages, contribution.LaidOutPagesWithPictures ?? pages) : null;
}
