using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Audit;
using Portal.Features.Interests;
using Portal.Infrastructure.Security;

namespace Portal.Pages.Connections;

/// <summary>
/// One connection: both contact points, the message and the replies, a reply form and the state buttons, each shown
/// only to whom <see cref="InterestRights"/> allows. Anyone who may not read it gets 404.
/// </summary>
public sealed class ShowModel(
    PortalDbContext db, InterestPages pages, InterestCommands commands, AcceptedLimits limits, AuditLog audit, TimeProvider time)
    : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Interest Interest { get; private set; } = null!;

    public InterestSide? Side { get; private set; }

    public bool MayReply { get; private set; }

    public IReadOnlyList<InterestState> States { get; private set; } = [];

    /// <summary>The posting's contact point, while the reader may still read the posting (it may be empty).</summary>
    public string? OwnerContactPoint { get; private set; }

    public bool PostingExists { get; private set; }

    /// <summary>
    /// Whether the reader may still read the posting (<see cref="Reader.MayRead"/>): it may since have been withdrawn, or
    /// opened to States only. If not, neither its link nor its current contact point is shown.
    /// </summary>
    public bool PostingReadable { get; private set; }

    private Reader reader = null!;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Write your reply.")]
        [StringLength(InterestLimits.Reply, ErrorMessage = "A reply can be at most 1,000 characters.")]
        [Display(Name = "Your reply")]
        public string Text { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReplyAsync(int id)
    {
        if (!await LoadAsync(id, tracked: true))
        {
            return NotFound();
        }

        if (Side is null)
        {
            return OnNeitherSide();
        }

        if (!MayReply)
        {
            TempData["Status"] = "This connection is closed: nothing more can be added to it.";
            return Redirect(InterestMail.PathOf(id));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await limits.InterestReply.TakeAsync(reader.UserId!, HttpContext.RequestAborted) is var (retryAfter, first))
        {
            if (first)
            {
                await audit.RecordAsync(AuditEvent.RateLimited, Request.Path, "connection replies of one account");
            }

            ModelState.AddModelError(nameof(Input) + "." + nameof(Input.Text),
                $"You have written {AcceptedLimits.InterestRepliesPerHour} replies within an hour, the most one account may write. {RateLimits.WaitSentence(retryAfter)} Your reply is kept below.");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        TempData["Status"] = await commands.ReplyAsync(reader, Interest, Side!.Value, Input.Text.Trim())
            ? "Reply sent. The other side has been told."
            : "Someone changed this connection at the same moment: your reply was not saved. Please write it again.";
        return Redirect(InterestMail.PathOf(id) + "#replies");
    }

    public async Task<IActionResult> OnPostStateAsync(int id, InterestState to)
    {
        if (!await LoadAsync(id, tracked: true))
        {
            return NotFound();
        }

        if (Side is null)
        {
            return OnNeitherSide();
        }

        if (!States.Contains(to))
        {
            TempData["Status"] = $"This connection is now “{Interest.State.Label()}”: that change is no longer possible.";
            return Redirect(InterestMail.PathOf(id));
        }

        TempData["Status"] = await commands.ChangeStateAsync(reader, Interest, Side!.Value, to)
            ? $"This connection is now marked “{to.Label()}”. The other side has been told."
            : "Someone changed this connection at the same moment. Check its state below.";
        return Redirect(InterestMail.PathOf(id));
    }

    /// <summary>The coordinator reads every connection and takes part in none: a reply or a state from them is refused.</summary>
    private StatusCodeResult OnNeitherSide() => StatusCode(StatusCodes.Status403Forbidden);

    private async Task<bool> LoadAsync(int id, bool tracked = false)
    {
        if (await pages.FindAsync(id, tracked) is not var (interest, found))
        {
            return false;
        }

        reader = found;

        Interest = interest;
        Side = InterestRights.SideOf(reader, interest);
        MayReply = InterestRights.MayReply(reader, interest);
        States = InterestRights.StatesOpenTo(reader, interest);
        var posting = interest.PostingId is int postingId
            ? await db.Postings.AsNoTracking().SingleOrDefaultAsync(p => p.Id == postingId)
            : null;
        PostingExists = posting is not null;
        PostingReadable = posting is not null && reader.MayRead(posting, time.GetUtcNow());
        OwnerContactPoint = PostingReadable ? posting!.ContactPoint : null;
        return true;
    }
}
