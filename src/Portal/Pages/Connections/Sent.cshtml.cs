using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Interests;

namespace Portal.Pages.Connections;

/// <summary>The confirmation after expressing interest: the interested side's only; anyone else gets 404.</summary>
public sealed class SentModel(InterestPages pages) : PageModel
{
    public Interest Interest { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await pages.FindAsync(id) is not var (interest, reader) || InterestRights.SideOf(reader, interest) != InterestSide.Interested)
        {
            return NotFound();
        }

        Interest = interest;
        return Page();
    }
}
