using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Postings;

namespace Portal.Pages.Postings;

/// <summary>
/// Renews a posting from the link e-mailed to the sender of its text (<see cref="PostingSenderLinks"/>), without
/// signing in, by the same rule as its focal points' Renew (<see cref="PostingRenewal"/>). Opening the link changes
/// nothing (mail scanners open links); the button does. A link that was changed, made up, has expired or no longer
/// applies gets the same page whatever it named, with 404, and the page names the posting only for a valid link.
/// </summary>
public sealed class RenewByLinkModel(PostingSenderLinks links, PostingCommands commands, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>Null for a link that is not valid.</summary>
    public Posting? Posting { get; private set; }

    public bool IsOpen { get; private set; }

    public bool IsExpired { get; private set; }

    public DateTimeOffset RenewedUntil { get; private set; }

    public bool IsDone { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await links.ForRenewalAsync(Token) is not { } posting)
        {
            return NotValid();
        }

        Show(posting);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await links.ForRenewalAsync(Token) is not { } posting)
        {
            return NotValid();
        }

        IsDone = await commands.RenewAsync(posting, PostingSender.Of(posting)!.ThroughLink);
        Show(posting);
        return Page();
    }

    private void Show(Posting posting)
    {
        var now = time.GetUtcNow();
        Posting = posting;
        IsOpen = PostingRenewal.IsOpen(posting.ValidUntil, now);
        IsExpired = posting.ValidUntil <= now;
        RenewedUntil = PostingRenewal.RenewedUntil(now);
    }

    private PageResult NotValid()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
