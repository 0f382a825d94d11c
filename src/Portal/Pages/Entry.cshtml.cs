using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Features.EntryCodes;
using Portal.Features.Participants;
using Portal.Features.Sessions;
using Portal.Infrastructure.Security;

namespace Portal.Pages;

/// <summary>The front door: sign in, enter the current entry code, or request access.</summary>
public sealed class EntryModel(PortalDbContext db, EntryCodeStore codes, SessionStore sessions, AuditLog audit, FailureLimits limits) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<ParticipantOption> Participants { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(200, ErrorMessage = "Your name can be at most 200 characters.")]
        [Display(Name = "Your name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address like name@ministry.gov.")]
        [StringLength(256)]
        [Display(Name = "Your e-mail address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose the State or organisation you act for.")]
        [Display(Name = "You act for")]
        public int? ParticipantId { get; set; }

        [Required(ErrorMessage = "Enter the entry code.")]
        [StringLength(64)]
        [Display(Name = "Entry code")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect("/");
        }

        Participants = await ParticipantOptions.LoadAsync(EntryCodeParticipants.OpenToAnyCode(db), null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var participant = Input.ParticipantId is int id
            ? await EntryCodeParticipants.OpenToAnyCode(db).SingleOrDefaultAsync(p => p.Id == id)
            : null;
        if (ModelState.IsValid && participant is null)
        {
            ModelState.AddModelError("Input.ParticipantId", "Choose the State or organisation you act for from the list.");
        }

        if (!ModelState.IsValid)
        {
            Participants = await ParticipantOptions.LoadAsync(EntryCodeParticipants.OpenToAnyCode(db), Input.ParticipantId);
            return Page();
        }

        if (await limits.EntryCode.RefuseAsync(HttpContext, Input.Email) is { } refused)
        {
            return refused;
        }

        var code = await codes.MatchAsync(Input.Code);
        var fits = code is not null && await EntryCodeParticipants.OpenTo(db, code.Audience).AnyAsync(p => p.Id == participant!.Id);
        if (!fits)
        {
            // Same answer whether the code is wrong or belongs to the other audience: no hint either way.
            await limits.EntryCode.CountFailureAsync(HttpContext, Input.Email);
            await audit.RecordAsync(AuditEvent.EntryCodeRejected, participant!.Name, code is null ? "wrong code" : "a code not for this participant",
                AuditLog.Unverified(Input.Name, Input.Email));
            ModelState.AddModelError("Input.Code",
                "This entry code is not valid for the participant you chose. Check the latest e-mail from the coordinator; codes change regularly.");
            Participants = await ParticipantOptions.LoadAsync(EntryCodeParticipants.OpenToAnyCode(db), Input.ParticipantId);
            return Page();
        }

        var principal = await sessions.StartCodeSessionAsync(code!, participant!, Input.Name.Trim(), Input.Email.Trim(),
            HttpContext.Connection.RemoteIpAddress?.ToString());
        await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, principal);
        await audit.RecordAsync(AuditEvent.EntryCodeUsed, participant!.Name, $"{code!.Audience} code #{code.Id}", AuditLog.Unverified(Input.Name, Input.Email));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
