using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Accounts;

/// <summary>
/// Authenticator-app codes with two things Identity's default provider lacks: the clock comes from
/// <see cref="TimeProvider"/>, and a code that was accepted once is refused afterwards (replay).
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(PortalDbContext db, TimeProvider time)
    : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string Name = "PortalAuthenticator";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        return !string.IsNullOrWhiteSpace(key);
    }

    // The code comes from the person's app; the server never generates or sends one.
    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) =>
        Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token is null)
        {
            return false;
        }

        var code = token.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var lastStep = await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.LastTotpTimeStep).SingleAsync();
        var step = Totp.Match(Totp.DecodeBase32(key), code, time.GetUtcNow(), lastStep);
        if (step is null)
        {
            return false;
        }

        // Compare-and-set, so two requests racing with the same code cannot both win.
        var won = await db.Users.Where(u => u.Id == user.Id && u.LastTotpTimeStep < step.Value)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastTotpTimeStep, step.Value));
        if (won != 1)
        {
            return false;
        }

        // Keep the tracked entity in step, so a later save in this request cannot write an older step back.
        user.LastTotpTimeStep = step.Value;
        return true;
    }
}
