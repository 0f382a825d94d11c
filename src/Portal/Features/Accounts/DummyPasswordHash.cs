using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Features.Accounts;

/// <summary>
/// A hash of a random password, made as every account's password is hashed (the same iterations), which sign-in checks
/// when Identity answers without checking a password (no such account, locked, disabled): so the answer takes as long
/// as a real check and its speed does not reveal who has an account.
/// </summary>
public sealed class DummyPasswordHash(IOptions<PasswordHasherOptions> options)
{
    private static readonly PortalUser Nobody = new() { FullName = "" };
    private readonly PasswordHasher<PortalUser> hasher = new(options);
    private readonly Lazy<string> hash = new(() => new PasswordHasher<PortalUser>(options).HashPassword(Nobody, Guid.NewGuid().ToString()));

    /// <summary>Spends the time of one password check.</summary>
    public void Check(string password) => hasher.VerifyHashedPassword(Nobody, hash.Value, password);
}
