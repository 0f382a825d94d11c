using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Accounts;

namespace Portal.Pages.Admin;

/// <summary>
/// The coordinator's queue: invite, or send the entry code (which makes the person a code holder). Rejecting, with a reason, is asked on a page of its own
/// (<see cref="RejectRequestModel"/>).
/// </summary>
public sealed class RequestsModel(PortalDbContext db, AccessRequests requests, Readers readers) : PageModel
{
    public IReadOnlyList<RequestRow> Pending { get; private set; } = [];

    public IReadOnlyList<RequestRow> Decided { get; private set; } = [];

    /// <summary>What became of a decided request, in words.</summary>
    public static string Outcome(RequestRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return (row.Status, row.GrantedRole) switch
        {
            (AccessRequestStatus.Invited, { } role) => $"Invited as {RoleLabels.Label(role).ToLowerInvariant()}",
            (AccessRequestStatus.CodeSent, PortalRole.Observer) => "Sent the observers' entry code",
            (AccessRequestStatus.CodeSent, _) => "Sent the States' entry code",
            (AccessRequestStatus.Rejected, _) when row.Reason is { } reason => $"Rejected: {reason}",
            (AccessRequestStatus.Rejected, _) => "Rejected",
            _ => "Invited",
        };
    }

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public sealed record RequestRow(
        int Id, int ParticipantId, string Name, string Email, string Participant, bool IsState, string Position, string? Note,
        DateTimeOffset CreatedAt, AccessRequestStatus Status, PortalRole? GrantedRole, string? Reason, string? DecidedBy,
        IReadOnlyList<PortalRole> Roles, int ActiveFocalPoints = 0);

    /// <summary>
    /// For a request from a State that already has focal points: they invite their colleagues themselves, so the
    /// coordinator need only approve a State's first one.
    /// </summary>
    public static string? FocalPointsSentence(RequestRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return !row.IsState ? null : row.ActiveFocalPoints switch
        {
            0 => null,
            1 => $"{row.Participant} already has an active focal point on the portal, who can invite this person.",
            var n => $"{row.Participant} already has {n} active focal points on the portal, who can invite this person.",
        };
    }

    public sealed class DecisionInput
    {
        public int RequestId { get; set; }

        public PortalRole Role { get; set; }
    }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostInviteAsync() =>
        await Done(await requests.InviteAsync(await readers.CurrentAsync(), Input.RequestId, Input.Role), "Invitation sent.");

    public async Task<IActionResult> OnPostSendCodeAsync() =>
        await Done(await requests.SendCodeAsync(Input.RequestId), "Entry code sent; they will receive each new code until revoked.");

    private async Task<IActionResult> Done(string? error, string success)
    {
        if (error is not null || !ModelState.IsValid)
        {
            if (error is not null)
            {
                ModelState.AddModelError("", $"Request #{Input.RequestId}: {error}");
            }

            await LoadAsync();
            return Page();
        }

        TempData["Status"] = $"Request #{Input.RequestId}: {success}";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var rows = await db.AccessRequests.AsNoTracking()
            .OrderByDescending(r => r.Id)
            .Take(200)
            .Select(r => new { Request = r, Participant = r.Participant! })
            .ToListAsync();
        var all = rows.Select(r => new RequestRow(
            r.Request.Id, r.Participant.Id, r.Request.Name, r.Request.Email, r.Participant.Name, r.Participant.IsState, r.Request.Position,
            r.Request.Note, r.Request.CreatedAt, r.Request.Status, r.Request.GrantedRole, r.Request.DecisionReason,
            r.Request.DecidedBy, PeopleRights.RolesFor(r.Participant, includeCoordinator: false))).ToList();
        var waitingFrom = all.Where(r => r.Status == AccessRequestStatus.Pending).Select(r => r.ParticipantId).Distinct().ToList();
        var focalPoints = await db.Users.AsNoTracking()
            .Where(u => waitingFrom.Contains(u.ParticipantId) && u.Role == PortalRole.FocalPoint && u.IsActivated && !u.IsDisabled)
            .GroupBy(u => u.ParticipantId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Pending = all.Where(r => r.Status == AccessRequestStatus.Pending)
            .Select(r => r with { ActiveFocalPoints = focalPoints.GetValueOrDefault(r.ParticipantId) }).OrderBy(r => r.Id).ToList();
        Decided = all.Where(r => r.Status != AccessRequestStatus.Pending).Take(50).ToList();
    }
}
