using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Features.Sessions;

namespace Portal.Features.Accounts;

/// <summary>
/// Nobody keeps an account for ever: an account not signed in for a year (<see cref="PortalUser.LastSignInAt"/>, or
/// since it was made) is warned by e-mail, and disabled <see cref="Grace"/> later if it has still not signed in; the
/// other focal points of its participant are told (the coordinators when it has none). Signing in clears the warning.
/// Coordinators are left out: disabling the support unit's last coordinator would lock everyone out of the portal.
/// </summary>
public sealed class IdleAccounts(
    PortalDbContext db, UserManager<PortalUser> users, SessionStore sessions, AuditLog audit, AccountMail mail, TimeProvider time)
{
    public static readonly TimeSpan IdleAfter = TimeSpan.FromDays(365);

    public static readonly TimeSpan Grace = TimeSpan.FromDays(30);

    /// <summary>The yearly check; each account is claimed before it is warned or disabled, so several instances never act twice.</summary>
    public async Task<(int Warned, int Disabled)> ReviewAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var warnedBefore = now - Grace;
        var overdue = await Checked().Where(u => u.IdleWarnedAt != null && u.IdleWarnedAt <= warnedBefore)
            .OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(cancellationToken);
        var disabled = 0;
        foreach (var id in overdue)
        {
            disabled += await DisableAsync(id, warnedBefore, cancellationToken) ? 1 : 0;
        }

        var idleSince = now - IdleAfter;
        var due = await Checked().Where(u => u.IdleWarnedAt == null && (u.LastSignInAt ?? u.CreatedAt) <= idleSince)
            .OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(cancellationToken);
        var warned = 0;
        foreach (var id in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // A conditional update claims the account: another instance that warned it first, or a sign-in since, wins.
            var claimed = await db.Users.Where(u => u.Id == id && u.IdleWarnedAt == null && (u.LastSignInAt ?? u.CreatedAt) <= idleSince)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.IdleWarnedAt, now), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var user = await db.Users.AsNoTracking().Include(u => u.Participant).SingleAsync(u => u.Id == id, cancellationToken);
            mail.WarnIdle(user, now + Grace);
            audit.Write(AuditEvent.AccountIdleWarned, user.Email, $"no sign-in since {(user.LastSignInAt ?? user.CreatedAt):yyyy-MM-dd}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            warned++;
        }

        return (warned, disabled);
    }

    /// <summary>Accounts the check applies to: activated, not disabled, not coordinators.</summary>
    private IQueryable<PortalUser> Checked() =>
        db.Users.AsNoTracking().Where(u => u.IsActivated && !u.IsDisabled && u.Role != PortalRole.Coordinator);

    private async Task<bool> DisableAsync(string id, DateTimeOffset warnedBefore, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await db.Users.Include(u => u.Participant)
            .SingleOrDefaultAsync(u => u.Id == id && !u.IsDisabled && u.IdleWarnedAt != null && u.IdleWarnedAt <= warnedBefore
                && (u.LastSignInAt == null || u.LastSignInAt < u.IdleWarnedAt), cancellationToken);
        if (user is null)
        {
            return false;
        }

        // Saved with the concurrency stamp: a second instance doing the same fails here.
        if (!await AccountAdmin.DisableAndSignOutAsync(users, sessions, user, "disabled: not used for a year"))
        {
            return false;
        }

        audit.Write(AuditEvent.AccountDisabledIdle, user.Email, $"warned {user.IdleWarnedAt:yyyy-MM-dd}, no sign-in since");
        var told = await db.Users.AsNoTracking()
            .Where(u => u.ParticipantId == user.ParticipantId && u.Id != user.Id && u.Role == PortalRole.FocalPoint && u.IsActivated && !u.IsDisabled)
            .ToListAsync(cancellationToken);
        if (told.Count == 0)
        {
            told = await db.Users.AsNoTracking().ActiveCoordinators().ToListAsync(cancellationToken);
        }

        foreach (var recipient in told)
        {
            mail.TellOfIdleDisabled(recipient, user);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
