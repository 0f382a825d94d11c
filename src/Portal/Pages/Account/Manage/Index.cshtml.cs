using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Accounts;
using Portal.Features.Audit;
using Portal.Features.Sessions;
using Portal.Infrastructure.Security;

namespace Portal.Pages.Account.Manage;

public sealed class IndexModel(
    UserManager<PortalUser> users, PortalSignInManager signIn, SessionStore sessions, AuditLog audit, FailureLimits limits) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PortalUser? Account { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "Choose a new password.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Type the new password a second time.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two new passwords are not the same.")]
        [Display(Name = "New password, again")]
        public string Confirm { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        Account = await users.GetUserAsync(User);
        return Account is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Account = await users.GetUserAsync(User);
        if (Account is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Someone at an unattended, signed-in computer must not be able to guess the password here without limit.
        if (await limits.SignIn.RefuseAsync(HttpContext, Account.Email!) is { } refused)
        {
            return refused;
        }

        if (await users.IsLockedOutAsync(Account))
        {
            ModelState.AddModelError("Input.Current", "Too many wrong passwords: try again in 15 minutes.");
            return Page();
        }

        if (!await users.CheckPasswordAsync(Account, Input.Current))
        {
            await users.AccessFailedAsync(Account);
            await limits.SignIn.CountFailureAsync(HttpContext, Account.Email!);
            await audit.RecordAsync(AuditEvent.PasswordChangeFailed, Account.Email, "wrong current password");
            ModelState.AddModelError("Input.Current", "Your current password is not right.");
            return Page();
        }

        var result = await users.ChangePasswordAsync(Account, Input.Current, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.Current" : "Input.Password",
                    error.Code == "PasswordMismatch" ? "Your current password is not right." : error.Description);
            }

            return Page();
        }

        // The security stamp changed: every other session of this account ends; this one starts afresh.
        await sessions.EndAllForUserAsync(Account.Id, "password changed");
        audit.Write(AuditEvent.PasswordChanged, Account.Email, "all other sessions ended");
        await signIn.RenewSessionAsync(Account, User);
        TempData["Status"] = "Your password has been changed. You have been signed out everywhere else.";
        return RedirectToPage();
    }
}
