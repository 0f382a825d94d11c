using Portal.Data;
using Portal.Features.Interests;

namespace Portal.Tests.Unit;

public sealed class InterestStatesTests
{
    [Fact]
    public void Owner_MovesForward_OrCloses_UntilAProjectIsAgreedOrItIsClosed()
    {
        Assert.Equal([InterestState.InDiscussion, InterestState.ProjectAgreed, InterestState.Closed], InterestStates.Next(InterestState.Open, InterestSide.Owner));
        Assert.Equal([InterestState.ProjectAgreed, InterestState.Closed], InterestStates.Next(InterestState.InDiscussion, InterestSide.Owner));
        Assert.Empty(InterestStates.Next(InterestState.ProjectAgreed, InterestSide.Owner));
        Assert.Empty(InterestStates.Next(InterestState.Closed, InterestSide.Owner));
    }

    [Fact]
    public void InterestedSide_MayOnlyWithdraw_WhileItIsOpenOrInDiscussion()
    {
        Assert.Equal([InterestState.Closed], InterestStates.Next(InterestState.Open, InterestSide.Interested));
        Assert.Equal([InterestState.Closed], InterestStates.Next(InterestState.InDiscussion, InterestSide.Interested));
        Assert.Empty(InterestStates.Next(InterestState.ProjectAgreed, InterestSide.Interested));
        Assert.Empty(InterestStates.Next(InterestState.Closed, InterestSide.Interested));
        Assert.False(InterestStates.MayMove(InterestState.Open, InterestState.ProjectAgreed, InterestSide.Interested));
        Assert.True(InterestStates.MayMove(InterestState.Open, InterestState.ProjectAgreed, InterestSide.Owner));
    }

    [Theory]
    [InlineData(InterestState.Open, InterestSide.Owner, InterestState.InDiscussion)]
    [InlineData(InterestState.Open, InterestSide.Interested, InterestState.Open)]
    [InlineData(InterestState.InDiscussion, InterestSide.Owner, InterestState.InDiscussion)]
    [InlineData(InterestState.ProjectAgreed, InterestSide.Owner, InterestState.ProjectAgreed)]
    public void TheOwnersFirstReply_PutsAnOpenInterestInDiscussion(InterestState from, InterestSide side, InterestState expected) =>
        Assert.Equal(expected, InterestStates.AfterReply(from, side));

    [Fact]
    public void AClosedConnection_TakesNoReply_EveryOtherDoes()
    {
        Assert.False(InterestStates.TakesReplies(InterestState.Closed));
        Assert.All([InterestState.Open, InterestState.InDiscussion, InterestState.ProjectAgreed], s => Assert.True(InterestStates.TakesReplies(s)));
    }

    [Fact]
    public void EveryStateAndEveryOfferedMove_HasWords()
    {
        foreach (var state in Enum.GetValues<InterestState>())
        {
            Assert.False(string.IsNullOrWhiteSpace(state.Label()));
            foreach (var side in Enum.GetValues<InterestSide>())
            {
                Assert.All(InterestStates.Next(state, side), to => Assert.False(string.IsNullOrWhiteSpace(to.ActionLabel(side))));
            }
        }
    }
}
