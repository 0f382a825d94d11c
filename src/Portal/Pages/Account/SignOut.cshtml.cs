using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Features.Accounts;
using Portal.Features.Audit;

namespace Portal.Pages.Account;

/// <summary>POST only: ends the session on the server, so a copied cookie stops working too.</summary>
public sealed class SignOutModel(PortalSignInManager signIn, AuditLog audit) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        // Recorded first, while the request still knows who is signing out.
        await audit.RecordAsync(AuditEvent.SignOut, detail: "session ended");
        await signIn.SignOutAsync();
        TempData["Status"] = "You have signed out.";
        return RedirectToPage("/Entry");
    }
}
