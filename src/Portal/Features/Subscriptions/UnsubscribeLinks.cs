using Portal.Infrastructure.Security;

namespace Portal.Features.Subscriptions;

/// <summary>The link in every subscription e-mail that stops it without signing in (a <see cref="SignedLinks"/> link).</summary>
public sealed class UnsubscribeLinks(SignedLinks links)
{
    /// <summary>Long enough for a weekly digest read late, short enough that an old forwarded e-mail stops working.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    private const string Purpose = "Portal.Subscriptions.Unsubscribe.v1";

    public string PathFor(int subscriptionId) =>
        "/Unsubscribe?token=" + Uri.EscapeDataString(links.Seal(Purpose, subscriptionId, Lifetime));

    /// <summary>The address for mail programs' one-click unsubscribe (<see cref="OneClickUnsubscribe"/>).</summary>
    public string OneClickPathFor(int subscriptionId) =>
        OneClickUnsubscribe.Path + "?token=" + Uri.EscapeDataString(links.Seal(Purpose, subscriptionId, Lifetime));

    /// <summary>The subscription a link names, or null when it was changed, made up or has expired.</summary>
    public int? Read(string? token) => links.Read(Purpose, token);
}
