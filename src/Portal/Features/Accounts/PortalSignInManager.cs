using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Features.Security;

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
public sealed class AccountPasswords(UserManager<PortalUser> users)
{
    /// <summary>Returns the validation errors, or an empty list once the password is set.</summary>
    public async Task<IReadOnlyList<string>> SetAsync(PortalUser user, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        if (errors.Count > 0)
        {
            return errors.Distinct().ToList();
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.IsActivated = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await users.UpdateSecurityStampAsync(user);
        return [];
    }
}
