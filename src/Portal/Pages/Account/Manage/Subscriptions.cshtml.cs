using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Subscriptions;

namespace Portal.Pages.Account.Manage;

/// <summary>
/// The account holder's subscriptions to new postings: which kinds, areas and regions, and whether at once or once a
/// week. Each e-mail lists only what the account may see when it is sent (<see cref="SubscriptionDigest"/>).
/// </summary>
public sealed class SubscriptionsModel(UserManager<PortalUser> users, PortalDbContext db, TimeProvider time) : PageModel
{
    /// <summary>Enough for every kind, area and region a person follows; more is a script.</summary>
    public const int MostPerAccount = 20;

    public const string TimingMissing = "Choose when you want the e-mail: at once, or once a week.";
    public const string UnknownChoice = "Choose from the list.";
    public const string AlreadyHave = "You already have a subscription to exactly these postings. To change when its e-mail comes, remove it and add it again.";
    public static readonly string TooMany = $"You have {MostPerAccount} subscriptions, the most an account may have. Remove one before you add another.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Subscription> Current { get; private set; } = [];

    public sealed class InputModel
    {
        public List<string> Kinds { get; set; } = [];

        public List<string> Areas { get; set; } = [];

        public List<string> Regions { get; set; } = [];

        /// <summary>Read as text and checked against the choices, so that anything else gets the page's own message.</summary>
        public string? Timing { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return NotFound();
        }

        Current = await LoadAsync(account.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return NotFound();
        }

        Current = await LoadAsync(account.Id);
        var kinds = Read<PostingKinds>(Input.Kinds, "Input.Kinds");
        var areas = Read<CcmAreas>(Input.Areas, "Input.Areas");
        var regions = Read<Regions>(Input.Regions, "Input.Regions");
        if (!Enum.TryParse<DigestTiming>(Input.Timing, ignoreCase: false, out var timing) || !Enum.IsDefined(timing) || Input.Timing != timing.ToString())
        {
            ModelState.AddModelError("Input.Timing", TimingMissing);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Current.Count >= MostPerAccount)
        {
            ModelState.AddModelError("Input.Kinds", TooMany);
            return Page();
        }

        if (Current.Any(s => s.Kinds == kinds && s.Areas == areas && s.Regions == regions))
        {
            ModelState.AddModelError("Input.Kinds", AlreadyHave);
            return Page();
        }

        var now = time.GetUtcNow();
        db.Subscriptions.Add(new Subscription
        {
            UserId = account.Id,
            Kinds = kinds,
            Areas = areas,
            Regions = regions,
            Timing = timing,
            CreatedAt = now,
            CoveredUntil = now,
        });
        await db.SaveChangesAsync();
        TempData["Status"] = timing == DigestTiming.Weekly
            ? "Your subscription is saved. You get an e-mail once a week when new postings match it."
            : "Your subscription is saved. You get an e-mail soon after a new posting that matches it is published.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id)
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return NotFound();
        }

        // Only the account's own: anyone else's number is not found.
        if (await db.Subscriptions.Where(s => s.Id == id && s.UserId == account.Id).ExecuteDeleteAsync() == 0)
        {
            return NotFound();
        }

        TempData["Status"] = "The subscription is removed. You get no more e-mails for it.";
        return RedirectToPage();
    }

    public bool IsChosen(List<string> chosen, Enum value) => chosen.Contains(value.ToString());

    private Task<List<Subscription>> LoadAsync(string userId) =>
        db.Subscriptions.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync();

    private T Read<T>(List<string> values, string field)
        where T : struct, Enum
    {
        var result = 0L;
        foreach (var value in values.Distinct(StringComparer.Ordinal))
        {
            if (!Enum.TryParse<T>(value, ignoreCase: false, out var flag) || !Enum.IsDefined(flag) || value != flag.ToString()
                || Convert.ToInt64(flag, System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                ModelState.AddModelError(field, UnknownChoice);
                return default;
            }

            result |= Convert.ToInt64(flag, System.Globalization.CultureInfo.InvariantCulture);
        }

        return (T)Enum.ToObject(typeof(T), result);
    }
}
