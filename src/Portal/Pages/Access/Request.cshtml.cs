using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Participants;
using Portal.Features.Security;

namespace Portal.Pages.Access;

[EnableRateLimiting(RateLimits.AccessRequest)]
public sealed class RequestModel(PortalDbContext db, AccessRequests requests) : PageModel
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
        if (ModelState.IsValid && (Input.ParticipantId is not int id || await db.Participants.FindAsync(id) is null))
        {
            ModelState.AddModelError("Input.ParticipantId", "Choose your State or organisation from the list.");
        }

        if (!ModelState.IsValid)
        {
            Participants = await ParticipantOptions.LoadAsync(db, Input.ParticipantId);
            return Page();
        }

        await requests.SubmitAsync(Input.Name.Trim(), Input.Email.Trim(), Input.ParticipantId!.Value, Input.Position.Trim(),
            Input.Note?.Trim(), HttpContext.Connection.RemoteIpAddress?.ToString());
        return RedirectToPage("/Access/Requested");
    }
}
