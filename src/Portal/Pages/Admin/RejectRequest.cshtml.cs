using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;

namespace Portal.Pages.Admin;

/// <summary>Asks before rejecting an access request, with the reason the requester will read; then rejects it.</summary>
public sealed class RejectRequestModel(PortalDbContext db, AccessRequests requests) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed record Person(int Id, string Name, string Email, string Position, string Participant, string? Note);

    public Person Requester { get; private set; } = null!;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Give a reason: the requester receives it by e-mail.")]
        [StringLength(2000, ErrorMessage = "The reason can be at most 2,000 characters.")]
        [Display(Name = "Reason (sent to the requester)")]
        public string Reason { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : Decided(id);

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return Decided(id);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await requests.RejectAsync(id, Input.Reason.Trim()) is { } error)
        {
            TempData["Status"] = $"Request #{id}: {error}";
            return RedirectToPage("/Admin/Requests");
        }

        TempData["Status"] = $"Request #{id} has been rejected, and the requester has been told why by e-mail.";
        return RedirectToPage("/Admin/Requests");
    }

    private async Task<bool> LoadAsync(int id)
    {
        var found = await db.AccessRequests.AsNoTracking().Where(r => r.Id == id && r.Status == AccessRequestStatus.Pending)
            .Select(r => new Person(r.Id, r.Name, r.Email, r.Position, r.Participant!.Name, r.Note)).SingleOrDefaultAsync();
        Requester = found!;
        return found is not null;
    }

    /// <summary>Decided by someone else meanwhile, or never there: back to the queue, which shows what happened.</summary>
    private RedirectToPageResult Decided(int id)
    {
        TempData["Status"] = $"Request #{id}: This request has already been decided or no longer exists.";
        return RedirectToPage("/Admin/Requests");
    }
}
