using Portal.Data;
using Portal.Infrastructure.Email;

namespace Portal.Features.Access;

/// <summary>The texts of e-mails about access requests, in one place.</summary>
public sealed class AccessMail(Outbox outbox)
{
    public const string ReceivedKind = "access-request-received";
    public const string WaitingKind = "access-request-waiting";
    public const string RejectedKind = "access-request-rejected";

    public void SendReceived(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        outbox.Enqueue(ReceivedKind, request.Email, "We received your request for access", $"""
            Dear {request.Name},

            Your request for access to the CCM Cooperation Portal has reached the coordinator (reference #{request.Id}).
            You will receive another e-mail when it has been decided.
            """);
    }

    /// <summary>Tells one coordinator that a request waits for a decision.</summary>
    public void TellCoordinator(string to, string coordinatorName, AccessRequest request, string participantName)
    {
        ArgumentNullException.ThrowIfNull(request);
        outbox.Enqueue(WaitingKind, to, $"A request for access is waiting (#{request.Id})", $"""
            Dear {coordinatorName},

            A request for access to the portal is waiting for your decision (reference #{request.Id}).
            As typed by the person (not verified): {request.Name}, {request.Position}, <{request.Email}>, for {participantName}.

            Decide on {outbox.Link("/Admin/Requests")}.
            """);
    }

    public void SendRejection(AccessRequest request, string reason)
    {
        ArgumentNullException.ThrowIfNull(request);
        outbox.Enqueue(RejectedKind, request.Email, "Your request for access to the CCM Cooperation Portal", $"""
            Dear {request.Name},

            The coordinator could not approve your request for access (reference #{request.Id}).
            Reason given: {reason}

            You may reply to the Implementation Support Unit if you think this is a mistake.
            """);
    }
}
