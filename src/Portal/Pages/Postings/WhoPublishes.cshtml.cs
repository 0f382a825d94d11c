using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Access;

namespace Portal.Pages.Postings;

/// <summary>
/// Where a reader who may not publish lands when they open a publishing page: why, and what would let them, instead
/// of "page not found".
/// </summary>
public sealed class WhoPublishesModel(Readers readers) : PageModel
{
    public enum Reason
    {
        EntryCode,
        ReadingAccount,
        OrganisationDoesNotPublish,
    }

    public Reason Why { get; private set; }

    /// <summary>For an account, its participant; an entry-code visitor's declared participant is not named.</summary>
    public string Participant { get; private set; } = "";

    public async Task OnGetAsync()
    {
        var reader = await readers.CurrentAsync();
        Participant = User.FindFirst(PortalClaims.ParticipantName)?.Value ?? "";
        Why = !reader.IsAccount ? Reason.EntryCode
            : reader.Role == PortalRole.FocalPoint ? Reason.OrganisationDoesNotPublish
            : Reason.ReadingAccount;
        // A publisher who lands here (an old bookmark) is simply not refused anything.
        Response.StatusCode = reader.MayPublish ? StatusCodes.Status200OK : StatusCodes.Status403Forbidden;
    }
}
