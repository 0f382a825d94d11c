using Portal.Data;

namespace Portal.Features.Backups;

/// <summary>
/// <c>Portal restore FILE</c>: puts a backup taken by <see cref="BackupCommand"/> into the configured database, which
/// must be empty (a missing or empty SQLite file; a PostgreSQL database without tables), so that a restore never
/// overwrites data. The portal then starts on it as usual: a newer portal applies its newer migrations at start.
/// </summary>
public static class RestoreCommand
{
    public const string Name = "restore";

    public static async Task<int> RunAsync(
        IServiceProvider services, string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        output ??= Console.Out;
        error ??= Console.Error;
        try
        {
            if (args is not [Name, var file, ..] || file.StartsWith('-'))
            {
                throw new BackupException($"Usage: {Name} FILE (a backup written by the {BackupCommand.Name} command).", BackupException.Refused);
            }

            var target = services.GetRequiredService<DatabaseTarget>();
            var backup = Path.GetFullPath(file);
            await CheckKindAsync(backup, target.IsPostgres, cancellation);
            var migration = target.IsPostgres
                ? await PostgresBackups.RestoreAsync(target.ConnectionString, backup,
                    services.GetRequiredService<IConfiguration>()["Backup:PostgresBin"], cancellation)
                : await SqliteBackups.RestoreAsync(target.ConnectionString, backup, cancellation);
            await output.WriteLineAsync(
                $"Restored {backup}; its last migration is {migration}. Start the portal: it applies any newer migrations at start.");
            return 0;
        }
        catch (BackupException failure)
        {
            await error.WriteLineAsync(failure.Message);
            return failure.ExitCode;
        }
    }

    /// <summary>Refuses a file that is missing, or a backup of the other database kind, before anything is touched.</summary>
    private static async Task CheckKindAsync(string backup, bool postgres, CancellationToken cancellation)
    {
        if (!File.Exists(backup))
        {
            throw new BackupException($"The backup file {backup} does not exist.", BackupException.Refused);
        }

        var head = new byte[16];
        await using (var stream = File.OpenRead(backup))
        {
            await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellation);
        }

        var isSqlite = head.AsSpan().SequenceEqual("SQLite format 3\0"u8);
        var isDump = head.AsSpan().StartsWith("PGDMP"u8);
        if (postgres && !isDump)
        {
            throw new BackupException(isSqlite
                ? $"{backup} is a SQLite backup, but the portal is configured for PostgreSQL (Database:Provider)."
                : $"{backup} is not a PostgreSQL backup written by pg_dump --format=custom.", BackupException.Refused);
        }

        if (!postgres && !isSqlite)
        {
            throw new BackupException(isDump
                ? $"{backup} is a PostgreSQL backup, but the portal is configured for SQLite (Database:Provider)."
                : $"{backup} is not a SQLite database.", BackupException.Refused);
        }
    }
}
