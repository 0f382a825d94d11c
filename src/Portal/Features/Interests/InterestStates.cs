using Portal.Data;

namespace Portal.Features.Interests;

/// <summary>Which side of a connection an account is on.</summary>
public enum InterestSide
{
    /// <summary>The focal points of the participant that published the posting.</summary>
    Owner,

    /// <summary>The interested participant: its focal points and the account that expressed the interest.</summary>
    Interested,
}

/// <summary>
/// How a connection moves, said once: open → in discussion → project agreed, or closed from any state before that.
/// The owner moves it forward and may close it; the interested side may only withdraw (close). A project agreed and a
/// closed connection stay as they are: the first is what the statistics count, the second is over.
/// </summary>
public static class InterestStates
{
    public static IReadOnlyList<InterestState> Next(InterestState from, InterestSide side) => (from, side) switch
    {
        (InterestState.Open, InterestSide.Owner) => [InterestState.InDiscussion, InterestState.ProjectAgreed, InterestState.Closed],
        (InterestState.InDiscussion, InterestSide.Owner) => [InterestState.ProjectAgreed, InterestState.Closed],
        (InterestState.Open or InterestState.InDiscussion, InterestSide.Interested) => [InterestState.Closed],
        _ => [],
    };

    public static bool MayMove(InterestState from, InterestState to, InterestSide side) => Next(from, side).Contains(to);

    /// <summary>Replies are taken until the connection is closed; after a project was agreed the two sides may still write.</summary>
    public static bool TakesReplies(InterestState state) => state != InterestState.Closed;

    /// <summary>The owner's first reply answers the interest: it is then in discussion.</summary>
    public static InterestState AfterReply(InterestState from, InterestSide side) =>
        from == InterestState.Open && side == InterestSide.Owner ? InterestState.InDiscussion : from;

    public static string Label(this InterestState state) => state switch
    {
        InterestState.Open => "Waiting for an answer",
        InterestState.InDiscussion => "In discussion",
        InterestState.ProjectAgreed => "Project agreed",
        InterestState.Closed => "Closed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>The words of the button that moves a connection to this state.</summary>
    public static string ActionLabel(this InterestState to, InterestSide side) => (to, side) switch
    {
        (InterestState.InDiscussion, _) => "Mark as in discussion",
        (InterestState.ProjectAgreed, _) => "Mark as project agreed",
        (InterestState.Closed, InterestSide.Interested) => "Withdraw our interest",
        (InterestState.Closed, _) => "Close this connection",
        _ => throw new ArgumentOutOfRangeException(nameof(to), to, null),
    };
}
