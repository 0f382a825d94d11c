using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

public sealed class StorageTests : IAsyncLifetime
{
    private readonly PortalFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task EveryConnection_UsesTheSettingsThatDoNotLoseData()
    {
        _ = factory.Server;
        var pragmas = await factory.WithDbAsync(async db =>
        {
            if (!db.Database.IsSqlite())
            {
                // PostgreSQL's defaults (fsync, synchronous_commit on, foreign keys always enforced) already hold.
                return new Dictionary<string, string> { ["provider"] = "postgres" };
            }

            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            var result = new Dictionary<string, string>();
            foreach (var name in new[] { "journal_mode", "synchronous", "foreign_keys", "busy_timeout" })
            {
                await using DbCommand command = connection.CreateCommand();
                command.CommandText = "PRAGMA " + name;
                result[name] = Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
            }

            return result;
        });

        if (TestEnvironment.IsPostgres)
        {
            Assert.Equal("postgres", pragmas["provider"]);
            return;
        }

        Assert.Equal("wal", pragmas["journal_mode"]);
        Assert.Equal("2", pragmas["synchronous"]); // FULL
        Assert.Equal("1", pragmas["foreign_keys"]);
        Assert.Equal("10000", pragmas["busy_timeout"]);
    }

    [Fact]
    public async Task Migrations_MatchTheModel_OnThisProvider()
    {
        _ = factory.Server;
        Assert.False(await factory.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())));
        Assert.Empty(await factory.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
    }

    [Fact]
    public async Task States_AreSeededFromTheShippedFile_Once()
    {
        _ = factory.Server;
        var count = await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.Kind == Portal.Data.ParticipantKind.State));
        Assert.Equal(197, count);
        var seeded = await factory.WithServicesAsync(sp =>
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Portal.Features.Participants.ParticipantSeeder>(sp).SeedStatesAsync());
        Assert.Equal(0, seeded);
    }
}
