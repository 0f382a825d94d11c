using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Subscriptions;

/// <summary>
/// Whose subscriptions a page manages: an account's (signed in) or a code holder's (through their link). Every
/// read, add and remove is limited to the holder's own by <see cref="Owns"/>.
/// </summary>
public sealed record SubscriptionHolder(string? UserId, int? CodeHolderId)
{
    public static SubscriptionHolder Account(string userId) => new(userId, null);

    public static SubscriptionHolder CodeHolder(int codeHolderId) => new(null, codeHolderId);

    public Expression<Func<Subscription, bool>> Owns => UserId is { } user
        ? s => s.UserId == user
        : s => s.CodeHolderId == CodeHolderId;
}

/// <summary>
/// The subscriptions form, its checks and its messages, said once for the account's page and the code holder's
/// (<c>_Subscriptions.cshtml</c> shows them). A page says whose subscriptions it manages.
/// </summary>
public abstract class SubscriptionsPage(PortalDbContext db, TimeProvider time) : PageModel
{
    /// <summary>Enough for every kind, area and region a person follows; more is a script.</summary>
    public const int MostPerHolder = 20;

    public const string TimingMissing = "Choose when you want the e-mail: at once, or once a week.";
    public const string UnknownChoice = "Choose from the list.";
    public const string AlreadyHave = "You already have a subscription to exactly these postings. To change when its e-mail comes, remove it and add it again.";
    public static readonly string TooMany = $"You have {MostPerHolder} subscriptions, the most anyone may have. Remove one before you add another.";

    /// <summary>The page's database context, for a page that reads more than its subscriptions.</summary>
    protected PortalDbContext Db { get; } = db;

    [BindProperty]
    public SubscriptionInput Input { get; set; } = new();

    public IReadOnlyList<Subscription> Current { get; private set; } = [];

    /// <summary>Where the form's Cancel link goes.</summary>
    public abstract string BackPath { get; }

    /// <summary>The link's token that every form of a page reached without signing in carries back; null when signed in.</summary>
    public virtual string? Token => null;

    public sealed class SubscriptionInput
    {
        public List<string> Kinds { get; set; } = [];

        public List<string> Areas { get; set; } = [];

        public List<string> Regions { get; set; } = [];

        /// <summary>Read as text and checked against the choices, so that anything else gets the page's own message.</summary>
        public string? Timing { get; set; }
    }

    public bool IsChosen(List<string> chosen, Enum value)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(value);
        return chosen.Contains(value.ToString());
    }

    protected async Task LoadAsync(SubscriptionHolder holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        Current = await Db.Subscriptions.AsNoTracking().Where(holder.Owns).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync();
    }

    /// <summary>Adds what the form asks for; false (with the form's errors in ModelState) when it cannot.</summary>
    protected async Task<bool> AddAsync(SubscriptionHolder holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        await LoadAsync(holder);
        var kinds = Read<PostingKinds>(Input.Kinds, "Input.Kinds");
        var areas = Read<CcmAreas>(Input.Areas, "Input.Areas");
        var regions = Read<Regions>(Input.Regions, "Input.Regions");
        if (!Enum.TryParse<DigestTiming>(Input.Timing, ignoreCase: false, out var timing) || !Enum.IsDefined(timing) || Input.Timing != timing.ToString())
        {
            ModelState.AddModelError("Input.Timing", TimingMissing);
        }

        if (!ModelState.IsValid)
        {
            return false;
        }

        if (Current.Count >= MostPerHolder)
        {
            ModelState.AddModelError("Input.Kinds", TooMany);
            return false;
        }

        if (Current.Any(s => s.Kinds == kinds && s.Areas == areas && s.Regions == regions))
        {
            ModelState.AddModelError("Input.Kinds", AlreadyHave);
            return false;
        }

        var now = time.GetUtcNow();
        Db.Subscriptions.Add(new Subscription
        {
            UserId = holder.UserId,
            CodeHolderId = holder.CodeHolderId,
            Kinds = kinds,
            Areas = areas,
            Regions = regions,
            Timing = timing,
            CreatedAt = now,
            CoveredUntil = now,
        });
        await Db.SaveChangesAsync();
        TempData["Status"] = timing == DigestTiming.Weekly
            ? "Your subscription is saved. You get an e-mail once a week when new postings match it."
            : "Your subscription is saved. You get an e-mail soon after a new posting that matches it is published.";
        return true;
    }

    /// <summary>Removes one of the holder's own subscriptions; false for anyone else's number, or one already gone.</summary>
    protected async Task<bool> RemoveAsync(SubscriptionHolder holder, int id)
    {
        ArgumentNullException.ThrowIfNull(holder);
        if (await Db.Subscriptions.Where(holder.Owns).Where(s => s.Id == id).ExecuteDeleteAsync() == 0)
        {
            return false;
        }

        TempData["Status"] = "The subscription is removed. You get no more e-mails for it.";
        return true;
    }

    private T Read<T>(List<string> values, string field)
        where T : struct, Enum
    {
        var result = 0L;
        foreach (var value in values.Distinct(StringComparer.Ordinal))
        {
            if (!Enum.TryParse<T>(value, ignoreCase: false, out var flag) || !Enum.IsDefined(flag) || value != flag.ToString()
                || Convert.ToInt64(flag, CultureInfo.InvariantCulture) == 0)
            {
                ModelState.AddModelError(field, UnknownChoice);
                return default;
            }

            result |= Convert.ToInt64(flag, CultureInfo.InvariantCulture);
        }

        return (T)Enum.ToObject(typeof(T), result);
    }
}
