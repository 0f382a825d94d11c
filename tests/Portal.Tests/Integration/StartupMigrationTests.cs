using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// A new installation: the app starts on an empty database, applies every migration itself and seeds the States. (Every
/// other test starts from a copy of a migrated template, with the check at start-up turned off.)
/// </summary>
public sealed class StartupMigrationTests : PortalTest
{
    public StartupMigrationTests() => Factory.EmptyDatabase = true;

    [Fact]
    public async Task EmptyDatabase_IsMigratedAndSeededAtStart()
    {
        using var client = Factory.CreateClient();

        var (applied, pending, states) = await Factory.WithDbAsync(async db => (
            (await db.Database.GetAppliedMigrationsAsync()).Count(),
            (await db.Database.GetPendingMigrationsAsync()).Count(),
            await db.Participants.CountAsync(p => p.Kind == Portal.Data.ParticipantKind.State)));
        Assert.Equal(0, pending);
        Assert.Equal(await Factory.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().Count())), applied);
        Assert.True(states > 100, $"{states} States seeded");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(new Uri("/Entry", UriKind.Relative))).StatusCode);
    }
}
