using Portal.Data;
using Portal.Infrastructure.Email;

namespace Portal.Features.Accounts;

/// <summary>The texts of account e-mails, in one place.</summary>
public sealed class AccountMail(Outbox outbox, AccountTokens tokens)
{
    public const string InvitationKind = "account-invitation";
    public const string PasswordResetKind = "password-reset";
    public const string DisabledKind = "account-disabled";

    /// <summary>
    /// Queues the invitation and returns its link (printed by the create-coordinator command). <paramref name="invitedBy"/>:
    /// the colleague of the State who invites; null when the coordinator does (after an access request, mostly).
    /// </summary>
    public string SendInvitation(PortalUser user, string participantName, string? invitedBy = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = tokens.Issue(user, AccountTokenPurpose.Invitation);
        var link = outbox.Link("/Account/Invitation?token=" + Uri.EscapeDataString(token));
        var role = RoleLabels.Label(user.Role).ToLowerInvariant();
        var (opening, unexpected) = invitedBy is null
            ? ("Your request to use the Convention on Cluster Munitions Cooperation Portal has been approved.",
                "If you did not ask for access, ignore this message; nothing happens without the link.")
            : ($"{invitedBy}, focal point of {participantName}, has invited you to the Convention on Cluster Munitions Cooperation Portal.",
                "If you did not expect this invitation, ignore this message; nothing happens without the link.");
        outbox.Enqueue(InvitationKind, user.Email!, "Your invitation to the CCM Cooperation Portal", $"""
            Dear {user.FullName},

            {opening}
            You will act for {participantName} as {role}.

            Create your password with this link (valid for 7 days, usable once):
            {link}

            {unexpected}
            """, sensitive: true);
        return link;
    }

    /// <summary>Tells a person that a focal point of their State disabled their account, so that nobody is locked out unawares.</summary>
    public void SendDisabledByColleague(PortalUser user, string disabledBy, string participantName)
    {
        ArgumentNullException.ThrowIfNull(user);
        outbox.Enqueue(DisabledKind, user.Email!, "Your Cooperation Portal account has been disabled", $"""
            Dear {user.FullName},

            {disabledBy}, focal point of {participantName}, has disabled your account on the Convention on Cluster Munitions
            Cooperation Portal. You can no longer sign in with it.

            If you still act for {participantName} and this is a mistake, ask one of its focal points or the coordinator
            to enable your account again.
            """);
    }

    public void SendPasswordReset(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = tokens.Issue(user, AccountTokenPurpose.PasswordReset);
        var link = outbox.Link("/Account/ResetPassword?token=" + Uri.EscapeDataString(token));
        outbox.Enqueue(PasswordResetKind, user.Email!, "Reset your Cooperation Portal password", $"""
            Dear {user.FullName},

            Someone (hopefully you) asked to reset the password of your Cooperation Portal account.
            Choose a new password with this link (valid for 2 hours, usable once):
            {link}

            If you did not ask for this, ignore this message: your password stays as it is.
            """, sensitive: true);
    }

    public const string IdleKind = "account-idle";

    /// <summary>Tells an account that has not been used for a year that it will be disabled unless it signs in.</summary>
    public void WarnIdle(PortalUser user, DateTimeOffset disableOn)
    {
        ArgumentNullException.ThrowIfNull(user);
        var date = disableOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        outbox.Enqueue(IdleKind, user.Email!, "Your Cooperation Portal account will be disabled unless you sign in", $"""
            Dear {user.FullName},

            Your account on the Convention on Cluster Munitions Cooperation Portal has not been used for a year.
            Accounts nobody uses are disabled, so that nobody keeps access they no longer need.

            If you still need it, sign in before {date}: {outbox.Link("/Account/SignIn")}
            If you do nothing, the account will be disabled on {date}, and those who manage the accounts of {user.Participant?.Name} will be told.
            """);
    }

    /// <summary>Tells a focal point (or a coordinator) that an account of their participant was disabled for not being used.</summary>
    public void TellOfIdleDisabled(PortalUser recipient, PortalUser disabled)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(disabled);
        var participant = disabled.Participant?.Name ?? "";
        outbox.Enqueue(IdleKind, recipient.Email!, $"The account of {disabled.FullName} was disabled: not used for a year", $"""
            Dear {recipient.FullName},

            The Cooperation Portal account of {disabled.FullName} ({disabled.Email}), of {participant}, was disabled today:
            it had not been used for a year, and nobody signed in with it after a warning 30 days ago.

            If they still need access, a focal point of {participant} or a coordinator can enable the account again.
            """);
    }
}

public static class RoleLabels
{
    public static string Label(PortalRole role) => role switch
    {
        PortalRole.FocalPoint => "Focal point",
        PortalRole.Member => "Member",
        PortalRole.Observer => "Observer",
        PortalRole.Coordinator => "Coordinator",
        _ => role.ToString(),
    };

    /// <summary>The role in a sentence: "a member", "an observer".</summary>
    public static string WithArticle(PortalRole role) =>
        (role == PortalRole.Observer ? "an " : "a ") + Label(role).ToLowerInvariant();

    /// <summary>What a person of <paramref name="participant"/> in this role may do, in whole sentences: the hint beside each choice of role.</summary>
    public static string Hint(PortalRole role, Participant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return role switch
        {
            PortalRole.Member => "Reads everything open to States, expresses interest in needs and offers, and subscribes to new postings.",
            PortalRole.FocalPoint when participant.IsState =>
                $"Does what a member does, publishes for {participant.Name}, and invites and disables its people on the portal.",
            PortalRole.FocalPoint => $"Reads what States opened to observers, and publishes for {participant.Name}.",
            PortalRole.Observer => "Reads what States opened to observers.",
            PortalRole.Coordinator => "Runs the portal: access, accounts, participants and the audit log. Signs in with an authenticator app.",
            _ => "",
        };
    }
}
