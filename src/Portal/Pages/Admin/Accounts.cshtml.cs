using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Features.Security;

namespace Portal.Pages.Admin;

/// <summary>Everyone with an account; the coordinator can disable (ending every session at once) or re-enable.</summary>
public sealed class AccountsModel(PortalDbContext db, UserManager<PortalUser> users, SessionStore sessions, AuditLog audit) : PageModel
{
    public IReadOnlyList<AccountRow> Rows { get; private set; } = [];

    public sealed record AccountRow(string Id, string Name, string Email, string Participant, PortalRole Role,
        bool Activated, bool Disabled, bool TwoFactor, DateTimeOffset? LockedUntil);

    public async Task OnGetAsync()
    {
        var rows = await db.Users.AsNoTracking()
            .Select(u => new AccountRow(u.Id, u.FullName, u.Email!, u.Participant!.Name, u.Role, u.IsActivated, u.IsDisabled,
                u.TwoFactorEnabled, u.LockoutEnd))
            .ToListAsync();
        Rows = rows.OrderBy(r => r.Participant, StringComparer.CurrentCulture).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == User.UserIdOf())
        {
            TempData["Status"] = "You cannot disable your own account.";
            return RedirectToPage();
        }

        user.IsDisabled = true;
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllForUserAsync(user.Id, "disabled by the coordinator");
        await audit.RecordAsync("AccountDisabled", user.Email, "all sessions ended");
        TempData["Status"] = $"{user.FullName} can no longer sign in; their sessions have ended.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEnableAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        user.IsDisabled = false;
        await users.UpdateAsync(user);
        await audit.RecordAsync("AccountEnabled", user.Email);
        TempData["Status"] = $"{user.FullName} can sign in again.";
        return RedirectToPage();
    }
}
