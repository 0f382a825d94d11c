using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Subscriptions;

namespace Portal.Pages;

/// <summary>
/// Stops a subscription's e-mails from the link in one of them, without signing in. Opening the link changes nothing
/// (mail scanners open links); the button does. The page tells nothing of the subscription or its owner, and a link
/// that was changed, made up or has expired reads the same whatever it named.
/// </summary>
public sealed class UnsubscribeModel(UnsubscribeLinks links, PortalDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool IsValid { get; private set; }

    public bool IsDone { get; private set; }

    public IActionResult OnGet()
    {
        IsValid = links.Read(Token) is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (links.Read(Token) is not int id)
        {
            return Page();
        }

        // Already removed reads the same as removed now: the answer tells nothing.
        await db.Subscriptions.Where(s => s.Id == id).ExecuteDeleteAsync();
        IsValid = true;
        IsDone = true;
        return Page();
    }
}
