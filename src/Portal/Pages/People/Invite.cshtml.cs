using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Accounts;

namespace Portal.Pages.People;

/// <summary>
/// A State's focal point invites a colleague as member or focal point: the same single-use, seven-day invitation as
/// the coordinator's. Another participant's page, GET or POST, is 404; a role the reader may not give is refused here
/// and again by <see cref="AccountInvitations.InviteAsync"/>.
/// </summary>
public sealed class InviteModel(PeoplePages pages, AccountInvitations invitations) : PageModel
{
    public const string RoleMissing = "Choose the person's role.";

    public Participant Participant { get; private set; } = null!;

    public IReadOnlyList<PortalRole> Roles { get; private set; } = [];

    public string ListPath { get; private set; } = "";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the person's full name.")]
        [StringLength(200, ErrorMessage = "The name can be at most 200 characters.")]
        [Display(Name = "Full name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter the person's e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address like name@ministry.gov.")]
        [StringLength(256, ErrorMessage = "The e-mail address can be at most 256 characters.")]
        [Display(Name = "E-mail address")]
        public string Email { get; set; } = "";

        /// <summary>Read as text and checked against the roles the reader may give, so that anything else gets the page's own message.</summary>
        public string? Role { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (!await LoadAsync(code))
        {
            return NotFound();
        }

        Input.Role = Roles[0].ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        if (await pages.ParticipantAsync(code) is not var (participant, reader))
        {
            return NotFound();
        }

        Show(participant, reader);
        var role = Enum.TryParse<PortalRole>(Input.Role, out var parsed) && Input.Role == parsed.ToString() && Roles.Contains(parsed)
            ? parsed : (PortalRole?)null;
        if (role is null)
        {
            ModelState.AddModelError("Input.Role", RoleMissing);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (error, id) = await invitations.InviteAsync(reader, Input.Name.Trim(), Input.Email.Trim(), null, participant, role!.Value);
        if (error is not null)
        {
            // The roles were checked above: what is left is about the address (one account per address).
            ModelState.AddModelError("Input.Email", error);
            return Page();
        }

        return Redirect($"/People/{Uri.EscapeDataString(participant.Code)}/{Uri.EscapeDataString(id!)}/Invited");
    }

    private async Task<bool> LoadAsync(string code)
    {
        if (await pages.ParticipantAsync(code) is not var (participant, reader))
        {
            return false;
        }

        Show(participant, reader);
        return true;
    }

    private void Show(Participant participant, Reader reader)
    {
        Participant = participant;
        // The role with fewest rights first, chosen to begin with: most colleagues read, a few publish.
        Roles = PeopleRights.RolesToGive(reader, participant)
            .OrderBy(r => r switch { PortalRole.Member or PortalRole.Observer => 0, PortalRole.FocalPoint => 1, _ => 2 }).ToList();
        ListPath = "/People/" + Uri.EscapeDataString(participant.Code);
    }
}
