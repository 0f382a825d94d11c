using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Data;

namespace Portal.Infrastructure;

/// <summary>/health answers Healthy only when the database answers.</summary>
public sealed class DatabaseHealthCheck(PortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
}
