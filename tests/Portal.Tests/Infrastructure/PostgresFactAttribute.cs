namespace Portal.Tests.Infrastructure;

/// <summary>
/// A test about PostgreSQL itself (its server killed, its own tools): skipped, and counted as skipped, in the SQLite
/// pass, where the same code has no server to test.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestEnvironment.IsPostgres)
        {
            Skip = "About PostgreSQL itself: runs in the PostgreSQL pass.";
        }
    }
}
