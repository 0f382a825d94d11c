using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Accounts;

namespace Portal.Tests.Unit;

/// <summary>Who may manage whose people, for every kind of reader: <see cref="PeopleRights"/>, the one place that says it.</summary>
public class PeopleRightsTests
{
    private const int Laos = 7;
    private const int Lebanon = 8;
    private const int Ngo = 9;
    private const int Iraq = 10;

    private static readonly Participant LaosState = new() { Id = Laos, Code = "LAO", Name = "Laos", Kind = ParticipantKind.State };
    private static readonly Participant Publishing = new() { Id = Ngo, Code = "ngo", Name = "NGO", Kind = ParticipantKind.Ngo, MayPublish = true };

    /// <summary>Reader; whether they manage the people of Laos; the roles they may give there; whether they may act on Laos's member, focal point, and a coordinator.</summary>
    public static TheoryData<string, Reader, bool, PortalRole[], bool> Readers => new()
    {
        { "coordinator", new Reader(Ngo, false, true, PortalRole.Coordinator, IsAccount: true, "c"), true, [PortalRole.FocalPoint, PortalRole.Member], true },
        { "Laos's focal point", new Reader(Laos, true, false, PortalRole.FocalPoint, IsAccount: true, "f"), true, [PortalRole.FocalPoint, PortalRole.Member], false },
        { "Laos's member", new Reader(Laos, true, false, PortalRole.Member, IsAccount: true, "m"), false, [], false },
        { "Lebanon's focal point", new Reader(Lebanon, true, false, PortalRole.FocalPoint, IsAccount: true, "g"), false, [], false },
        { "an organisation's focal point", new Reader(Ngo, false, true, PortalRole.FocalPoint, IsAccount: true, "o"), false, [], false },
        { "the States' code declaring Laos", new Reader(Laos, true, false, PortalRole.Member, IsAccount: false, null), false, [], false },
        { "a focal point's role by entry code", new Reader(Laos, true, false, PortalRole.FocalPoint, IsAccount: false, null), false, [], false },
        { "the coordinator's role by entry code", new Reader(Ngo, false, true, PortalRole.Coordinator, IsAccount: false, null), false, [], false },
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public void OnlyTheCoordinatorAndTheStatesOwnFocalPoints_ManageItsPeople_AndOnlyTheCoordinatorACoordinator(
        string who, Reader reader, bool managesLaos, PortalRole[] roles, bool managesCoordinators)
    {
        Assert.True(managesLaos == PeopleRights.ManagesPeopleOf(reader, Laos), who);
        Assert.Equal(roles, PeopleRights.RolesToGive(reader, LaosState));
        Assert.True(managesLaos == PeopleRights.MayManage(reader, Laos, PortalRole.Member), who);
        Assert.True(managesLaos == PeopleRights.MayManage(reader, Laos, PortalRole.FocalPoint), who);
        Assert.True(managesCoordinators == PeopleRights.MayManage(reader, Laos, PortalRole.Coordinator), who);
        Assert.True(managesCoordinators == PeopleRights.MayManage(reader, Ngo, PortalRole.Coordinator), who);
        Assert.True(reader.IsCoordinator == PeopleRights.MayManage(reader, Iraq, PortalRole.Member), who);
    }

    [Fact]
    public void OrganisationsPeople_StayWithTheCoordinator()
    {
        var coordinator = new Reader(Ngo, false, true, PortalRole.Coordinator, IsAccount: true, "c");
        var ownFocalPoint = new Reader(Ngo, false, true, PortalRole.FocalPoint, IsAccount: true, "o");
        Assert.Equal([PortalRole.Observer, PortalRole.FocalPoint, PortalRole.Coordinator], PeopleRights.RolesToGive(coordinator, Publishing));
        Assert.Empty(PeopleRights.RolesToGive(ownFocalPoint, Publishing));
        Assert.False(PeopleRights.MayManage(ownFocalPoint, Ngo, PortalRole.Observer));
    }
}
