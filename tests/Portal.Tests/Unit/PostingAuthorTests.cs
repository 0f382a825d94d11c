using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Postings;

namespace Portal.Tests.Unit;

public class PostingAuthorTests
{
    private const int Owner = 7;
    private const string Recorded = "Souksavanh Phommachanh <s.phommachanh@nra.test>";

    [Theory]
    [InlineData(Recorded, "Souksavanh Phommachanh")]
    [InlineData("Ann <Lee> <ann@x.test>", "Ann")]
    [InlineData("Ann <evil@x.test <ann@x.test>", "Ann")]
    [InlineData("Ann Lee <a <b@x.test>", "Ann Lee")]
    [InlineData(" <ann@x.test>", "")]
    [InlineData("Ann<Lee <ann@x.test>", "Ann<Lee")]
    [InlineData("someone else", "someone else")]
    public void NameOnly_IsTheTextBeforeTheFirstAddressMark(string recorded, string name) =>
        Assert.Equal(name, PostingAuthor.NameOnly(recorded));

    public static TheoryData<string, Reader, bool> ReadersOfAPosting => new()
    {
        { "coordinator", new Reader(1, false, true, PortalRole.Coordinator, IsAccount: true, "c"), true },
        { "owner's focal point", new Reader(Owner, true, false, PortalRole.FocalPoint, IsAccount: true, "f"), true },
        { "owner's member", new Reader(Owner, true, false, PortalRole.Member, IsAccount: true, "m"), true },
        { "owner's observer account", new Reader(Owner, false, false, PortalRole.Observer, IsAccount: true, "o"), true },
        { "another State's focal point", new Reader(8, true, false, PortalRole.FocalPoint, IsAccount: true, "g"), false },
        { "States code declaring the owner", new Reader(Owner, true, false, PortalRole.Member, IsAccount: false, null), false },
        { "observer code declaring the owner", new Reader(Owner, false, false, PortalRole.Observer, IsAccount: false, null), false },
        { "coordinator role by entry code", new Reader(1, false, true, PortalRole.Coordinator, IsAccount: false, null), false },
    };

    [Theory]
    [MemberData(nameof(ReadersOfAPosting))]
    public void ShownTo_GivesTheAddressOnlyToTheCoordinatorAndTheOwnersAccounts(string who, Reader reader, bool seesAddress)
    {
        Assert.True(seesAddress == reader.SeesPublisherDetails(Owner), who);
        Assert.Equal(seesAddress ? Recorded : "Souksavanh Phommachanh", PostingAuthor.ShownTo(reader, Owner, Recorded));
    }
}
