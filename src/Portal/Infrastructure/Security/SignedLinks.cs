using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Portal.Infrastructure.Security;

/// <summary>
/// The rule for every link that acts without a sign-in (stop a subscription's e-mails, a code holder's subscriptions,
/// a yearly confirmation): a number and an expiry sealed with the portal's Data Protection keys (shared by every
/// instance), under one purpose per kind of link, so that a link cannot be made up, changed or used for another
/// purpose, and shows nothing to whoever reads it. The expiry is checked on <see cref="TimeProvider"/>.
/// </summary>
public sealed class SignedLinks(IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>The token for <paramref name="id"/> under <paramref name="purpose"/>, valid for <paramref name="lifetime"/>.</summary>
    public string Seal(string purpose, int id, TimeSpan lifetime)
    {
        var expires = (time.GetUtcNow() + lifetime).ToUnixTimeSeconds();
        return protection.CreateProtector(purpose).Protect(string.Create(CultureInfo.InvariantCulture, $"{id}|{expires}"));
    }

    /// <summary>The number a token names, or null when it was changed, made up, sealed for another purpose or has expired.</summary>
    public int? Read(string purpose, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        string plain;
        try
        {
            plain = protection.CreateProtector(purpose).Unprotect(token);
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
