using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Audit;

namespace Portal.Features.Accounts;

/// <summary>
/// Invitations: an account without a password and a single-use, seven-day link by e-mail; re-sent, or cancelled before
/// it is used. Each command is given the reader who acts and checks <see cref="PeopleRights"/> itself, whatever page
/// called it (the command line's first coordinator aside).
/// </summary>
public sealed class AccountInvitations(
    PortalDbContext db, UserManager<PortalUser> users, AccountMail mail, AuditLog audit, TimeProvider time, AccountAdmin accounts)
{
    /// <summary>
    /// Creates an account without a password and e-mails a single-use invitation, if <paramref name="actor"/> may give
    /// that role to someone of that participant. Returns an error, or the new account's id.
    /// </summary>
    public async Task<(string? Error, string? UserId)> InviteAsync(
        Reader actor, string name, string email, string? position, Participant participant, PortalRole role)
    {
        ArgumentNullException.ThrowIfNull(participant);
        if (!PeopleRights.ManagesPeopleOf(actor, participant.Id))
        {
            return ($"You do not manage the people of {participant.Name}.", null);
        }

        if (!PeopleRights.RolesToGive(actor, participant).Contains(role))
        {
            return ($"{RoleLabels.Label(role)} is not a role for someone of {participant.Name}.", null);
        }

        var (error, user, _) = await CreateInvitedAsync(name, email, position, participant, role, await InvitedByAsync(actor));
        return (error, user?.Id);
    }

    /// <summary>
    /// The command line's <c>create-coordinator</c>: whoever runs the server may create a coordinator, which is how the
    /// first one comes to exist. Returns an error, or the invitation link to print.
    /// </summary>
    public async Task<(string? Error, string? Link)> InviteCoordinatorFromCommandLineAsync(string name, string email, string? position, Participant isu)
    {
        var (error, _, link) = await CreateInvitedAsync(name, email, position, isu, PortalRole.Coordinator, invitedBy: null);
        return (error, link);
    }

    public async Task<string?> ResendInvitationAsync(Reader actor, string userId)
    {
        var user = await accounts.FindAsync(actor, userId);
        if (user is null || user.IsActivated)
        {
            return "This account has already been activated or no longer exists.";
        }

        mail.SendInvitation(user, user.Participant!.Name, await InvitedByAsync(actor));
        audit.Write(AuditEvent.AccountCreated, user.Email, $"{AccountAdmin.Describe(user)}; invitation sent again");
        await db.SaveChangesAsync();
        return null;
    }

    /// <summary>
    /// Cancels an invitation that was never used: the account is removed, so its link no longer works and the address
    /// may be invited again. An account whose password is set is disabled instead, never removed.
    /// </summary>
    public async Task<string?> CancelInvitationAsync(Reader actor, string userId)
    {
        var user = await accounts.FindAsync(actor, userId);
        if (user is null)
        {
            return AccountAdmin.NoSuchAccount;
        }

        if (WhyNotCancel(user) is { } refusal)
        {
            return refusal;
        }

        var (email, described) = (user.Email, AccountAdmin.Describe(user));
        await using var transaction = await db.Database.BeginTransactionAsync();
        // The links are used up first, so a person setting their password at this moment either wins (and the account
        // stays, activated) or finds the link spent; the account is removed only while it is still unactivated.
        var now = time.GetUtcNow();
        await db.AccountTokens.Where(t => t.UserId == user.Id && t.UsedAt == null).ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedAt, now));
        if (await db.Users.Where(u => u.Id == user.Id && !u.IsActivated).ExecuteDeleteAsync() == 0)
        {
            await transaction.RollbackAsync();
            return AlreadyActivated(user);
        }

        db.ChangeTracker.Clear();
        audit.Write(AuditEvent.AccountInvitationCancelled, email, $"{described}; account removed before it was used, its link no longer works");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return null;
    }

    /// <summary>Why the invitation cannot be cancelled, or null.</summary>
    public static string? WhyNotCancel(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsActivated ? AlreadyActivated(user) : null;
    }

    private async Task<(string? Error, PortalUser? User, string? Link)> CreateInvitedAsync(
        string name, string email, string? position, Participant participant, PortalRole role, string? invitedBy)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return ($"An account with the e-mail address {email} already exists.", null, null);
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
            return (string.Join(" ", created.Errors.Select(e => e.Description)), null, null);
        }

        var link = mail.SendInvitation(user, participant.Name, invitedBy);
        audit.Write(AuditEvent.AccountCreated, email, $"{RoleLabels.Label(role)} of {participant.Name}; invitation sent");
        await db.SaveChangesAsync();
        if (transaction is not null)
        {
            await transaction.CommitAsync();
        }

        return (null, user, link);
    }

    /// <summary>Who the invitation names as inviting: a colleague of the State; none when the coordinator invites.</summary>
    private async Task<string?> InvitedByAsync(Reader actor) => actor.IsCoordinator ? null : await accounts.NameOfAsync(actor);

    private static string AlreadyActivated(PortalUser user) =>
        $"{user.FullName} has already set a password, so there is no invitation left to cancel. Disable the account instead.";
}
