using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Security;

namespace Portal.Pages.Admin;

/// <summary>The two entry codes: see a new one once, rotate now, change the schedule.</summary>
public sealed class CodesModel(EntryCodes codes, PortalDbContext db) : PageModel
{
    public IReadOnlyList<CodeRow> Rows { get; private set; } = [];

    [BindProperty]
    public ScheduleInput Input { get; set; } = new();

    public sealed record CodeRow(CodeAudience Audience, DateTimeOffset? CreatedAt, DateTimeOffset? RotateAt, int Days, string? Revealed, int OpenSessions);

    public sealed class ScheduleInput
    {
        public CodeAudience Audience { get; set; }

        [Range(1, 365, ErrorMessage = "Choose between 1 and 365 days.")]
        public int Days { get; set; } = EntryCodes.DefaultRotationDays;
    }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostRotateAsync(CodeAudience audience)
    {
        await codes.RotateAsync(audience, "rotated by the coordinator");
        TempData["Status"] = $"A new code for {Label(audience)} is shown below. Everyone who entered with the old one has been signed out.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostScheduleAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        await codes.SetRotationDaysAsync(Input.Audience, Input.Days);
        TempData["Status"] = $"The code for {Label(Input.Audience)} now changes every {Input.Days} days.";
        return RedirectToPage();
    }

    public static string Label(CodeAudience audience) => audience == CodeAudience.States ? "States" : "observers";

    private async Task LoadAsync()
    {
        var rows = new List<CodeRow>();
        foreach (var audience in Enum.GetValues<CodeAudience>())
        {
            var current = await codes.CurrentAsync(audience);
            var revealed = await codes.RevealOnceAsync(audience);
            var open = current is null ? 0 : await db.Sessions.CountAsync(s => s.EntryCodeId == current.Id && s.EndedAt == null);
            rows.Add(new CodeRow(audience, current?.CreatedAt, current?.RotateAt, await codes.RotationDaysAsync(audience), revealed, open));
        }

        Rows = rows;
    }
}
