namespace Portal.Features.Postings;

/// <summary>
/// When a published posting may be renewed, and when it counts as expiring: one rule for the posting's page, the renew
/// page and its command, the home page and the reminders' wording. Renewal opens 60 days before expiry (the reminders
/// come 30 and 7 days before), so that "Renew" is never offered when it would change nothing.
/// </summary>
public static class PostingRenewal
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(60);

    public static readonly TimeSpan Soon = TimeSpan.FromDays(30);

    public static bool IsOpen(DateTimeOffset validUntil, DateTimeOffset now) => validUntil - now <= Window;

    public static DateTimeOffset OpensOn(DateTimeOffset validUntil) => validUntil - Window;

    /// <summary>Published and still visible, but for 30 days at most: flagged to its owner.</summary>
    public static bool ExpiresSoon(DateTimeOffset validUntil, DateTimeOffset now) => validUntil > now && validUntil - now <= Soon;

    public static DateTimeOffset RenewedUntil(DateTimeOffset now) => now.Add(PostingForm.DefaultValidity);

    /// <summary>"in 1 day", "in 10 days", "today": whole words for the flag.</summary>
    public static string DaysLeft(DateTimeOffset validUntil, DateTimeOffset now) =>
        (int)Math.Ceiling((validUntil - now).TotalDays) switch
        {
            <= 0 => "today",
            1 => "in 1 day",
            var days => $"in {days} days",
        };
}
