namespace Portal.Tests.Infrastructure;

/// <summary>What test.sh hands the tests: which database, where the PostgreSQL server and the SMTP sink are.</summary>
public static class TestEnvironment
{
    public static string Provider => Environment.GetEnvironmentVariable("PORTAL_TEST_PROVIDER") is { Length: > 0 } p ? p : "Sqlite";

    public static bool IsPostgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);

    public static string PostgresServer => Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES") is { Length: > 0 } s
        ? s
        : throw new InvalidOperationException("PORTAL_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL.");

    /// <summary>host:port of the SMTP sink, or null when the tests run without one.</summary>
    public static (string Host, int Port)? Smtp
    {
        get
        {
            var value = Environment.GetEnvironmentVariable("PORTAL_TEST_SMTP");
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            var parts = value.Split(':');
            return (parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public static string? Maildir => Environment.GetEnvironmentVariable("PORTAL_TEST_MAILDIR") is { Length: > 0 } d ? d : null;

    public static string Artifacts => Environment.GetEnvironmentVariable("PORTAL_TEST_ARTIFACTS") is { Length: > 0 } a
        ? a
        : Path.Combine(Path.GetTempPath(), "portal-test-artifacts");
}
