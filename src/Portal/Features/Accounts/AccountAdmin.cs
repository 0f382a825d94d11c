using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Audit;
using Portal.Features.Sessions;

namespace Portal.Features.Accounts;

/// <summary>
/// What is done to people's accounts once they exist: change a role, disable, enable, name an editor (invitations are
/// <see cref="AccountInvitations"/>). Each command is given the reader who acts and checks <see cref="PeopleRights"/>
/// itself, whatever page called it; an account the reader may not manage reads as one that does not exist.
/// </summary>
public sealed class AccountAdmin(
    PortalDbContext db, UserManager<PortalUser> users, AccountMail mail, SessionStore sessions, AuditLog audit)
{
    public const string NoSuchAccount = "This account no longer exists.";

    /// <summary>The account, with its participant, if it exists and <paramref name="actor"/> may manage it; otherwise null.</summary>
    public async Task<PortalUser?> FindAsync(Reader actor, string? userId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }

        var user = await db.Users.Include(u => u.Participant).SingleOrDefaultAsync(u => u.Id == userId);
        return user is not null && PeopleRights.MayManage(actor, user.ParticipantId, user.Role) ? user : null;
    }

    /// <summary>Changes the role; the person's sessions end so that the new role applies at once.</summary>
    public async Task<string?> ChangeRoleAsync(Reader actor, string userId, PortalRole role)
    {
        var user = await FindAsync(actor, userId);
        if (user is null)
        {
            return NoSuchAccount;
        }

        if (await WhyNotChangeRoleAsync(actor, user, role) is { } refusal)
        {
            return refusal;
        }

        if (user.Role == role)
        {
            return null;
        }

        var before = user.Role;
        user.Role = role;
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllForUserAsync(user.Id, "role changed");
        await audit.RecordAsync(AuditEvent.AccountRoleChanged, user.Email,
            $"{user.Participant!.Name}: {RoleLabels.Label(before)} → {RoleLabels.Label(role)}; sessions ended");
        return null;
    }

    /// <summary>Why <paramref name="actor"/> may not give <paramref name="user"/> this role, or null (also when it is already theirs).</summary>
    public async Task<string?> WhyNotChangeRoleAsync(Reader actor, PortalUser user, PortalRole role)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(user);
        var participant = user.Participant ?? throw new InvalidOperationException("The account's participant is not loaded.");
        var own = user.Id == actor.UserId;
        if (role == user.Role)
        {
            return null;
        }

        if (own && actor.IsCoordinator)
        {
            return "You cannot change your own role.";
        }

        if (!PeopleRights.RolesToGive(actor, participant).Contains(role))
        {
            return $"{RoleLabels.Label(role)} is not a role for someone of {participant.Name}.";
        }

        if (user.Role == PortalRole.Coordinator && await IsLastCoordinatorAsync(user))
        {
            return LastCoordinator;
        }

        return own && user.Role == PortalRole.FocalPoint && await IsLastFocalPointAsync(user)
            ? $"You are the last active focal point of {participant.Name}: as a member you could no longer publish for it " +
              "or manage its people, and nobody else could. Make a colleague focal point first, or ask the coordinator."
            : null;
    }

    public async Task<string?> SetDisabledAsync(Reader actor, string userId, bool disabled)
    {
        var user = await FindAsync(actor, userId);
        if (user is null)
        {
            return NoSuchAccount;
        }

        if (disabled && await WhyNotDisableAsync(actor, user) is { } refusal)
        {
            return refusal;
        }

        if (disabled)
        {
            await DisableAndSignOutAsync(users, sessions, user, actor.IsCoordinator ? "disabled by the coordinator" : "disabled by a focal point");
            if (!actor.IsCoordinator && user.Id != actor.UserId && user.IsActivated)
            {
                // Among a State's focal points nobody is silently locked out: the person learns who did it and whom to ask.
                mail.SendDisabledByColleague(user, await NameOfAsync(actor), user.Participant!.Name);
            }
        }
        else
        {
            user.IsDisabled = false;
            await users.UpdateAsync(user);
        }

        await audit.RecordAsync(disabled ? AuditEvent.AccountDisabled : AuditEvent.AccountEnabled, user.Email,
            disabled ? $"{Describe(user)}; all sessions ended" : Describe(user));
        return null;
    }

    /// <summary>
    /// What disabling an account is, said once for a person's decision and the yearly check of unused accounts: the flag,
    /// a new security stamp (saved with the concurrency stamp, so false when another change won) and every session ended.
    /// </summary>
    internal static async Task<bool> DisableAndSignOutAsync(UserManager<PortalUser> users, SessionStore sessions, PortalUser user, string reason)
    {
        user.IsDisabled = true;
        if (!(await users.UpdateSecurityStampAsync(user)).Succeeded)
        {
            return false;
        }

        await sessions.EndAllForUserAsync(user.Id, reason);
        return true;
    }

    /// <summary>
    /// Why <paramref name="actor"/> may not disable <paramref name="user"/>, or null. Nobody leaves the portal without a
    /// coordinator, and a State's last active focal point does not leave it without one: focal points may otherwise
    /// disable any of their State's people, themselves and other focal points included.
    /// </summary>
    public async Task<string?> WhyNotDisableAsync(Reader actor, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(user);
        if (user.Id == actor.UserId && actor.IsCoordinator)
        {
            return "You cannot disable your own account.";
        }

        if (user.Role == PortalRole.Coordinator && await IsLastCoordinatorAsync(user))
        {
            return LastCoordinator;
        }

        return user.Id == actor.UserId && user.Role == PortalRole.FocalPoint && await IsLastFocalPointAsync(user)
            ? $"You are the last active focal point of {user.Participant!.Name}, so you cannot disable your own account: nobody " +
              "could then publish for it or manage its people. Make a colleague focal point first, or ask the coordinator."
            : null;
    }

    /// <summary>Whether the account is its participant's only focal point who can act now (activated and not disabled).</summary>
    public Task<bool> IsLastFocalPointAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return db.Users.Where(u => u.ParticipantId == user.ParticipantId && u.Role == PortalRole.FocalPoint && u.IsActivated && !u.IsDisabled)
            .AllAsync(u => u.Id == user.Id);
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
            return NoSuchAccount;
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

    /// <summary>The acting account's name, as e-mails to the people it acts on give it.</summary>
    internal async Task<string> NameOfAsync(Reader actor) =>
        await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.FullName).SingleOrDefaultAsync() ?? "A colleague";

    internal static string Describe(PortalUser user) => $"{RoleLabels.Label(user.Role)} of {user.Participant!.Name}";

    private const string LastCoordinator =
        "This is the only active coordinator: the portal needs one. Invite another coordinator first.";

    // Nobody may leave the portal without a coordinator: access requests, codes and accounts would have no one to manage them.
    private Task<bool> IsLastCoordinatorAsync(PortalUser user) =>
        db.Users.ActiveCoordinators().AllAsync(u => u.Id == user.Id);
}
