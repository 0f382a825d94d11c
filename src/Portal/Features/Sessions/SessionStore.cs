using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.EntryCodes;
using Portal.Infrastructure.Caching;

namespace Portal.Features.Sessions;

/// <summary>
/// Server-side sessions. Every cookie names a row here; a request whose row is ended, whose account changed its
/// security stamp or was disabled, or whose entry code was rotated, is signed out on the spot.
/// </summary>
public sealed class SessionStore(
    PortalDbContext db, TimeProvider time, IOptions<IdentityOptions> identity, ChangeStamps stamps, ReadCache cache)
{
    /// <summary>However active, a session ends this long after sign-in; the cookie's sliding window cannot extend it.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    public static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Called when Identity signs an account in: records the session and stamps its id into the cookie.</summary>
    public async Task AttachAccountSessionAsync(ClaimsPrincipal principal, string? ipAddress)
    {
        if (principal.Identity is not ClaimsIdentity identity || principal.SessionIdOf() is not null)
        {
            return;
        }

        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var user = userId is null ? null : await db.Users.Include(u => u.Participant).SingleOrDefaultAsync(u => u.Id == userId);
        if (user is null)
        {
            return;
        }

        var session = new PortalSession
        {
            Id = NewId(),
            Kind = SessionKind.Account,
            UserId = user.Id,
            ParticipantId = user.ParticipantId,
            Role = user.Role,
            DisplayName = user.FullName,
            Email = user.Email ?? "",
            IpAddress = ipAddress,
            CreatedAt = time.GetUtcNow(),
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        // Signing in is what keeps an account from being disabled as unused (IdleAccounts); a plain update, so that it
        // never fails on the account's concurrency stamp.
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.LastSignInAt, session.CreatedAt).SetProperty(x => x.IdleWarnedAt, (DateTimeOffset?)null));

        identity.AddClaim(new Claim(PortalClaims.SessionId, session.Id));
        identity.AddClaim(new Claim(PortalClaims.SessionKind, nameof(SessionKind.Account)));
        identity.AddClaim(new Claim(PortalClaims.ParticipantId, user.ParticipantId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(PortalClaims.ParticipantName, user.Participant?.Name ?? ""));
        identity.AddClaim(new Claim(PortalClaims.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.FullName));
        identity.AddClaim(new Claim(PortalClaims.Email, user.Email ?? ""));
    }

    /// <summary>Starts a read-only session for someone who gave the current entry code.</summary>
    public async Task<ClaimsPrincipal> StartCodeSessionAsync(
        EntryCode code, Participant participant, string name, string email, string? ipAddress)
    {
        var role = EntryCodeStore.RoleOf(code.Audience);
        var session = new PortalSession
        {
            Id = NewId(),
            Kind = SessionKind.EntryCode,
            EntryCodeId = code.Id,
            ParticipantId = participant.Id,
            Role = role,
            DisplayName = name,
            Email = email,
            IpAddress = ipAddress,
            CreatedAt = time.GetUtcNow(),
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync();

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "code:" + session.Id),
                new Claim(ClaimTypes.Name, email),
                new Claim(PortalClaims.SessionId, session.Id),
                new Claim(PortalClaims.SessionKind, nameof(SessionKind.EntryCode)),
                new Claim(PortalClaims.ParticipantId, participant.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(PortalClaims.ParticipantName, participant.Name),
                new Claim(PortalClaims.Role, role.ToString()),
                new Claim(PortalClaims.DisplayName, name),
                new Claim(PortalClaims.Email, email),
            ],
            IdentityConstants.ApplicationScheme,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// Runs on every authenticated request (cookie OnValidatePrincipal). A session found valid is remembered under the
    /// "access" change stamp (decision 007), which every ending, password or role change, disabling and code rotation
    /// moves forward in the database; so each request still learns of them at once, on every instance, from one small
    /// read of the stamps.
    /// </summary>
    public async Task<bool> IsValidAsync(ClaimsPrincipal principal)
    {
        var sessionId = principal.SessionIdOf();
        if (sessionId is null)
        {
            return false;
        }

        var stampInCookie = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var key = new ValidSession(sessionId, stampInCookie);
        var access = (await stamps.CurrentAsync()).Access;
        if (cache.TryGet<bool>(key, access, out _))
        {
            return true;
        }

        var oldest = time.GetUtcNow() - AbsoluteLifetime;
        var row = await db.Sessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.EndedAt == null && s.CreatedAt > oldest)
            .Select(s => new
            {
                s.Kind,
                s.CreatedAt,
                UserStamp = s.User == null ? null : s.User.SecurityStamp,
                UserDisabled = s.User != null && s.User.IsDisabled,
                CodeRetired = s.EntryCode != null && s.EntryCode.RetiredAt != null,
            })
            .SingleOrDefaultAsync();
        if (row is null)
        {
            return false;
        }

        var valid = row.Kind == SessionKind.EntryCode
            ? !row.CodeRetired
            : !row.UserDisabled && row.UserStamp is not null && row.UserStamp == stampInCookie;
        if (valid)
        {
            cache.Set(key, access, true, row.CreatedAt + AbsoluteLifetime);
        }

        return valid;
    }

    private sealed record ValidSession(string SessionId, string? SecurityStamp);

    public Task<int> EndAsync(string sessionId, string reason) =>
        db.Sessions.Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, time.GetUtcNow()).SetProperty(s => s.EndReason, reason));

    public Task<int> EndAllForUserAsync(string userId, string reason) =>
        db.Sessions.Where(s => s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, time.GetUtcNow()).SetProperty(s => s.EndReason, reason));
}

/// <summary>Hooks the session store into the Identity application cookie.</summary>
public sealed class PortalCookieEvents : CookieAuthenticationEvents
{
    public override async Task SigningIn(CookieSigningInContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        if (context.HttpContext.User.SessionIdOf() is { } previous)
        {
            // Signing in again in the same browser replaces the session; the old cookie must not live on.
            await sessions.EndAsync(previous, "replaced by a new sign-in");
        }

        await sessions.AttachAccountSessionAsync(context.Principal!, context.HttpContext.Connection.RemoteIpAddress?.ToString());
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        if (context.Principal is null || !await sessions.IsValidAsync(context.Principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    public override async Task SigningOut(CookieSigningOutContext context)
    {
        var sessionId = context.HttpContext.User.SessionIdOf();
        if (sessionId is not null)
        {
            var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
            await sessions.EndAsync(sessionId, "signed out");
        }
    }
}
