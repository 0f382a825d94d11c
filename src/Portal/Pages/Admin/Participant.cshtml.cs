using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Features.Participants;

namespace Portal.Pages.Admin;

/// <summary>One participant: a State's CCM status, or an organisation's name, kind and whether it may publish.</summary>
public sealed class ParticipantModel(PortalDbContext db, AuditLog audit) : PageModel
{
    public Participant Participant { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "CCM status")]
        public CcmStatus? Status { get; set; }

        [StringLength(200, ErrorMessage = "The name can be at most 200 characters.")]
        [Display(Name = "Name")]
        public string? Name { get; set; }

        [Display(Name = "Kind")]
        public ParticipantKind Kind { get; set; } = ParticipantKind.InternationalOrganisation;

        [Display(Name = "Its focal points may publish")]
        public bool MayPublish { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (await FindAsync(code) is not { } participant)
        {
            return NotFound();
        }

        Participant = participant;
        Input = new InputModel { Status = participant.CcmStatus, Name = participant.Name, Kind = participant.Kind, MayPublish = participant.MayPublish };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        if (await FindAsync(code) is not { } participant)
        {
            return NotFound();
        }

        Participant = participant;
        if (participant.IsState && (Input.Status is not { } status || !Enum.IsDefined(status)))
        {
            ModelState.AddModelError("Input.Status", "Choose the State's CCM status.");
        }

        if (!participant.IsState && string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError("Input.Name", "Enter the organisation's name.");
        }

        if (!participant.IsState && Input.Kind is not (ParticipantKind.InternationalOrganisation or ParticipantKind.Ngo))
        {
            ModelState.AddModelError("Input.Kind", "Choose whether it is an international or a non-governmental organisation.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (participant.IsState)
        {
            var before = participant.CcmStatus;
            participant.CcmStatus = Input.Status;
            audit.Write(AuditEvent.ParticipantStatusChanged, participant.Name, $"{before?.Label()} → {Input.Status!.Value.Label()}");
            TempData["Status"] = $"{participant.Name} is now recorded as {Input.Status.Value.Label()}.";
        }
        else
        {
            var before = $"{participant.Name}; {participant.Kind.Label()}; may publish: {(participant.MayPublish ? "yes" : "no")}";
            participant.Name = Input.Name!.Trim();
            participant.Kind = Input.Kind;
            participant.MayPublish = Input.MayPublish;
            audit.Write(AuditEvent.ParticipantChanged, participant.Name,
                $"{before} → {participant.Name}; {participant.Kind.Label()}; may publish: {(participant.MayPublish ? "yes" : "no")}");
            TempData["Status"] = $"The changes to {participant.Name} are saved.";
        }

        await db.SaveChangesAsync();
        return RedirectToPage("/Admin/Participants");
    }

    private Task<Participant?> FindAsync(string code) => db.Participants.SingleOrDefaultAsync(p => p.Code == code);
}
