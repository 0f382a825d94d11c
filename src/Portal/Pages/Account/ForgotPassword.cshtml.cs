using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Accounts;
using Portal.Features.Audit;
using Portal.Infrastructure.Security;

namespace Portal.Pages.Account;

/// <summary>
/// Asks for a reset link. Limited per address (<see cref="RateLimits.PasswordResetsPerHour"/>, every POST) and per
/// account (<see cref="ResetsPerAccountPerHour"/>); the answer is the same whether the account exists, is over its
/// limit or not, so the form tells nobody who has an account.
/// </summary>
[PasswordResetLimit]
public sealed class ForgotPasswordModel(
    UserManager<PortalUser> users, AccountMail mail, AccountTokens tokens, AuditLog audit, PortalDbContext db) : PageModel
{
    /// <summary>
    /// Reset e-mails one account is sent in an hour, whoever asks and from wherever: enough for a person who lost the
    /// first one or two, too few for anyone to fill that person's mailbox with them.
    /// </summary>
    public const int ResetsPerAccountPerHour = 3;

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
        string outcome;
        if (user is not { IsActivated: true, IsDisabled: false })
        {
            outcome = "no active account with this e-mail";
        }
        else if (await tokens.CountIssuedWithinAsync(user, AccountTokenPurpose.PasswordReset, TimeSpan.FromHours(1)) >= ResetsPerAccountPerHour)
        {
            outcome = $"not sent: this account was already sent {ResetsPerAccountPerHour} reset links within the hour";
        }
        else
        {
            mail.SendPasswordReset(user);
            outcome = "link sent";
        }

        audit.WriteAs("anonymous", AuditEvent.PasswordResetRequested, email, outcome);
        await db.SaveChangesAsync();

        // The same answer in every case, so the form does not reveal who has an account.
        Sent = true;
        return RedirectToPage();
    }
}
