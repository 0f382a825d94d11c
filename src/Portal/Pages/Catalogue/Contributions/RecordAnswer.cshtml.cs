using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Catalogue;
using Portal.Features.Versions;

namespace Portal.Pages.Catalogue.Contributions;

/// <summary>
/// For a State without a focal point account (a contribution the editors entered on its behalf): an editor records the
/// State's answer to the waiting copy-edit, received by e-mail, with who answered (prefilled from the recorded sender).
/// A sign-off puts the changes in the book; the versions show it as recorded by the editor, not as the State's own.
/// </summary>
public sealed class RecordAnswerModel(PortalDbContext db, ContributionCommands contributions, CopyEdits copyEdits, CatalogueVisitors visitors) : PageModel
{
    public Contribution Contribution { get; private set; } = null!;

    /// <summary>The proposal waiting for the State's answer; none when nothing waits.</summary>
    public ContributionEdit? Proposal { get; private set; }

    public string EditorName { get; private set; } = "";

    public IReadOnlyList<DiffLine> Changes { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public enum StateAnswer
    {
        SignedOff,
        Declined,
    }

    public sealed class InputModel
    {
        /// <summary>The proposal the page showed: the answer is for those changes, not for whatever waits by then.</summary>
        public int EditId { get; set; }

        [Required(ErrorMessage = "Choose the State's answer: it signs the changes off or declines them.")]
        [Display(Name = "The State's answer")]
        public StateAnswer? Answer { get; set; }

        [Display(Name = "Why the State declines them")]
        public string? Reason { get; set; }

        [Required(ErrorMessage = "Enter the name of the person who answered for the State.")]
        [StringLength(ContributionLimits.Name, ErrorMessage = "The name can be at most 200 characters.")]
        [Display(Name = "Who answered: name")]
        public string? FromName { get; set; }

        [Required(ErrorMessage = "Enter the e-mail address the answer came from.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address like name@ministry.gov.")]
        [StringLength(256, ErrorMessage = "The e-mail address can be at most 256 characters.")]
        [Display(Name = "Who answered: e-mail address")]
        public string? FromEmail { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = new InputModel { EditId = Proposal?.Id ?? 0, FromName = Contribution.ReceivedFromName, FromEmail = Contribution.ReceivedFromEmail };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var reason = (Input.Reason ?? "").Trim();
        if (Input.Answer is { } answer && !Enum.IsDefined(answer))
        {
            ModelState.AddModelError("Input.Answer", "Choose the State's answer: it signs the changes off or declines them.");
        }
        else if (Input.Answer == StateAnswer.Declined && reason.Length == 0)
        {
            ModelState.AddModelError("Input.Reason", "Give the State's reason for declining the changes, as its e-mail says it: the editors read it.");
        }
        else if (Input.Answer == StateAnswer.Declined && reason.Length > ContributionEditLimits.Reason)
        {
            ModelState.AddModelError("Input.Reason", $"The reason is {reason.Length:N0} characters long; keep it to {ContributionEditLimits.Reason:N0}.");
        }

        if (!ModelState.IsValid || Proposal is null)
        {
            return Page();
        }

        var signedOff = Input.Answer == StateAnswer.SignedOff;
        if (!await copyEdits.RecordAnswerAsync(Contribution, Input.EditId, signedOff ? null : reason, Input.FromName!.Trim(), Input.FromEmail!.Trim()))
        {
            TempData["Status"] = "Those changes no longer wait for an answer: another editor replaced them or recorded an answer first. Nothing was changed.";
            return RedirectToPage(new { id });
        }

        TempData["Status"] = signedOff
            ? $"You recorded that {Contribution.Participant!.Name} signed the changes off by e-mail. They are the contribution's text now, and the book uses them from its next build; the versions page shows the sign-off as recorded by you."
            : $"You recorded that {Contribution.Participant!.Name} declined the changes by e-mail. The book keeps the State's text.";
        return RedirectToPage("Show", new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var visitor = await visitors.CurrentAsync();
        if (await contributions.FindAsync(id) is not { } contribution
            || !visitor.MayRecordAnswer(contribution, await visitors.StateSignsOffAsync(contribution.ParticipantId)))
        {
            return false;
        }

        Contribution = contribution;
        Proposal = await copyEdits.OpenAsync(id);
        if (Proposal is { } proposal)
        {
            Changes = ContributionTexts.Of(proposal).ChangesFrom(ContributionTexts.Of(contribution));
            EditorName = await db.Users.AsNoTracking().Where(u => u.Id == proposal.EditorId).Select(u => u.FullName).SingleOrDefaultAsync() ?? "";
        }

        return true;
    }
}
