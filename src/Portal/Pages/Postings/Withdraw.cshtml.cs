using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Postings;

namespace Portal.Pages.Postings;

public sealed class WithdrawModel(PostingPages pages, PostingCommands commands) : PageModel
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

        var draft = posting.Status == PostingStatus.Draft;
        await commands.WithdrawAsync(posting);
        TempData["Status"] = draft ? "Draft deleted." : "Withdrawn: nobody else sees it any more.";
        return Redirect(draft ? "/Postings/Mine" : $"/Postings/{id}");
    }

    private async Task<Posting?> FindAsync(int id) =>
        await pages.FindAsync(id, forManaging: true) is { Status: PostingStatus.Draft or PostingStatus.Published } posting ? posting : null;
}
