using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Data;

/// <summary>The database the portal was configured with, for the few reads that go around EF (the change stamps).</summary>
public sealed record DatabaseTarget(string ConnectionString, bool IsPostgres);

public static class DatabaseSetup
{
    /// <summary>
    /// The context is per request; its options are built once (they depend on nothing of the request), which saved
    /// a twentieth of a kept page's cost.
    /// </summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("Portal");
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:Portal is empty. Set it to an Npgsql connection string.");
            }

            services.AddDbContext<PortalDbContext, PostgresPortalDbContext>(
                (sp, o) => o.UseNpgsql(connectionString).AddInterceptors(sp.GetRequiredService<BrokenConnections>()),
                optionsLifetime: ServiceLifetime.Singleton);
            services.AddSingleton<BrokenConnections>();
            services.AddSingleton(new DatabaseTarget(connectionString, IsPostgres: true));
        }
        else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            connectionString = PrepareSqlite(connectionString ?? "Data Source=data/portal.db", contentRoot);
            services.AddDbContext<PortalDbContext, SqlitePortalDbContext>(
                o => o.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()), optionsLifetime: ServiceLifetime.Singleton);
            services.AddSingleton(new DatabaseTarget(connectionString, IsPostgres: false));
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported: use Sqlite or Postgres.");
        }

        return services;
    }

    /// <summary>Resolves the file against the content root and creates its folder, so a fresh clone runs without set-up.</summary>
    private static string PrepareSqlite(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, Pooling = true };
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            // Relative to the app's content root, not to wherever the command was typed.
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        var folder = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Applies pending migrations, unless "Database:MigrateAtStartup" is false: where another step applies them (the
    /// tests start every app on a copy of a migrated template; checking the migrations costs some 80 ms a start).
    /// </summary>
    public static async Task MigratePortalDatabaseAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (scope.ServiceProvider.GetRequiredService<IConfiguration>().GetValue("Database:MigrateAtStartup", defaultValue: true))
        {
            await db.Database.MigrateAsync();
        }

        await db.RefreshStatisticsAsync();
    }

    /// <summary>
    /// SQLite's planner needs table statistics to prefer the (Status, PublishedAt) index for the newest-first list
    /// over a full sort; without them it guesses. A sampled ANALYZE costs milliseconds. PostgreSQL's autovacuum does
    /// this by itself.
    /// </summary>
    public static async Task RefreshStatisticsAsync(this PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; ANALYZE;", cancellationToken);
        }
    }
}

/// <summary>Lets `dotnet ef` build each provider's context without starting the app.</summary>
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
