using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Data;

/// <summary>SQLite flavour: its own migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite cannot compare or order DateTimeOffset text; store UTC ticks so range queries and sorting work.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // A text search looks up every posting the words match, by id, to apply visibility and the filters. The table
        // row holds the body, so each look-up read a page (and often its overflow) per posting; this index holds just
        // what the look-up reads, about a hundred postings per page: the raw query for "risk education" in Asia went
        // from 63 to 32 ms at 100,000 postings. PostgreSQL finds its matches in the GIN index and needs no such thing.
        builder.Entity<Posting>().HasIndex(p => new
        {
            p.Id,
            p.Status,
            p.ValidUntil,
            p.Visibility,
            p.ParticipantId,
            p.Kind,
            p.Areas,
            p.AssistanceTypes,
            p.Regions,
            p.PublishedAt,
        }).HasDatabaseName("IX_Postings_SearchFilters");
    }
}

/// <summary>PostgreSQL flavour: its own migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);
