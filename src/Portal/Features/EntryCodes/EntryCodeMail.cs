using Portal.Data;
using Portal.Infrastructure.Email;

namespace Portal.Features.EntryCodes;

/// <summary>The texts of e-mails about entry codes, in one place.</summary>
public sealed class EntryCodeMail(Outbox outbox)
{
    /// <summary>The subject of e-mails carrying a code; a rotation cancels those still unsent (<see cref="EntryCodeStore"/>).</summary>
    public static string CodeSubject(CodeAudience audience) => $"Your entry code for the CCM Cooperation Portal ({EntryCodeStore.Label(audience)})";

    /// <summary>Sends a code to a person whose request was approved; the body is erased once delivered.</summary>
    public void SendCode(string to, string name, string participantName, CodeAudience audience, string code) =>
        outbox.Enqueue(to, CodeSubject(audience), $"""
            Dear {name},

            Your request for access has been approved with read-only access for {participantName}.
            Open {outbox.Link("/Entry")} and enter this code with your name and e-mail address:

                {EntryCodeFormat.Group(EntryCodeFormat.Normalize(code)!)}

            The code is changed regularly; the coordinator will send you the new one. Do not forward it.
            """, sensitive: true);

    /// <summary>
    /// Tells a coordinator that a code changed on schedule. The code itself never travels by e-mail from here: the
    /// coordinators are told where to see it once.
    /// </summary>
    public void TellCoordinatorOfRotation(string to, string coordinatorName, CodeAudience audience) =>
        outbox.Enqueue(to, $"The entry code for {EntryCodeStore.Label(audience)} has changed", $"""
            Dear {coordinatorName},

            The entry code for {EntryCodeStore.Label(audience)} was changed on schedule. Everyone who entered with the old code has been signed out.
            The new code is shown once on {outbox.Link("/Admin/Codes")}; send it to the delegations that should have it.
            """);
}
