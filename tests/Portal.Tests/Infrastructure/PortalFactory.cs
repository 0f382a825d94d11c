using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The real app, on a real database of its own (a SQLite file, or a fresh PostgreSQL database, copied from a migrated
/// <see cref="TemplateDatabase"/>), with a fake clock
/// and, when test.sh provides one, the SMTP sink. Several factories may share one database (<see cref="ShareDatabaseWith"/>)
/// to act as several app instances.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string databaseName = "portal_test_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string sqliteFile;
    private PortalFactory? shared;

    public PortalFactory()
    {
        sqliteFile = Path.Combine(Path.GetTempPath(), databaseName + ".db");
    }

    public FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());

    /// <summary>What the app logged at warning level or above.</summary>
    public LogCollector Logs { get; } = new();

    /// <summary>Set before first use: this factory is a second app instance on the other's database.</summary>
    public PortalFactory ShareDatabaseWith(PortalFactory other)
    {
        shared = other;
        return this;
    }

    public string ConnectionString => shared?.ConnectionString ?? (TestEnvironment.IsPostgres
        ? new NpgsqlConnectionStringBuilder(PostgresServerOrShared) { Database = databaseName, Pooling = true }.ToString()
        : $"Data Source={sqliteFile}");

    /// <summary>
    /// Passwords are hashed with <see cref="CheapHashIterations"/> PBKDF2 iterations instead of the app's 210,000 (about
    /// 0.15 s of CPU per sign-in or new account, thousands of times a run). The hash format, rehashing and every check
    /// are the app's own. Set to true before first use where the iteration count itself is under test.
    /// </summary>
    public bool RealPasswordHashing { get; set; }

    public const int CheapHashIterations = 1_000;

    /// <summary>
    /// Set before first use: this instance starts a print browser of its own instead of the test process's
    /// <see cref="SharedPrintBrowser"/>, for tests of the print browser or of what it logs. A "Print:" setting implies it.
    /// </summary>
    public bool OwnPrintBrowser { get; set; }

    /// <summary>
    /// Set before first use, with <see cref="EmptyDatabase"/>: the PostgreSQL server (a connection string without a
    /// database) the database is created on, instead of the one test.sh started; a test that kills its server brings its own.
    /// </summary>
    public string? PostgresServer { get; set; }

    private string PostgresServerOrShared => PostgresServer ?? TestEnvironment.PostgresServer;

    /// <summary>Set before first use: the app starts on an empty database and migrates it itself, as a new installation does.</summary>
    public bool EmptyDatabase { get; set; }

    /// <summary>
    /// Set before first use, with <see cref="EmptyDatabase"/>: fills the empty database (given by its connection string)
    /// before the app starts on it, as a restore does; the app then checks the migrations at start as a new installation does.
    /// </summary>
    public Func<string, Task>? PrepareDatabase { get; set; }

    /// <summary>Overrides a configuration value; call before the first request.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (shared is null && !EmptyDatabase)
        {
            TemplateDatabase.CopyTo(databaseName, sqliteFile);
        }
        else if (shared is null)
        {
            TemplateDatabase.CreateEmpty(databaseName, TestEnvironment.IsPostgres ? PostgresServerOrShared : null);
            PrepareDatabase?.Invoke(ConnectionString).GetAwaiter().GetResult();
        }

        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", TestEnvironment.IsPostgres ? "Postgres" : "Sqlite");
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
        // The database is a copy of the migrated template (or another instance's): nothing to apply.
        builder.UseSetting("Database:MigrateAtStartup", EmptyDatabase ? "true" : "false");
        builder.UseSetting("Sample:Enabled", "false");
        if (TestEnvironment.Smtp is var (host, port))
        {
            builder.UseSetting("Smtp:Host", host);
            builder.UseSetting("Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        builder.UseSetting("Smtp:DispatchInBackground", "false");
        builder.UseSetting("Postings:LifecycleInBackground", "false");
        builder.UseSetting("AccessRequests:NoticesInBackground", "false");
        builder.UseSetting("Catalogue:AnnouncementsInBackground", "false");
        builder.UseSetting("Catalogue:BuildsInBackground", "false");
        builder.UseSetting("Notices:SummaryInBackground", "false");
        builder.UseSetting("Subscriptions:DigestInBackground", "false");
        builder.UseSetting("Housekeeping:InBackground", "false");
        builder.UseSetting("Smtp:From", "portal@portal.test");
        builder.UseSetting("Smtp:PublicBaseUrl", "http://portal.test");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (!RealPasswordHashing)
        {
            builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = CheapHashIterations));
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<IStartupFilter, ClientAddressFilter>();
            services.AddSingleton<IStartupFilter, FailingPathFilter>();
        });
        if (!OwnPrintBrowser && !Settings.Keys.Any(k => k.StartsWith("Print:", StringComparison.Ordinal)))
        {
            builder.ConfigureTestServices(services => services.AddSingleton(SharedPrintBrowser.Instance));
        }
    }

    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>One run of the postings' lifecycle job (reminders, expiry, deletion), as its background service does.</summary>
    public Task<Portal.Features.Postings.LifecycleReport> RunLifecycleAsync() =>
        WithServicesAsync(sp => sp.GetRequiredService<Portal.Features.Postings.PostingLifecycle>().RunAsync());

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (shared is not null)
        {
            return;
        }

        if (TestEnvironment.IsPostgres)
        {
            // Only this database's idle connections (the app is given ConnectionString as it is): clearing every pool would
            // close those of the tests running alongside.
            await using (var own = new NpgsqlConnection(ConnectionString))
            {
                NpgsqlConnection.ClearPool(own);
            }

            await using var connection = new NpgsqlConnection(PostgresServerOrShared);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(sqliteFile + suffix);
            }
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// The test server has no client address; tests name one with a header so that per-address rate limits
/// of one test do not spill into another; and the port a request came in on, the same way (<see cref="PortHeader"/>).
/// Only registered by the test factory.
/// </summary>
internal sealed class ClientAddressFilter : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";
    public const string PortHeader = "X-Test-Local-Port";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            if (context.Request.Headers.TryGetValue(PortHeader, out var port) && int.TryParse(port, out var localPort))
            {
                context.Connection.LocalPort = localPort;
            }

            await nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>
/// Test-only: a request to <see cref="Path"/> that no endpoint answers throws, after the app's own pipeline,
/// so the tests can see what a person sees when the portal fails.
/// </summary>
internal sealed class FailingPathFilter : IStartupFilter
{
    public const string Path = "/test-only/fail";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Use((HttpContext context, Func<Task> nextMiddleware) => context.Request.Path == Path
            ? throw new InvalidOperationException("Deliberate failure with a secret detail: db password hunter2")
            : nextMiddleware());
    };
}
