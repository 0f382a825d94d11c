using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Accounts;
using Portal.Features.Participants;

namespace Portal.Pages.Admin;

/// <summary>
/// Everyone with an account: invite, change a role, re-send an invitation, re-enable. Disabling is asked on a page of its
/// own (<see cref="DisableAccountModel"/>), and so is cancelling an invitation (the page a State's focal points use too,
/// <c>/People/{code}/{id}/Cancel</c>).
/// </summary>
public sealed class AccountsModel(PortalDbContext db, AccountAdmin accounts, AccountInvitations invitations, Readers readers) : PageModel
{
    public IReadOnlyList<AccountRow> Rows { get; private set; } = [];

    public IReadOnlyList<ParticipantOption> Participants { get; private set; } = [];

    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    public sealed record AccountRow(string Id, string Name, string Email, string Participant, string ParticipantCode, PortalRole Role,
        bool Activated, bool Disabled, bool TwoFactor, DateTimeOffset? LockedUntil, IReadOnlyList<PortalRole> Roles, bool IsYou, bool IsEditor);

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Enter the person's full name.")]
        [StringLength(200, ErrorMessage = "The name can be at most 200 characters.")]
        [Display(Name = "Full name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter the person's e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address like name@ministry.gov.")]
        [StringLength(256)]
        [Display(Name = "E-mail address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose the State or organisation the person acts for.")]
        [Display(Name = "Acts for")]
        public int? ParticipantId { get; set; }

        [Display(Name = "Role")]
        public PortalRole Role { get; set; } = PortalRole.FocalPoint;
    }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostInviteAsync()
    {
        var participant = Invite.ParticipantId is int id ? await db.Participants.FindAsync(id) : null;
        if (ModelState.IsValid && participant is null)
        {
            ModelState.AddModelError("Invite.ParticipantId", "Choose the State or organisation from the list.");
        }

        if (ModelState.IsValid && await invitations.InviteAsync(await readers.CurrentAsync(), Invite.Name.Trim(), Invite.Email.Trim(), null, participant!, Invite.Role) is ({ } error, _))
        {
            ModelState.AddModelError("", error);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        return Done($"{Invite.Name.Trim()} has been invited; the invitation is valid for 7 days.");
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, PortalRole role) =>
        await accounts.ChangeRoleAsync(await readers.CurrentAsync(), id, role) is { } error ? Done(error) : Done("The role has been changed; the person's sessions have ended.");

    public async Task<IActionResult> OnPostEditorAsync(string id, bool editor) =>
        Done(await accounts.SetEditorAsync(id, editor) ?? (editor
            ? "The account is now a catalogue editor: it can open calls, review contributions and build the book."
            : "The account is no longer a catalogue editor."));

    public async Task<IActionResult> OnPostResendAsync(string id) =>
        Done(await invitations.ResendInvitationAsync(await readers.CurrentAsync(), id) ?? "A new invitation has been sent.");

    public async Task<IActionResult> OnPostEnableAsync(string id) =>
        Done(await accounts.SetDisabledAsync(await readers.CurrentAsync(), id, disabled: false) ?? "The account can sign in again.");

    private RedirectToPageResult Done(string status)
    {
        TempData["Status"] = status;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var you = User.UserIdOf();
        var rows = await db.Users.AsNoTracking()
            .Select(u => new { User = u, Participant = u.Participant! })
            .ToListAsync();
        Rows = rows
            .Select(r => new AccountRow(r.User.Id, r.User.FullName, r.User.Email!, r.Participant.Name, r.Participant.Code, r.User.Role,
                r.User.IsActivated, r.User.IsDisabled, r.User.TwoFactorEnabled, r.User.LockoutEnd, PeopleRights.RolesFor(r.Participant, includeCoordinator: true),
                r.User.Id == you, r.User.IsEditor))
            .OrderBy(r => r.Participant, StringComparer.CurrentCulture).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList();
        Participants = await ParticipantOptions.LoadAsync(db, Invite.ParticipantId);
    }
}
