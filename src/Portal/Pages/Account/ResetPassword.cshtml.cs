using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Accounts;
using Portal.Features.Audit;
using Portal.Features.Sessions;
using Portal.Infrastructure.Security;

namespace Portal.Pages.Account;

[PasswordResetLimit]
public sealed class ResetPasswordModel(
    AccountTokens tokens, AccountPasswords passwords, SessionStore sessions, PortalSignInManager signIn, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public bool Invalid { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Invalid = await tokens.FindValidAsync(Token, AccountTokenPurpose.PasswordReset) is null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var token = await tokens.FindValidAsync(Token, AccountTokenPurpose.PasswordReset);
        if (token is null)
        {
            Invalid = true;
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var errors = await passwords.ValidateAsync(token.User!, Input.Password);
        foreach (var error in errors)
        {
            ModelState.AddModelError("Input.Password", error);
        }

        if (errors.Count > 0)
        {
            return Page();
        }

        if (!await passwords.SetFromLinkAsync(token, Input.Password))
        {
            Invalid = true;
            return Page();
        }

        await sessions.EndAllForUserAsync(token.UserId, "password reset");
        await audit.RecordAsync(AuditEvent.PasswordReset, token.User!.Email, "by e-mailed link; all sessions ended", $"{token.User.FullName} <{token.User.Email}>");
        return await SignInModel.SignInWithNewPasswordAsync(this, signIn, audit, token.User, Input.Password);
    }
}
