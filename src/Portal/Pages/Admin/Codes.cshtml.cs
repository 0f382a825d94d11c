using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.EntryCodes;

namespace Portal.Pages.Admin;

/// <summary>
/// The two entry codes: see a new code once (by pressing a button), change the schedule. Changing a code now is asked
/// on a page of its own (<see cref="ChangeCodeModel"/>); the new code then waits here to be shown, like one issued by
/// the schedule.
/// </summary>
public sealed class CodesModel(EntryCodeStore codes, PortalDbContext db) : PageModel
{
    public IReadOnlyList<CodeRow> Rows { get; private set; } = [];

    /// <summary>A code to show in this answer only (never stored in the page's state or TempData).</summary>
    public Dictionary<CodeAudience, string> Shown { get; } = [];

    [BindProperty]
    public ScheduleInput Input { get; set; } = new();

    public sealed record CodeRow(CodeAudience Audience, DateTimeOffset? CreatedAt, DateTimeOffset? RotateAt, int Days, bool Waiting, int OpenSessions);

    public sealed class ScheduleInput
    {
        public CodeAudience Audience { get; set; }

        [Range(1, 365, ErrorMessage = "Choose between 1 and 365 days.")]
        public int Days { get; set; } = EntryCodeStore.DefaultRotationDays;
    }

    public Task OnGetAsync() => LoadAsync();

    /// <summary>
    /// The one POST that answers with a page instead of a redirect: the answer carries the secret, which must not travel
    /// in a URL or a TempData cookie. It changes nothing a reload could repeat: the code is forgotten as it is shown, so
    /// a reload (or a second coordinator) only hears that it has already been shown.
    /// </summary>
    public async Task<IActionResult> OnPostRevealAsync(CodeAudience audience)
    {
        var code = await codes.RevealOnceAsync(audience);
        if (code is null)
        {
            ModelState.AddModelError("", "That code has already been shown (perhaps to another coordinator). Change it now if nobody noted it down.");
        }
        else
        {
            Shown[audience] = code;
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostScheduleAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        await codes.SetRotationDaysAsync(Input.Audience, Input.Days);
        TempData["Status"] = $"The code for {EntryCodeStore.Label(Input.Audience)} now changes every {Input.Days} days.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var rows = new List<CodeRow>();
        foreach (var audience in Enum.GetValues<CodeAudience>())
        {
            var current = await codes.CurrentAsync(audience);
            var open = current is null ? 0 : await db.Sessions.CountAsync(s => s.EntryCodeId == current.Id && s.EndedAt == null);
            rows.Add(new CodeRow(audience, current?.CreatedAt, current?.RotateAt, await codes.RotationDaysAsync(audience),
                current?.PendingReveal is not null, open));
        }

        Rows = rows;
    }
}
