using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Features.Sessions;

namespace Portal.Features.Accounts;

/// <summary>What the coordinator does to accounts: invite, change a role, re-send an invitation, disable.</summary>
public sealed class AccountAdmin(
    PortalDbContext db, UserManager<PortalUser> users, AccountMail mail, SessionStore sessions, AuditLog audit, TimeProvider time)
{
    /// <summary>Which roles fit a person of this participant. Coordinators belong to an organisation (the ISU).</summary>
    public static IReadOnlyList<PortalRole> RolesFor(Participant participant, bool includeCoordinator)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var roles = participant.IsState ? new List<PortalRole> { PortalRole.FocalPoint, PortalRole.Member }
            : participant.MayPublish ? [PortalRole.Observer, PortalRole.FocalPoint]
            : [PortalRole.Observer];
        if (includeCoordinator && !participant.IsState)
        {
            roles.Add(PortalRole.Coordinator);
        }

        return roles;
    }

    /// <summary>Creates an account without a password and e-mails a single-use invitation. Returns an error or null.</summary>
    public async Task<string?> InviteAsync(string name, string email, string? position, Participant participant, PortalRole role, bool allowCoordinator) =>
        (await InviteWithLinkAsync(name, email, position, participant, role, allowCoordinator)).Error;

    public async Task<(string? Error, string? Link)> InviteWithLinkAsync(
        string name, string email, string? position, Participant participant, PortalRole role, bool allowCoordinator)
    {
        ArgumentNullException.ThrowIfNull(participant);
        if (!RolesFor(participant, allowCoordinator).Contains(role))
        {
            return ($"{RoleLabels.Label(role)} is not a role for someone of {participant.Name}.", null);
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return ($"An account with the e-mail address {email} already exists.", null);
        }

        // The account, its invitation e-mail and the audit entry are saved together or not at all.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;

        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = name,
            Position = position,
            ParticipantId = participant.Id,
            Role = role,
            CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return (string.Join(" ", created.Errors.Select(e => e.Description)), null);
        }

        var link = mail.SendInvitation(user, participant.Name);
        audit.Write(AuditEvent.AccountCreated, email, $"{RoleLabels.Label(role)} of {participant.Name}; invitation sent");
        await db.SaveChangesAsync();
        if (transaction is not null)
        {
            await transaction.CommitAsync();
        }

        return (null, link);
    }

    public async Task<string?> ResendInvitationAsync(string userId)
    {
        var user = await db.Users.Include(u => u.Participant).SingleOrDefaultAsync(u => u.Id == userId);
        if (user is null || user.IsActivated)
        {
            return "This account has already been activated or no longer exists.";
        }

        mail.SendInvitation(user, user.Participant!.Name);
        audit.Write(AuditEvent.AccountCreated, user.Email, "invitation sent again");
        await db.SaveChangesAsync();
        return null;
    }

    /// <summary>Changes the role; the person's sessions end so that the new role applies at once.</summary>
    public async Task<string?> ChangeRoleAsync(string userId, PortalRole role, string? actingUserId)
    {
        var user = await db.Users.Include(u => u.Participant).SingleOrDefaultAsync(u => u.Id == userId);
        if (user is null)
        {
            return "This account no longer exists.";
        }

        if (user.Id == actingUserId)
        {
            return "You cannot change your own role.";
        }

        if (!RolesFor(user.Participant!, includeCoordinator: true).Contains(role))
        {
            return $"{RoleLabels.Label(role)} is not a role for someone of {user.Participant!.Name}.";
        }

        if (user.Role == PortalRole.Coordinator && role != PortalRole.Coordinator && await IsLastCoordinatorAsync(user))
        {
            return LastCoordinator;
        }

        var before = user.Role;
        user.Role = role;
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllForUserAsync(user.Id, "role changed");
        await audit.RecordAsync(AuditEvent.AccountRoleChanged, user.Email, $"{RoleLabels.Label(before)} → {RoleLabels.Label(role)}; sessions ended");
        return null;
    }

    public async Task<string?> SetDisabledAsync(string userId, bool disabled, string? actingUserId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return "This account no longer exists.";
        }

        if (disabled && user.Id == actingUserId)
        {
            return "You cannot disable your own account.";
        }

        if (disabled && user.Role == PortalRole.Coordinator && await IsLastCoordinatorAsync(user))
        {
            return LastCoordinator;
        }

        user.IsDisabled = disabled;
        if (disabled)
        {
            await users.UpdateSecurityStampAsync(user);
            await sessions.EndAllForUserAsync(user.Id, "disabled by the coordinator");
        }
        else
        {
            await users.UpdateAsync(user);
        }

        await audit.RecordAsync(disabled ? AuditEvent.AccountDisabled : AuditEvent.AccountEnabled, user.Email, disabled ? "all sessions ended" : null);
        return null;
    }

    /// <summary>
    /// Names a catalogue editor, or takes the right back: a right on the account, whatever its role; coordinators are
    /// editors anyway. It takes effect at the account's next request (the catalogue reads it from the account).
    /// </summary>
    public async Task<string?> SetEditorAsync(string userId, bool editor)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return "This account no longer exists.";
        }

        if (user.Role == PortalRole.Coordinator)
        {
            return "Coordinators are catalogue editors already.";
        }

        user.IsEditor = editor;
        await users.UpdateAsync(user);
        await audit.RecordAsync(editor ? AuditEvent.EditorRightGiven : AuditEvent.EditorRightRemoved, user.Email);
        return null;
    }

    private const string LastCoordinator =
        "This is the only active coordinator: the portal needs one. Invite another coordinator first.";

    // Nobody may leave the portal without a coordinator: access requests, codes and accounts would have no one to manage them.
    private Task<bool> IsLastCoordinatorAsync(PortalUser user) =>
        db.Users.ActiveCoordinators().AllAsync(u => u.Id == user.Id);
}
