using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.EntryCodes;

namespace Portal.Pages.Admin;

/// <summary>
/// The two entry codes: who holds them, the schedule, and the code itself when a coordinator asks to see it (audited).
/// Changing a code now is asked on a page of its own (<see cref="ChangeCodeModel"/>); either way the portal e-mails
/// the new code to the code holders, so nobody has to see it.
/// </summary>
public sealed class CodesModel(EntryCodeStore codes, PortalDbContext db) : PageModel
{
    public IReadOnlyList<CodeRow> Rows { get; private set; } = [];

    /// <summary>A code to show in this answer only (never stored in the page's state or TempData).</summary>
    public Dictionary<CodeAudience, string> Shown { get; } = [];

    [BindProperty]
    public ScheduleInput Input { get; set; } = new();

    public sealed record CodeRow(CodeAudience Audience, DateTimeOffset? CreatedAt, DateTimeOffset? RotateAt, int Days, bool Held, int OpenSessions, int Holders);

    public sealed class ScheduleInput
    {
        public CodeAudience Audience { get; set; }

        [Range(1, 365, ErrorMessage = "Choose between 1 and 365 days.")]
        public int Days { get; set; } = EntryCodeStore.DefaultRotationDays;
    }

    public Task OnGetAsync() => LoadAsync();

    /// <summary>
    /// The one POST that answers with a page instead of a redirect: the answer carries the secret, which must not travel
    /// in a URL or a TempData cookie. It changes nothing but the audit log, where each showing is recorded.
    /// </summary>
    public async Task<IActionResult> OnPostRevealAsync(CodeAudience audience)
    {
        var code = await codes.RevealAsync(audience);
        if (code is null)
        {
            ModelState.AddModelError("", $"The portal does not hold the code for {EntryCodeStore.Label(audience)}: it was issued before the portal kept codes. Change it now, and the portal will hold the new one.");
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
                current?.Sealed is not null, open, await db.CodeHolders.Current(audience).CountAsync()));
        }

        Rows = rows;
    }
}
