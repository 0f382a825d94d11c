using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Portal.Features.Subscriptions;

/// <summary>
/// The link in every subscription e-mail that stops it without signing in: the subscription's number and an expiry,
/// sealed with the portal's Data Protection keys (shared by every instance through the database), so it cannot be
/// made up or changed, and it shows nothing to whoever reads it. The expiry is checked on <see cref="TimeProvider"/>.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>Long enough for a weekly digest read late, short enough that an old forwarded e-mail stops working.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    private readonly IDataProtector protector = protection.CreateProtector("Portal.Subscriptions.Unsubscribe.v1");

    public string PathFor(int subscriptionId)
    {
        var expires = (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds();
        var token = protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{subscriptionId}|{expires}"));
        return "/Unsubscribe?token=" + Uri.EscapeDataString(token);
    }

    /// <summary>The subscription a link names, or null when it was changed, made up or has expired.</summary>
    public int? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        string plain;
        try
        {
            plain = protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = plain.Split('|');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && time.GetUtcNow().ToUnixTimeSeconds() < expires
            ? id
            : null;
    }
}
