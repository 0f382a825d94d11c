using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Accounts;

namespace Portal.Pages.People;

/// <summary>
/// A State's people, for its focal points: who has an account, in which role, and whether it is invited, active or
/// disabled; re-send an invitation and enable an account here, the rest on pages that ask first. Another participant's
/// list is 404 (<see cref="PeoplePages"/>); a reader who manages nobody's people is told who does.
/// </summary>
public sealed class IndexModel(PeoplePages pages, AccountAdmin accounts, AccountInvitations invitations, Readers readers, PortalDbContext db, TimeProvider time) : PageModel
{
    public enum Refusal
    {
        EntryCode,
        StateAccount,
        Organisation,
    }

    public sealed record PersonRow(
        string Id, string Name, string Email, PortalRole Role, bool Activated, bool Disabled, bool IsYou, DateTimeOffset? LinkValidUntil);

    public Participant Participant { get; private set; } = null!;

    public IReadOnlyList<PersonRow> People { get; private set; } = [];

    /// <summary>Whether the reader is their State's last active focal point, who may not leave it without one.</summary>
    public bool YouAreTheLastFocalPoint { get; private set; }

    public Refusal? Refused { get; private set; }

    /// <summary>"Our people" for the State's focal points; the coordinator looks at someone else's.</summary>
    public string Heading => Participant.Id == readerParticipantId ? "Our people" : $"People of {Participant.Name}";

    private int readerParticipantId;

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code)
    {
        if (code is null)
        {
            return await OwnListAsync();
        }

        if (await pages.ParticipantAsync(code) is not var (participant, reader))
        {
            return NotFound();
        }

        await LoadAsync(participant, reader);
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(string? code, string? id)
    {
        if (await pages.PersonAsync(code, id) is not var (person, reader))
        {
            return NotFound();
        }

        TempData["Status"] = await invitations.ResendInvitationAsync(reader, person.Id)
            ?? $"A new invitation has been sent to {person.FullName}; it is valid for 7 days.";
        return Redirect(PeoplePages.ListPath(reader, person.Participant!));
    }

    public async Task<IActionResult> OnPostEnableAsync(string? code, string? id)
    {
        if (await pages.PersonAsync(code, id) is not var (person, reader))
        {
            return NotFound();
        }

        TempData["Status"] = await accounts.SetDisabledAsync(reader, person.Id, disabled: false)
            ?? $"{person.FullName} can sign in again.";
        return Redirect(PeoplePages.ListPath(reader, person.Participant!));
    }

    /// <summary>/People: a State's focal point goes to their State's list, the coordinator to every account; anyone else is told who manages people.</summary>
    private async Task<IActionResult> OwnListAsync()
    {
        var reader = await readers.CurrentAsync();
        if (reader.IsCoordinator)
        {
            return Redirect("/Admin/Accounts");
        }

        if (PeopleRights.ManagesPeopleOf(reader, reader.ParticipantId))
        {
            var code = await db.Participants.Where(p => p.Id == reader.ParticipantId).Select(p => p.Code).SingleAsync();
            return Redirect("/People/" + Uri.EscapeDataString(code));
        }

        Refused = !reader.IsAccount ? Refusal.EntryCode : reader.ParticipantIsState ? Refusal.StateAccount : Refusal.Organisation;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private async Task LoadAsync(Participant participant, Reader reader)
    {
        Participant = participant;
        readerParticipantId = reader.ParticipantId;
        Now = time.GetUtcNow();
        var rows = await db.Users.AsNoTracking().Where(u => u.ParticipantId == participant.Id)
            .Select(u => new { u.Id, u.FullName, u.Email, u.Role, u.IsActivated, u.IsDisabled })
            .ToListAsync();
        var links = (await db.AccountTokens.AsNoTracking()
                .Where(t => t.User!.ParticipantId == participant.Id && !t.User.IsActivated && t.Purpose == AccountTokenPurpose.Invitation && t.UsedAt == null)
                .Select(t => new { t.UserId, t.ExpiresAt }).ToListAsync())
            .GroupBy(t => t.UserId).ToDictionary(g => g.Key, g => g.Max(t => t.ExpiresAt));
        People = rows
            .Where(r => PeopleRights.MayManage(reader, participant.Id, r.Role))
            .Select(r => new PersonRow(r.Id, r.FullName, r.Email!, r.Role, r.IsActivated, r.IsDisabled, r.Id == reader.UserId,
                links.TryGetValue(r.Id, out var until) ? until : null))
            .OrderBy(r => r.Disabled).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList();
        YouAreTheLastFocalPoint = People.Any(p => p.IsYou && p.Role == PortalRole.FocalPoint)
            && !People.Any(p => !p.IsYou && p.Role == PortalRole.FocalPoint && p.Activated && !p.Disabled);
    }
}
