using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Features.Notices;

namespace Portal.Pages.Account.Manage;

/// <summary>The account holder chooses how they hear of what waits for them: an e-mail at once, or one a day.</summary>
public sealed class NoticesModel(UserManager<PortalUser> users, PortalDbContext db, DailySummary summary, IOptions<NoticeOptions> options) : PageModel
{
    public const string ChoiceMissing = "Choose how you want to hear of what waits for you: at once, or in one e-mail a day.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The summary hour as the page says it, in the summary's time zone (for example "7:00 Geneva time").</summary>
    public string SummaryTime { get; private set; } = "";

    public sealed class InputModel
    {
        /// <summary>Read as text and checked against the choices, so that anything else gets the page's own message.</summary>
        public string? Timing { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return NotFound();
        }

        Input.Timing = account.Notices.ToString();
        SummaryTime = SummaryTimeText(options.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return NotFound();
        }

        SummaryTime = SummaryTimeText(options.Value);
        if (!Enum.TryParse<NoticeTiming>(Input.Timing, ignoreCase: false, out var timing) || !Enum.IsDefined(timing)
            || Input.Timing != timing.ToString())
        {
            ModelState.AddModelError("Input.Timing", ChoiceMissing);
            return Page();
        }

        if (account.Notices != timing)
        {
            // Written on its own, not through UserManager.UpdateAsync: nothing about signing in changes.
            var mine = db.Users.Where(u => u.Id == account.Id);
            await (timing == NoticeTiming.DailySummary
                ? mine.ExecuteUpdateAsync(s => s.SetProperty(u => u.Notices, timing).SetProperty(u => u.LastSummaryDay, summary.FirstSummaryAfter()))
                : mine.ExecuteUpdateAsync(s => s.SetProperty(u => u.Notices, timing)));
        }

        TempData["Status"] = timing == NoticeTiming.DailySummary
            ? $"Your choice is saved: from now on you get one e-mail a day, at {SummaryTime}, listing what waits for you."
            : "Your choice is saved: from now on you are e-mailed as soon as something waits for you.";
        return RedirectToPage();
    }

    private static string SummaryTimeText(NoticeOptions options) =>
        options.TimeZone == "Europe/Zurich"
            ? $"{options.SummaryHour.ToString(System.Globalization.CultureInfo.InvariantCulture)}:00 Geneva time"
            : $"{options.SummaryHour.ToString(System.Globalization.CultureInfo.InvariantCulture)}:00 {options.TimeZone} time";
}
