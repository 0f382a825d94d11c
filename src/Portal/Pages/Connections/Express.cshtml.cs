using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Audit;
using Portal.Features.Interests;
using Portal.Features.Postings;
using Portal.Infrastructure.Security;

namespace Portal.Pages.Connections;

/// <summary>
/// "Express interest" in a need or an offer: asks for a short message, shows what the owner will receive, and sends it.
/// Who may is <see cref="InterestRights"/>'s answer: a posting the reader may not see answers 404; any other refusal
/// (their own posting, applications closed) says itself, with 403.
/// </summary>
public sealed class ExpressModel(
    PortalDbContext db, PostingPages pages, Readers readers, InterestCommands commands, AcceptedLimits limits, AuditLog audit,
    TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Posting Posting { get; private set; } = null!;

    /// <summary>What the owner's focal points receive about the person writing.</summary>
    public string Contact { get; private set; } = "";

    public string ParticipantName { get; private set; } = "";

    /// <summary>Why the reader may not express interest in this posting (<see cref="ExpressRefusals.Sentence"/>), or null.</summary>
    public string? Refusal { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Write a short message: say what your participant could bring or needs, and how you would like to go on.")]
        [StringLength(InterestLimits.Message, ErrorMessage = "The message can be at most 1,000 characters.")]
        [Display(Name = "Your message")]
        public string Message { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } answer)
        {
            return answer;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var reader = await readers.CurrentAsync();
        if (await limits.Interest.TakeAsync(reader.UserId!, HttpContext.RequestAborted) is var (retryAfter, first))
        {
            if (first)
            {
                await audit.RecordAsync(AuditEvent.RateLimited, Request.Path, "expressions of interest of one account");
            }

            ModelState.AddModelError(nameof(Input) + "." + nameof(Input.Message),
                $"You have sent {AcceptedLimits.InterestsPerHour} expressions of interest within an hour, the most one account may send. {RateLimits.WaitSentence(retryAfter)} Your message is kept below.");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var (interestId, existed) = await commands.ExpressAsync(reader, Posting, Input.Message.Trim());
        if (existed)
        {
            TempData["Status"] = "Your participant has already expressed interest in this posting: write in this connection instead.";
            return Redirect(InterestMail.PathOf(interestId));
        }

        return Redirect(InterestMail.PathOf(interestId) + "/Sent");
    }

    /// <summary>Null when the reader may express interest in this posting (and the page is loaded); otherwise the answer.</summary>
    private async Task<IActionResult?> LoadAsync(int id)
    {
        var reader = await readers.CurrentAsync();
        if (await pages.FindAsync(id) is not { } posting)
        {
            return NotFound();
        }

        var refusal = InterestRights.WhyNotExpress(reader, posting, time.GetUtcNow());
        if (refusal == ExpressRefusal.NotVisible)
        {
            return NotFound();
        }

        if (reader.OwnParticipantId is int own
            && await db.Interests.AsNoTracking().Where(i => i.PostingId == id && i.ParticipantId == own)
                .Select(i => (int?)i.Id).FirstOrDefaultAsync() is int existing)
        {
            TempData["Status"] = "Your participant has already expressed interest in this posting: write in this connection instead.";
            return Redirect(InterestMail.PathOf(existing));
        }

        Posting = posting;
        if (refusal is { } why)
        {
            Refusal = why.Sentence();
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var me = await db.Users.AsNoTracking().Where(u => u.Id == reader.UserId)
            .Select(u => new { u.FullName, u.Position, u.Email, Participant = u.Participant!.Name }).SingleAsync();
        Contact = InterestMail.Contact(me.FullName, me.Position, me.Email!);
        ParticipantName = me.Participant;
        return null;
    }
}
