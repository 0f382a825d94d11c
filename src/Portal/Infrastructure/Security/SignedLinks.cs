using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Portal.Infrastructure.Security;

/// <summary>
/// The rule for every link that acts without a sign-in (stop a subscription's e-mails, a code holder's subscriptions,
/// a yearly confirmation, a sender's renewal or withdrawal of a posting): a number and an expiry sealed with the
/// portal's Data Protection keys (shared by every instance), under one purpose per kind of link, so that a link cannot
/// be made up, changed or used for another purpose, and shows nothing to whoever reads it. The expiry is checked on
/// <see cref="TimeProvider"/>. A link may also be bound to a value that must still hold when it is used (the address it
/// was sent to, say): the value is sealed with the number, and the caller compares it with what holds now.
/// </summary>
public sealed class SignedLinks(IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>The token for <paramref name="id"/> under <paramref name="purpose"/>, valid for <paramref name="lifetime"/>.</summary>
    public string Seal(string purpose, int id, TimeSpan lifetime) =>
        protection.CreateProtector(purpose).Protect(string.Create(CultureInfo.InvariantCulture, $"{id}|{Expiry(lifetime)}"));

    /// <summary>The same, bound to <paramref name="boundTo"/>, which <see cref="ReadBound"/> gives back.</summary>
    public string Seal(string purpose, int id, TimeSpan lifetime, string boundTo) =>
        protection.CreateProtector(purpose).Protect(string.Create(CultureInfo.InvariantCulture, $"{id}|{Expiry(lifetime)}|{boundTo}"));

    /// <summary>The number a token names, or null when it was changed, made up, sealed for another purpose or has expired.</summary>
    public int? Read(string purpose, string? token) =>
        Open(purpose, token) is [var id, var expires] ? Valid(id, expires) : null;

    /// <summary>The number and the bound value of a token sealed with one, or null as for <see cref="Read"/>.</summary>
    public (int Id, string BoundTo)? ReadBound(string purpose, string? token) =>
        Open(purpose, token) is [var id, var expires, var boundTo] && Valid(id, expires) is int valid ? (valid, boundTo) : null;

    private long Expiry(TimeSpan lifetime) => (time.GetUtcNow() + lifetime).ToUnixTimeSeconds();

    private string[]? Open(string purpose, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            // The bound value comes last and may itself hold "|".
            return protection.CreateProtector(purpose).Unprotect(token).Split('|', 3);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private int? Valid(string id, string expires) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
        && long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var until)
        && time.GetUtcNow().ToUnixTimeSeconds() < until
            ? number
            : null;
}
