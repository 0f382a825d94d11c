using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Accounts;
using Portal.Features.Audit;

namespace Portal.Pages.Account;

/// <summary>The invitation link: the invited person chooses a password. Single use, seven days.</summary>
public sealed class InvitationModel(
    PortalDbContext db, AccountTokens tokens, AccountPasswords passwords, PortalSignInManager signIn, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public string? Email { get; private set; }

    public string? FullName { get; private set; }

    public string? ParticipantName { get; private set; }

    public bool Invalid { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var token = await LoadAsync();
        if (token is null || !ModelState.IsValid)
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

        await audit.RecordAsync(AuditEvent.InvitationUsed, token.User!.Email, "password set", $"{token.User.FullName} <{token.User.Email}>");
        return await SignInModel.SignInWithNewPasswordAsync(this, signIn, audit, token.User, Input.Password);
    }

    private async Task<AccountToken?> LoadAsync()
    {
        var token = await tokens.FindValidAsync(Token, AccountTokenPurpose.Invitation);
        if (token is null)
        {
            Invalid = true;
            return null;
        }

        Email = token.User!.Email;
        FullName = token.User.FullName;
        ParticipantName = (await db.Participants.FindAsync(token.User.ParticipantId))?.Name;
        return token;
    }
}

public sealed class NewPasswordInput
{
    [Required(ErrorMessage = "Choose a password.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Type the password a second time.")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    [Display(Name = "New password, again")]
    public string Confirm { get; set; } = "";
}
