using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Participants;
using Portal.Infrastructure.Security;

namespace Portal.Pages.Access;

/// <summary>
/// The request form, open to anyone. A room of delegates behind one address each files one; what a crowd or a script
/// sends beyond that is refused: a second request from an e-mail address already waiting, more refusals than
/// <see cref="FailureLimits"/> allows, more requests filed than <see cref="AcceptedLimits.AccessRequestsPerHour"/>.
/// </summary>
public sealed class RequestModel(PortalDbContext db, AccessRequests requests, FailureLimits failures, AcceptedLimits accepted) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<ParticipantOption> Participants { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your full name.")]
        [StringLength(200, ErrorMessage = "Your name can be at most 200 characters.")]
        [Display(Name = "Full name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter your work e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address like name@ministry.gov.")]
        [StringLength(256, ErrorMessage = "The e-mail address can be at most 256 characters.")]
        [Display(Name = "Work e-mail address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose the State or organisation you work for.")]
        [Display(Name = "State or organisation")]
        public int? ParticipantId { get; set; }

        [Required(ErrorMessage = "Enter your position, for example \"Deputy Permanent Representative\".")]
        [StringLength(200, ErrorMessage = "The position can be at most 200 characters.")]
        [Display(Name = "Position")]
        public string Position { get; set; } = "";

        [StringLength(2000, ErrorMessage = "The note can be at most 2,000 characters.")]
        [Display(Name = "Note to the coordinator (optional)")]
        public string? Note { get; set; }
    }

    public async Task OnGetAsync() => Participants = await ParticipantOptions.LoadAsync(db, null);

    public async Task<IActionResult> OnPostAsync()
    {
        // An e-mail field left empty binds as null; such forms count under one empty name.
        var typedEmail = Input.Email ?? "";
        if (await failures.AccessRequest.RefuseAsync(HttpContext, typedEmail) is { } refused)
        {
            return refused;
        }

        if (ModelState.IsValid && (Input.ParticipantId is not int id || await db.Participants.FindAsync(id) is null))
        {
            ModelState.AddModelError("Input.ParticipantId", "Choose your State or organisation from the list.");
        }

        if (!ModelState.IsValid)
        {
            await failures.AccessRequest.CountFailureAsync(HttpContext, typedEmail);
            Participants = await ParticipantOptions.LoadAsync(db, Input.ParticipantId);
            return Page();
        }

        var (name, email) = (Input.Name.Trim(), typedEmail.Trim());
        if (await requests.IsPendingAsync(email))
        {
            return await AlreadyPendingAsync(name, email);
        }

        if (await accepted.AccessRequest.TakeAsync(HttpContext) is { } tooMany)
        {
            return tooMany;
        }

        var filed = await requests.SubmitAsync(name, email, Input.ParticipantId!.Value, Input.Position.Trim(),
            Input.Note?.Trim(), HttpContext.Connection.RemoteIpAddress?.ToString());
        return filed is null ? await AlreadyPendingAsync(name, email) : RedirectToPage("/Access/Requested");
    }

    /// <summary>
    /// The same e-mail address again, while its request waits: nothing filed or sent, and a page that says only that
    /// (the visitor is not verified, so nothing of the earlier request is shown).
    /// </summary>
    private async Task<IActionResult> AlreadyPendingAsync(string name, string email)
    {
        await failures.AccessRequest.CountFailureAsync(HttpContext, email);
        await requests.RecordRepeatAsync(name, email);
        return RedirectToPage("/Access/AlreadyRequested");
    }
}
