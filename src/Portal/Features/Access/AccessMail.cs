using Portal.Data;
using Portal.Infrastructure.Email;

namespace Portal.Features.Access;

/// <summary>A request as the coordinators' notice names it: what the person typed, nothing more (not their note).</summary>
public sealed record WaitingRequest(int Id, string Name, string Position, string Email, string ParticipantName);

/// <summary>The texts of e-mails about access requests, in one place.</summary>
public sealed class AccessMail(Outbox outbox)
{
    public const string ReceivedKind = "access-request-received";
    public const string WaitingKind = "access-request-waiting";
    public const string RejectedKind = "access-request-rejected";

    /// <summary>A notice of a burst names this many requests; the requests page lists them all.</summary>
    public const int MostNamed = 10;

    public void SendReceived(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        outbox.Enqueue(ReceivedKind, request.Email, "We received your request for access", $"""
            Dear {request.Name},

            Your request for access to the CCM Cooperation Portal has reached the coordinator (reference #{request.Id}).
            You will receive another e-mail when it has been decided.
            """);
    }

    /// <summary>Tells one coordinator that requests wait for a decision: one in a quiet spell, or those of a burst together.</summary>
    public void TellCoordinator(string to, string coordinatorName, IReadOnlyList<WaitingRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 1)
        {
            var request = requests[0];
            outbox.Enqueue(WaitingKind, to, $"A request for access is waiting (#{request.Id})", $"""
                Dear {coordinatorName},

                A request for access to the portal is waiting for your decision (reference #{request.Id}).
                As typed by the person (not verified): {request.Name}, {request.Position}, <{request.Email}>, for {request.ParticipantName}.

                Decide on {outbox.Link("/Admin/Requests")}.
                """);
            return;
        }

        var named = string.Join("\n", requests.Take(MostNamed).Select(r => $"#{r.Id}: {r.Name}, {r.Position}, <{r.Email}>, for {r.ParticipantName}."));
        var rest = requests.Count > MostNamed
            ? $"\n\nOnly the first {MostNamed} are named here; the requests page lists all {requests.Count}."
            : "";
        outbox.Enqueue(WaitingKind, to, $"{requests.Count} requests for access are waiting", $"""
            Dear {coordinatorName},

            {requests.Count} new requests for access to the portal are waiting for your decision.
            As typed by each person (not verified):

            {named}{rest}

            Decide on {outbox.Link("/Admin/Requests")}.
            """);
    }

    /// <summary>Reminds a coordinator told at once of requests that have waited <see cref="AccessRequests.RemindAfter"/> or more.</summary>
    public void RemindCoordinator(string to, string coordinatorName, IReadOnlyList<WaitingRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var named = string.Join("\n", requests.Take(MostNamed).Select(r => $"#{r.Id}: {r.Name}, {r.Position}, <{r.Email}>, for {r.ParticipantName}."));
        var rest = requests.Count > MostNamed
            ? $"\n\nOnly the first {MostNamed} are named here; the requests page lists all {requests.Count}."
            : "";
        var (subject, opening) = requests.Count == 1
            ? ($"A request for access has waited 3 days (#{requests[0].Id})", "A request for access to the portal has waited 3 days or more for your decision.")
            : ($"{requests.Count} requests for access have waited 3 days", $"{requests.Count} requests for access to the portal have waited 3 days or more for your decision.");
        outbox.Enqueue(WaitingKind, to, subject, $"""
            Dear {coordinatorName},

            {opening}
            As typed by each person (not verified):

            {named}{rest}

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
