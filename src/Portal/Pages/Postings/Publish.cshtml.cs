using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Postings;

namespace Portal.Pages.Postings;

/// <summary>
/// The step between Publish and published when the text still has sections of the template with nothing written
/// under them: it says which, and the person edits the text or publishes anyway (the Show page's Publish handler).
/// </summary>
public sealed class PublishModel(PostingPages pages) : PageModel
{
    public Posting Posting { get; private set; } = null!;

    public IReadOnlyList<string> Unfinished { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await pages.FindAsync(id, forManaging: true) is not { } posting)
        {
            return NotFound();
        }

        if (posting.Status != PostingStatus.Draft)
        {
            return Redirect($"/Postings/{id}");
        }

        Posting = posting;
        Unfinished = BodySections.Unfinished(posting.Body);
        return Page();
    }
}
