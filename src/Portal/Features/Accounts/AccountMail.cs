using Portal.Data;
using Portal.Infrastructure.Email;

namespace Portal.Features.Accounts;

/// <summary>The texts of account e-mails, in one place.</summary>
public sealed class AccountMail(Outbox outbox, AccountTokens tokens)
{
    public const string InvitationKind = "account-invitation";
    public const string PasswordResetKind = "password-reset";

    /// <summary>Queues the invitation and returns its link (printed by the create-coordinator command).</summary>
    public string SendInvitation(PortalUser user, string participantName)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = tokens.Issue(user, AccountTokenPurpose.Invitation);
        var link = outbox.Link("/Account/Invitation?token=" + Uri.EscapeDataString(token));
        outbox.Enqueue(InvitationKind, user.Email!, "Your invitation to the CCM Cooperation Portal", $"""
            Dear {user.FullName},

            Your request to use the Convention on Cluster Munitions Cooperation Portal has been approved.
            You will act for {participantName} as {RoleLabels.Label(user.Role).ToLowerInvariant()}.

            Create your password with this link (valid for 7 days, usable once):
            {link}

            If you did not ask for access, ignore this message; nothing happens without the link.
            """, sensitive: true);
        return link;
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
}
