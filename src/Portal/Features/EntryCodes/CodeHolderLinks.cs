using Portal.Infrastructure.Security;

namespace Portal.Features.EntryCodes;

/// <summary>
/// The links a code holder acts through, having no account (<see cref="SignedLinks"/>): their subscriptions to new
/// postings, from every code e-mail and digest; and the yearly confirmation that they still need access.
/// </summary>
public sealed class CodeHolderLinks(SignedLinks links)
{
    /// <summary>As long as a code lasts at the longest, so that the link in the last code e-mail still opens the page.</summary>
    public static readonly TimeSpan SubscriptionsLifetime = TimeSpan.FromDays(120);

    /// <summary>The grace period: the holder has this long to answer before the holding ends.</summary>
    public static readonly TimeSpan ConfirmLifetime = TimeSpan.FromDays(30);

    private const string SubscriptionsPurpose = "Portal.CodeHolders.Subscriptions.v1";
    private const string ConfirmPurpose = "Portal.CodeHolders.Confirm.v1";

    public string SubscriptionsPath(int holderId) =>
        "/Holder/Subscriptions?token=" + Uri.EscapeDataString(links.Seal(SubscriptionsPurpose, holderId, SubscriptionsLifetime));

    public int? ReadSubscriptions(string? token) => links.Read(SubscriptionsPurpose, token);

    public string ConfirmPath(int holderId) =>
        "/Holder/Confirm?token=" + Uri.EscapeDataString(links.Seal(ConfirmPurpose, holderId, ConfirmLifetime));

    public int? ReadConfirm(string? token) => links.Read(ConfirmPurpose, token);
}
