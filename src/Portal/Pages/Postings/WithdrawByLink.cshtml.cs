using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Features.Postings;

namespace Portal.Pages.Postings;

/// <summary>
/// Withdraws a posting from the link e-mailed to the sender of its text (<see cref="PostingSenderLinks"/>), without
/// signing in, as its focal points' Withdraw does. Opening the link changes nothing; the button does. A link that is
/// not valid gets the same page whatever it named, with 404 (<see cref="RenewByLinkModel"/>).
/// </summary>
public sealed class WithdrawByLinkModel(PostingSenderLinks links, PostingCommands commands, IOptions<PostingOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>Null for a link that is not valid.</summary>
    public Posting? Posting { get; private set; }

    public bool IsDone { get; private set; }

    public int GraceDays => options.Value.GraceDays;

    public async Task<IActionResult> OnGetAsync()
    {
        Posting = await links.ForWithdrawalAsync(Token);
        return Posting is null ? NotValid() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await links.ForWithdrawalAsync(Token) is not { } posting)
        {
            return NotValid();
        }

        await commands.WithdrawAsync(posting, PostingSender.Of(posting)!.ThroughLink);
        Posting = posting;
        IsDone = true;
        return Page();
    }

    private PageResult NotValid()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
