using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Accounts;
using Portal.Features.Audit;
using Portal.Features.Sessions;
using QRCoder;

namespace Portal.Pages.Account.Manage;

/// <summary>Set up, renew or turn off the authenticator-app second factor. Coordinators cannot turn it off.</summary>
public sealed class TwoFactorModel(
    UserManager<PortalUser> users, PortalSignInManager signIn, SessionStore sessions, AuditLog audit) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    public PortalUser? Account { get; private set; }

    public string SharedKey { get; private set; } = "";

    public string QrDataUri { get; private set; } = "";

    public int RecoveryCodesLeft { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the 6-digit code your app shows.")]
        [StringLength(9, ErrorMessage = "The code has 6 digits.")]
        [Display(Name = "Code from the app")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(Account!, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", "That code is not right. Check that the time on your phone is correct, wait for the next code and try again.");
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(Account!, true);
        var recovery = await users.GenerateNewTwoFactorRecoveryCodesAsync(Account!, 10);
        await sessions.EndAllForUserAsync(Account!.Id, "second factor enabled");
        audit.Write(AuditEvent.TwoFactorEnabled, Account.Email, "authenticator app; all other sessions ended");
        await signIn.SignInWithClaimsAsync(Account, false, [new System.Security.Claims.Claim(PortalClaims.AuthenticationMethod, "mfa")]);
        TempData["RecoveryCodes"] = string.Join(' ', recovery ?? []);
        return RedirectToPage("/Account/Manage/RecoveryCodes");
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (!await LoadAsync() || !Account!.TwoFactorEnabled)
        {
            return NotFound();
        }

        if (!await CurrentCodeIsRightAsync())
        {
            return Page();
        }

        var recovery = await users.GenerateNewTwoFactorRecoveryCodesAsync(Account, 10);
        await audit.RecordAsync(AuditEvent.RecoveryCodesGenerated, Account.Email);
        TempData["RecoveryCodes"] = string.Join(' ', recovery ?? []);
        return RedirectToPage("/Account/Manage/RecoveryCodes");
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (!await LoadAsync() || !Account!.TwoFactorEnabled)
        {
            return NotFound();
        }

        if (Account.Role == PortalRole.Coordinator)
        {
            ModelState.AddModelError("", "Coordinators must keep sign-in with an authenticator app. To move to a new phone, set the app up again instead.");
            return Page();
        }

        if (!await CurrentCodeIsRightAsync())
        {
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(Account, false);
        await users.ResetAuthenticatorKeyAsync(Account);
        await sessions.EndAllForUserAsync(Account.Id, "second factor disabled");
        audit.Write(AuditEvent.TwoFactorDisabled, Account.Email, "all other sessions ended");
        await signIn.SignInWithClaimsAsync(Account, false, [new System.Security.Claims.Claim(PortalClaims.AuthenticationMethod, "pwd")]);
        TempData["Status"] = "Sign-in with an authenticator app is now off.";
        return RedirectToPage();
    }

    /// <summary>Changes to the second factor need a code from the app, not only an open session.</summary>
    private async Task<bool> CurrentCodeIsRightAsync()
    {
        if (!ModelState.IsValid)
        {
            return false;
        }

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (await users.VerifyTwoFactorTokenAsync(Account!, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return true;
        }

        await users.AccessFailedAsync(Account!);
        await audit.RecordAsync(AuditEvent.TwoFactorFailed, Account!.Email, "wrong code while changing the second factor");
        ModelState.AddModelError("Input.Code", "That code is not right, or it has already been used. Wait for the next code in your app and try again.");
        return false;
    }

    private async Task<bool> LoadAsync()
    {
        Account = await users.GetUserAsync(User);
        if (Account is null)
        {
            return false;
        }

        if (Account.TwoFactorEnabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(Account);
            return true;
        }

        var key = await users.GetAuthenticatorKeyAsync(Account);
        if (string.IsNullOrEmpty(key))
        {
            // Not ResetAuthenticatorKeyAsync: that renews the security stamp and would end this very session.
            key = users.GenerateNewAuthenticatorKey();
            await users.SetAuthenticationTokenAsync(Account, "[AspNetUserStore]", "AuthenticatorKey", key);
        }

        SharedKey = Group(key!);
        var uri = $"otpauth://totp/{Uri.EscapeDataString("CCM Cooperation Portal")}:{Uri.EscapeDataString(Account.Email!)}" +
                  $"?secret={key}&issuer={Uri.EscapeDataString("CCM Cooperation Portal")}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(4);
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
        return true;
    }

    private static string Group(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                sb.Append(' ');
            }

            sb.Append(char.ToLowerInvariant(key[i]));
        }

        return sb.ToString();
    }
}
