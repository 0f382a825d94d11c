using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Features.Access;

namespace Portal.Features.Accounts;

/// <summary>Identity's sign-in manager, refusing accounts that are disabled or whose invitation is unused.</summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager, IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory, IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsActivated && !user.IsDisabled && await base.CanSignInAsync(user);
    }

    /// <summary>
    /// Starts a fresh session after the account's security stamp changed (password or second factor), keeping
    /// how the person proved who they are.
    /// </summary>
    public Task RenewSessionAsync(PortalUser user, ClaimsPrincipal current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var amr = current.FindFirst(PortalClaims.AuthenticationMethod)?.Value ?? "pwd";
        return SignInWithClaimsAsync(user, isPersistent: false, [new Claim(PortalClaims.AuthenticationMethod, amr)]);
    }
}

/// <summary>Sets a password from a link (invitation or reset) without Identity's own reset tokens.</summary>
public sealed class AccountPasswords(UserManager<PortalUser> users, AccountTokens tokens, PortalDbContext db)
{
    /// <summary>The reasons the password is refused; empty when it is acceptable.</summary>
    public async Task<IReadOnlyList<string>> ValidateAsync(PortalUser user, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        return errors.Distinct().ToList();
    }

    /// <summary>
    /// Uses up the link and sets the (validated) password in one transaction. False when the link was used by
    /// another request in the meantime: then nothing changes.
    /// </summary>
    public async Task<bool> SetFromLinkAsync(AccountToken token, string password)
    {
        ArgumentNullException.ThrowIfNull(token);
        var user = token.User ?? throw new InvalidOperationException("The token's user is not loaded.");
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (!await tokens.ConsumeAsync(token))
        {
            return false;
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.IsActivated = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Saving the password failed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await transaction.CommitAsync();
        return true;
    }
}
