using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Accounts;

namespace Portal.Pages.Admin;

/// <summary>Asks before disabling an account, because it ends the person's sessions at once; then disables it.</summary>
public sealed class DisableAccountModel(PortalDbContext db, AccountAdmin accounts, Readers readers) : PageModel
{
    public sealed record Person(string Name, string Email, string Participant, PortalRole Role);

    public Person Account { get; private set; } = null!;

    /// <summary>The participant's last active focal point: the coordinator may disable them, warned that nobody is left to act for it.</summary>
    public bool LeavesNoFocalPoint { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var found = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { Person = new Person(u.FullName, u.Email!, u.Participant!.Name, u.Role), u.IsDisabled, u.IsActivated, u.ParticipantId })
            .SingleOrDefaultAsync();
        if (found is null)
        {
            return NotFound();
        }

        if (found.IsDisabled)
        {
            TempData["Status"] = $"The account of {found.Person.Name} is already disabled.";
            return RedirectToPage("/Admin/Accounts");
        }

        Account = found.Person;
        LeavesNoFocalPoint = found.Person.Role == PortalRole.FocalPoint && found.IsActivated && !await db.Users.AnyAsync(u =>
            u.ParticipantId == found.ParticipantId && u.Id != id && u.Role == PortalRole.FocalPoint && u.IsActivated && !u.IsDisabled);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        TempData["Status"] = await accounts.SetDisabledAsync(await readers.CurrentAsync(), id, disabled: true)
            ?? "The account can no longer sign in; its sessions have ended.";
        return RedirectToPage("/Admin/Accounts");
    }
}
