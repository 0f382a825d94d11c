using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

public sealed class StorageTests : PortalTest
{

    [Fact]
    public async Task EveryConnection_UsesTheSettingsThatDoNotLoseData()
    {
        _ = Factory.Server;
        var pragmas = await Factory.WithDbAsync(async db =>
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
        _ = Factory.Server;
        Assert.False(await Factory.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())));
        Assert.Empty(await Factory.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
    }

    [Fact]
    public async Task States_AreSeededFromTheShippedFile_Once()
    {
        _ = Factory.Server;
        var count = await Factory.WithDbAsync(db => db.Participants.CountAsync(p => p.Kind == Portal.Data.ParticipantKind.State));
        Assert.Equal(197, count);
        var seeded = await Factory.WithServicesAsync(sp =>
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Portal.Features.Participants.ParticipantSeeder>(sp).SeedStatesAsync());
        Assert.Equal(0, seeded);
    }
}
