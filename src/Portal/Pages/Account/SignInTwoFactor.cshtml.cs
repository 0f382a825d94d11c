using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Features.Accounts;
using Portal.Features.Audit;
using Portal.Infrastructure.Security;

namespace Portal.Pages.Account;

public sealed class SignInTwoFactorModel(PortalSignInManager signIn, AuditLog audit, FailureLimits limits) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app.")]
        [StringLength(9, ErrorMessage = "The code has 6 digits.")]
        [Display(Name = "Authenticator code")]
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

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Input.Code.Trim(), false, false);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditEvent.SignIn, user.Email, "password and authenticator", $"{user.FullName} <{user.Email}>");
            return LocalRedirect(SignInModel.SafeReturnUrl(Url, ReturnUrl));
        }

        await limits.SignIn.CountFailureAsync(HttpContext, user.Email!);
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditEvent.SignInLockedOut, user.Email, "too many failed second-factor attempts", "anonymous");
            ModelState.AddModelError("", "This account is locked for 15 minutes after too many failed attempts.");
            return Page();
        }

        await audit.RecordAsync(AuditEvent.TwoFactorFailed, user.Email, "wrong or reused authenticator code", "anonymous");
        ModelState.AddModelError("Input.Code", "That code is not right, or it has already been used. Wait for the next code in your app and try again.");
        return Page();
    }
}
