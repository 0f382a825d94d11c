using Portal.Data;
using Portal.Infrastructure.Email;

namespace Portal.Features.EntryCodes;

/// <summary>The texts of e-mails about entry codes, in one place.</summary>
public sealed class EntryCodeMail(Outbox outbox)
{
    /// <summary>The kind of e-mails carrying a code of <paramref name="audience"/>: a rotation cancels those still unsent.</summary>
    public static string CodeKind(CodeAudience audience) => $"entry-code:{audience}";

    public static string ChangedKind(CodeAudience audience) => $"entry-code-changed:{audience}";

    /// <summary>Sends a code to a person whose request was approved; the body is erased once delivered.</summary>
    public void SendCode(string to, string name, string participantName, CodeAudience audience, string code) =>
        outbox.Enqueue(CodeKind(audience), to, $"Your entry code for the CCM Cooperation Portal ({EntryCodeStore.Label(audience)})", $"""
            Dear {name},

            Your request for access has been approved with read-only access for {participantName}.
            Open {outbox.Link("/Entry")} and enter this code with your name and e-mail address:

                {EntryCodeFormat.Group(EntryCodeFormat.Normalize(code)!)}

            The code is changed regularly; the coordinator will send you the new one. Do not forward it.
            """, sensitive: true);

    /// <summary>
    /// Cancels, in the caller's transaction, the code e-mails of <paramref name="audience"/> not sent yet, and erases
    /// them: the code they carry was just replaced.
    /// </summary>
    public Task<int> CancelUnsentCodesAsync(CodeAudience audience) =>
        outbox.CancelUnsentAsync(CodeKind(audience), "the entry code was changed before this e-mail could be sent");

    /// <summary>
    /// Tells a coordinator that a code changed on schedule. The code itself never travels by e-mail from here: the
    /// coordinators are told where to see it once.
    /// </summary>
    public void TellCoordinatorOfRotation(string to, string coordinatorName, CodeAudience audience) =>
        outbox.Enqueue(ChangedKind(audience), to, $"The entry code for {EntryCodeStore.Label(audience)} has changed", $"""
            Dear {coordinatorName},

            The entry code for {EntryCodeStore.Label(audience)} was changed on schedule. Everyone who entered with the old code has been signed out.
            The new code is shown once on {outbox.Link("/Admin/Codes")}; send it to the delegations that should have it.
            """);
}
