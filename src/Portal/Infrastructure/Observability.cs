using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Portal.Data;

namespace Portal.Infrastructure;

/// <summary>
/// The portal's own figures, beside those ASP.NET Core and Kestrel publish (requests, their duration, connections):
/// background job runs and how long they took, failed sign-ins, and the e-mails waiting in the outbox. Read with any
/// OpenTelemetry reader; the portal exposes them to Prometheus on the metrics port only (<see cref="ObservabilitySetup"/>).
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "Portal";

    private readonly Counter<long> jobRuns;
    private readonly Histogram<double> jobDuration;
    private readonly Counter<long> failedSignIns;

    public PortalMetrics(IMeterFactory meters, IServiceScopeFactory scopes)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        jobRuns = meter.CreateCounter<long>("portal.job.runs", "{run}", "Background job runs, by job and outcome.");
        jobDuration = meter.CreateHistogram<double>("portal.job.duration", "s", "How long a background job run took.");
        failedSignIns = meter.CreateCounter<long>("portal.signin.failures", "{failure}",
            "Sign-in attempts refused: a wrong password, authenticator code or recovery code.");
        meter.CreateObservableGauge("portal.outbox.backlog", () => OutboxBacklog(scopes), "{message}",
            "E-mails queued and not yet sent (failed ones waiting for their next attempt included).");
    }

    public void JobRan(string job, bool succeeded, TimeSpan duration)
    {
        var tags = new TagList { { "job", job }, { "outcome", succeeded ? "success" : "failure" } };
        jobRuns.Add(1, tags);
        jobDuration.Record(duration.TotalSeconds, tags);
    }

    public void SignInFailed() => failedSignIns.Add(1);

    // Read at each scrape, from the database, so every instance reports the same backlog whichever one sends.
    private static IEnumerable<Measurement<long>> OutboxBacklog(IServiceScopeFactory scopes)
    {
        long waiting;
        try
        {
            using var scope = scopes.CreateScope();
            waiting = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Outbox
                .LongCount(m => m.SentAt == null && m.CancelledAt == null);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            yield break; // No figure rather than a wrong one while the database is away.
        }

        yield return new Measurement<long>(waiting);
    }
}

/// <summary>The database answers and every migration this version knows is applied: the instance may take traffic.</summary>
public sealed class MigrationsHealthCheck(PortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied, the first {pending[0]}");
    }
}

public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// The port on which <c>/metrics</c> answers (add it to the addresses the portal listens on, on 127.0.0.1 or a
    /// private network); null: no metrics endpoint. A request that came on any other port, which is every request nginx
    /// forwards, gets the portal's 404.
    /// </summary>
    public int? Port { get; set; }
}

public static class ObservabilitySetup
{
    public const string MetricsPath = "/metrics";
    private const string Ready = "ready";

    public static IServiceCollection AddPortalObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection(MetricsOptions.Section))
            .Validate(o => o.Port is null or (> 0 and <= 65535), "Metrics:Port must be a TCP port (1–65535), or left out for no metrics endpoint.")
            .ValidateOnStart();
        services.AddSingleton<PortalMetrics>();
        services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService("cooperation-portal")).WithMetrics(metrics => metrics
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", PortalMetrics.MeterName)
            .AddPrometheusExporter());
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [Ready]);
        return services;
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers (no check; a proxy or systemd restarts what does not);
    /// <c>/health/ready</c> and <c>/health</c>: the database answers and its migrations are applied.
    /// <c>/metrics</c> on the metrics port only.
    /// </summary>
    public static WebApplication UsePortalObservability(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var port = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetricsOptions>>().Value.Port;
        if (port is { } metricsPort)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
                context.Connection.LocalPort == metricsPort && context.Request.Path == MetricsPath);
        }

        return app;
    }

    public static WebApplication MapPortalHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var methods = new HttpMethodMetadata(["GET", "HEAD"]);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().WithMetadata(methods);
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) })
            .AllowAnonymous().WithMetadata(methods);
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) })
            .AllowAnonymous().WithMetadata(methods);
        return app;
    }
}
