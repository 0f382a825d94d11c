using System.ComponentModel;
using System.Diagnostics;
using Npgsql;

namespace Portal.Features.Backups;

/// <summary>
/// PostgreSQL's side: <c>pg_dump --format=custom</c> (a consistent snapshot that does not hold up the portal's
/// writes) and <c>pg_restore --no-owner</c> into an empty database. The connection string's host, port, user and
/// database go to the tools as arguments and the password as <c>PGPASSWORD</c>, so that it never shows in a process
/// list or a message.
/// </summary>
internal static class PostgresBackups
{
    public static Task BackupAsync(string connectionString, string partialPath, string? toolFolder, CancellationToken cancellation) =>
        RunToolAsync("pg_dump", toolFolder, connectionString, ["--format=custom", "--file=" + partialPath], cancellation);

    public static async Task<string> RestoreAsync(string connectionString, string backup, string? toolFolder, CancellationToken cancellation)
    {
        var where = Describe(connectionString);
        var tables = await CountTablesAsync(connectionString, where, cancellation);
        if (tables > 0)
        {
            throw new BackupException(
                $"The database {where} is not empty: it has {tables} table(s). A backup is restored only into an empty database: create one " +
                "(createdb --owner=portal portal_restored), point ConnectionStrings:Portal at it, and run restore again.",
                BackupException.Refused);
        }

        // --no-owner and --no-privileges: the restoring user owns what it creates, whatever roles the old server had.
        // --single-transaction with --exit-on-error: a restore that fails leaves the database as empty as it was.
        await RunToolAsync("pg_restore", toolFolder, connectionString,
            ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", backup], cancellation);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await using var last = connection.CreateCommand();
        last.CommandText = "SELECT to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL";
        if (await last.ExecuteScalarAsync(cancellation) is not true)
        {
            throw new BackupException(
                $"{backup} was restored into {where}, but it is not the portal's database (it has no migrations table). Drop that database.",
                BackupException.Failed);
        }

        last.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\" DESC LIMIT 1";
        return (string?)await last.ExecuteScalarAsync(cancellation) ?? "none";
    }

    private static async Task<long> CountTablesAsync(string connectionString, string where, CancellationToken cancellation)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellation);
            await using var count = connection.CreateCommand();
            count.CommandText = """
                SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
                """;
            return (long)(await count.ExecuteScalarAsync(cancellation))!;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            throw new BackupException(
                $"The database {where} does not exist. Create it empty (createdb --owner=portal portal) and run restore again.",
                BackupException.Refused);
        }
        catch (NpgsqlException e)
        {
            throw new BackupException($"The database {where} did not answer: {e.Message}", BackupException.Failed);
        }
    }

    private static async Task RunToolAsync(
        string tool, string? toolFolder, string connectionString, IEnumerable<string> arguments, CancellationToken cancellation)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(string.IsNullOrEmpty(toolFolder) ? tool : Path.Combine(toolFolder, tool))
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        if (!string.IsNullOrEmpty(connection.Host))
        {
            start.ArgumentList.Add("--host=" + connection.Host);
        }

        start.ArgumentList.Add("--port=" + connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(connection.Username))
        {
            start.ArgumentList.Add("--username=" + connection.Username);
        }

        start.ArgumentList.Add("--dbname=" + (connection.Database ?? connection.Username ?? "postgres"));
        // Never a prompt: under systemd nobody would answer it.
        start.ArgumentList.Add("--no-password");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        if (SslModeOf(connection.SslMode) is { } sslMode)
        {
            start.Environment["PGSSLMODE"] = sslMode;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            throw new BackupException(
                $"{tool} was not found ({start.FileName}). Install the PostgreSQL client tools of the server's version or newer " +
                "(apt-get install postgresql-client), or set Backup:PostgresBin to the folder that holds them.",
                BackupException.ToolMissing);
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(cancellation);
            var output = process.StandardOutput.ReadToEndAsync(cancellation);
            try
            {
                await process.WaitForExitAsync(cancellation);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var message = (await errors).Trim();
            await output;
            if (process.ExitCode != 0)
            {
                throw new BackupException(
                    $"{tool} failed (exit code {process.ExitCode}) on {Describe(connectionString)}: {(message.Length > 0 ? message : "no message")}",
                    BackupException.Failed);
            }
        }
    }

    /// <summary>The database as an operator names it, without the password.</summary>
    private static string Describe(string connectionString)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        return $"\"{connection.Database ?? connection.Username}\" on {connection.Host ?? "localhost"}:{connection.Port}";
    }

    private static string? SslModeOf(SslMode mode) => mode switch
    {
        SslMode.Disable => "disable",
        SslMode.Allow => "allow",
        SslMode.Require => "require",
        SslMode.VerifyCA => "verify-ca",
        SslMode.VerifyFull => "verify-full",
        _ => null,
    };
}
