using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Accounts;

/// <summary>Single-use link tokens. The link carries 256 random bits; the database keeps only their SHA-256.</summary>
public sealed class AccountTokens(PortalDbContext db, TimeProvider time)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(2);

    public string Issue(PortalUser user, AccountTokenPurpose purpose)
    {
        var raw = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        db.AccountTokens.Add(new AccountToken
        {
            UserId = user.Id,
            User = user,
            Purpose = purpose,
            TokenHash = HashOf(raw),
            CreatedAt = now,
            ExpiresAt = now + (purpose == AccountTokenPurpose.Invitation ? InvitationLifetime : ResetLifetime),
        });
        return raw;
    }

    /// <summary>How many links of this kind the person was sent within <paramref name="window"/> before now, used or not.</summary>
    public Task<int> CountIssuedWithinAsync(PortalUser user, AccountTokenPurpose purpose, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(user);
        var since = time.GetUtcNow() - window;
        return db.AccountTokens.CountAsync(t => t.UserId == user.Id && t.Purpose == purpose && t.CreatedAt > since);
    }

    /// <summary>The token's row if it is unused and unexpired, with its user; otherwise null.</summary>
    public async Task<AccountToken?> FindValidAsync(string? raw, AccountTokenPurpose purpose)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 100)
        {
            return null;
        }

        var hash = HashOf(raw);
        var now = time.GetUtcNow();
        var token = await db.AccountTokens.Include(t => t.User)
            .SingleOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose);
        return token is null || token.UsedAt is not null || token.ExpiresAt <= now || token.User is null || token.User.IsDisabled
            ? null
            : token;
    }

    /// <summary>
    /// Marks the token used, and every other unused link of the same kind for that person with it (an older
    /// invitation or reset link stops working once one has been used). False if another request used it first.
    /// </summary>
    public async Task<bool> ConsumeAsync(AccountToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var now = time.GetUtcNow();
        var won = await db.AccountTokens.Where(t => t.Id == token.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedAt, now));
        if (won == 1)
        {
            await db.AccountTokens.Where(t => t.UserId == token.UserId && t.Purpose == token.Purpose && t.UsedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedAt, now));
        }

        return won == 1;
    }

    private static string HashOf(string raw) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));
}
