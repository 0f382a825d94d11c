using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Postings;

namespace Portal.Pages.Postings;

/// <summary>Where the reminder e-mail's link leads: one button, after sign-in.</summary>
public sealed class RenewModel(PostingPages pages, PostingCommands commands, TimeProvider time) : PageModel
{
    public Posting Posting { get; private set; } = null!;

    public DateTimeOffset RenewedUntil { get; private set; }

    public bool IsExpired { get; private set; }

    /// <summary>False until 60 days before expiry: the page then says when renewal opens, and offers nothing.</summary>
    public bool IsOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await FindAsync(id) is not { } posting)
        {
            return NotFound();
        }

        Posting = posting;
        var now = time.GetUtcNow();
        IsExpired = posting.ValidUntil <= now;
        IsOpen = PostingRenewal.IsOpen(posting.ValidUntil, now);
        RenewedUntil = PostingRenewal.RenewedUntil(now);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await FindAsync(id) is not { } posting)
        {
            return NotFound();
        }

        TempData["Status"] = await commands.RenewAsync(posting)
            ? $"Renewed: valid until {PostingLabels.Date(posting.ValidUntil)}."
            : $"Not renewed: it is valid until {PostingLabels.Date(posting.ValidUntil)}, and can be renewed from {PostingLabels.Date(PostingRenewal.OpensOn(posting.ValidUntil))}.";
        return Redirect($"/Postings/{id}");
    }

    private async Task<Posting?> FindAsync(int id) =>
        await pages.FindAsync(id, forManaging: true) is { Status: PostingStatus.Published } posting ? posting : null;
}
