using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Postings;

namespace Portal.Pages.Postings;

/// <summary>Starts a new posting from an old one; publishing it retires the old one and links the two.</summary>
public sealed class ReplaceModel(PostingPages pages, PostingCommands commands) : PageModel
{
    public Posting Posting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await FindAsync(id) is not { } posting)
        {
            return NotFound();
        }

        Posting = posting;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await FindAsync(id) is not { } posting)
        {
            return NotFound();
        }

        var draft = await commands.StartReplacementAsync(posting, posting.Participant!);
        TempData["Status"] = "A draft copy was made. Change it, then publish it: it will take the old posting's place.";
        return Redirect($"/Postings/{draft.Id}/Edit");
    }

    private async Task<Posting?> FindAsync(int id) =>
        await pages.FindAsync(id, forManaging: true) is { Status: PostingStatus.Published } posting ? posting : null;
}
