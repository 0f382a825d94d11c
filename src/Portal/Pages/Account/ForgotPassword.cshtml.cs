using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Data;
using Portal.Features.Accounts;
using Portal.Features.Audit;
using Portal.Features.Security;

namespace Portal.Pages.Account;

[EnableRateLimiting(RateLimits.PasswordReset)]
public sealed class ForgotPasswordModel(UserManager<PortalUser> users, AccountMail mail, AuditLog audit, PortalDbContext db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Set by the POST for the page it redirects to; a reload of that page shows the form again.</summary>
    [TempData]
    public bool Sent { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the e-mail address of your account.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address like name@ministry.gov.")]
        [StringLength(256)]
        [Display(Name = "E-mail address")]
        public string Email { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        var eligible = user is { IsActivated: true, IsDisabled: false };
        if (eligible)
        {
            mail.SendPasswordReset(user!);
        }

        audit.WriteAs("anonymous", "PasswordResetRequested", email, eligible ? "link sent" : "no active account with this e-mail");
        await db.SaveChangesAsync();

        // The same answer either way, so the form does not reveal who has an account.
        Sent = true;
        return RedirectToPage();
    }
}
