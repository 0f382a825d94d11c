using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Accounts;
using Portal.Features.Audit;
using Portal.Infrastructure.Security;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Portal.Pages.Account;

public sealed class SignInModel(PortalSignInManager signIn, UserManager<PortalUser> users, AuditLog audit, FailureLimits limits, DummyPasswordHash dummy) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address like name@ministry.gov.")]
        [StringLength(256)]
        [Display(Name = "E-mail address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(PasswordPolicyValidator.MaxLength, ErrorMessage = "Passwords are at most 128 characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";
    }

    /// <summary>After an invitation or a reset the e-mail address is filled in.</summary>
    public IActionResult OnGet(string? email)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect("/");
        }

        Input.Email = email?.Length <= 256 ? email : "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        if (await limits.SignIn.RefuseAsync(HttpContext, email) is { } refused)
        {
            return refused;
        }

        var user = await users.FindByEmailAsync(email);
        var result = user is null ? SignInResult.Failed : await signIn.PasswordSignInAsync(user, Input.Password, false, lockoutOnFailure: true);
        if (user is null || result.IsLockedOut || result.IsNotAllowed)
        {
            // Identity answers these without checking the password: spend the same time as a real check, so the
            // answer's speed does not reveal who has an account, or whose account is locked or disabled.
            dummy.Check(Input.Password);
        }

        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditEvent.SignIn, email, "password", $"{user!.FullName} <{email}>");
            return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/SignInTwoFactor", new { returnUrl = ReturnUrl });
        }

        await limits.SignIn.CountFailureAsync(HttpContext, email);
        await audit.RecordAsync(result.IsLockedOut ? AuditEvent.SignInLockedOut : AuditEvent.SignInFailed, email,
            user is null ? "unknown e-mail" : result.IsLockedOut ? "locked after too many failed attempts"
            : result.IsNotAllowed ? "account disabled or not activated" : "wrong password", "anonymous");

        // One answer for every failure, so the form does not tell a stranger which accounts exist or are locked.
        ModelState.AddModelError("", FailureMessage);
        return Page();
    }

    public const string FailureMessage = "The e-mail address or password is not right, or the account is locked for 15 minutes " +
        "after too many failed attempts. Check both and try again later, or reset your password.";

    /// <summary>
    /// After a password set from a link (an invitation or a reset) the person is signed in as by this form, with the
    /// second step where the account has one, rather than sent to type the password again.
    /// </summary>
    internal static async Task<IActionResult> SignInWithNewPasswordAsync(
        PageModel page, PortalSignInManager signIn, AuditLog audit, PortalUser user, string password)
    {
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditEvent.SignIn, user.Email, "password set from a link", $"{user.FullName} <{user.Email}>");
            page.TempData["Status"] = "Your password is set and you are signed in.";
            return page.LocalRedirect("/");
        }

        if (result.RequiresTwoFactor)
        {
            page.TempData["Status"] = "Your password is set. Enter the code from your authenticator app to finish signing in.";
            return page.RedirectToPage("/Account/SignInTwoFactor");
        }

        page.TempData["Status"] = "Your password is set. Sign in with your e-mail address and new password.";
        return page.RedirectToPage("/Account/SignIn", new { email = user.Email });
    }

    /// <summary>Only a path inside the portal; anything else goes home.</summary>
    internal static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
