using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Postings;

namespace Portal.Pages.Participants;

/// <summary>One participant's current postings, as far as this reader may see them.</summary>
public sealed class ShowModel(PortalDbContext db, Readers readers, TimeProvider time) : PageModel
{
    public Participant Participant { get; private set; } = null!;

    public IReadOnlyList<PostingListItem> Postings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code)
    {
        var participant = PostingLabels.IsCode(code) ? await db.Participants.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code) : null;
        if (participant is null)
        {
            return NotFound();
        }

        var reader = await readers.CurrentAsync();
        Participant = participant;
        Postings = await db.Postings.AsNoTracking().Where(reader.MaySee(time.GetUtcNow()))
            .Where(p => p.ParticipantId == participant.Id)
            .OrderBy(p => p.Kind).ThenByDescending(p => p.PublishedAt)
            .ToListItems().ToListAsync();
        return Page();
    }
}
