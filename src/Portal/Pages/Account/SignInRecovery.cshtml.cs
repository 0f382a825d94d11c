using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Features.Accounts;
using Portal.Features.Audit;
using Portal.Infrastructure.Security;

namespace Portal.Pages.Account;

public sealed class SignInRecoveryModel(PortalSignInManager signIn, AuditLog audit, FailureLimits limits) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter one of your recovery codes.")]
        [StringLength(20, ErrorMessage = "Recovery codes are 11 characters long.")]
        [Display(Name = "Recovery code")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await limits.SignIn.RefuseAsync(HttpContext, user.Email!) is { } refused)
        {
            return refused;
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditEvent.SignIn, user.Email, "password and recovery code", $"{user.FullName} <{user.Email}>");
            TempData["Status"] = "You used a recovery code. Each code works once: make new ones under My account if you are running low.";
            return LocalRedirect(SignInModel.SafeReturnUrl(Url, ReturnUrl));
        }

        await limits.SignIn.CountFailureAsync(HttpContext, user.Email!);
        await audit.RecordAsync(AuditEvent.TwoFactorFailed, user.Email, result.IsLockedOut ? "locked out" : "wrong recovery code", "anonymous");
        ModelState.AddModelError("Input.Code", result.IsLockedOut
            ? "This account is locked for 15 minutes after too many failed attempts."
            : "That recovery code is not right or has been used already.");
        return Page();
    }
}
