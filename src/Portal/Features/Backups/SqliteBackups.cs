using Microsoft.Data.Sqlite;

namespace Portal.Features.Backups;

/// <summary>
/// SQLite's side. <c>VACUUM INTO</c> copies the database from one read transaction: a consistent snapshot, while the
/// portal goes on writing (in WAL mode a reader and the writer do not wait for each other), and a compact file that is
/// a whole database by itself. A restore copies the file into place once SQLite's integrity check passes on it.
/// </summary>
internal static class SqliteBackups
{
    public static async Task BackupAsync(string connectionString, string partialPath, CancellationToken cancellation)
    {
        var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        if (!File.Exists(source.DataSource))
        {
            throw new BackupException(
                $"The database file {source.DataSource} does not exist, so there is nothing to back up. Check ConnectionStrings:Portal.",
                BackupException.Refused);
        }

        await using (var connection = new SqliteConnection(source.ToString()))
        {
            await connection.OpenAsync(cancellation);
            await using var command = connection.CreateCommand();
            // Waits, rather than fails, in the rare moments a reader must (a checkpoint resetting the WAL).
            command.CommandText = "PRAGMA busy_timeout=10000; VACUUM INTO $path;";
            command.Parameters.AddWithValue("$path", partialPath);
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellation);
        }

        // VACUUM INTO does not sync what it wrote; the file is renamed as complete only once it is on disk.
        await using var written = new FileStream(partialPath, FileMode.Open, FileAccess.ReadWrite);
        written.Flush(flushToDisk: true);
    }

    public static async Task<string> RestoreAsync(string connectionString, string backup, CancellationToken cancellation)
    {
        var target = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (HasContent(target) || HasContent(target + "-wal"))
        {
            throw new BackupException(
                $"The database file {target} exists and is not empty. A backup is restored only into an empty database: stop the portal, " +
                "move that file (with its -wal and -shm files) aside, and run restore again.",
                BackupException.Refused);
        }

        var partial = target + BackupFiles.PartialSuffix;
        string migration;
        try
        {
            File.Copy(backup, partial, overwrite: true);
            await using (var copy = new FileStream(partial, FileMode.Open, FileAccess.ReadWrite))
            {
                copy.Flush(flushToDisk: true);
            }

            migration = await CheckAsync(partial, backup, cancellation);
        }
        catch
        {
            DeleteWithCompanions(partial);
            throw;
        }

        // An empty file left by an earlier start, and its companions, give way to the restored one.
        File.Delete(target + "-wal");
        File.Delete(target + "-shm");
        File.Move(partial, target, overwrite: true);
        return migration;
    }

    /// <summary>SQLite's integrity check on the copy, and the last migration it holds (which proves it is the portal's).</summary>
    private static async Task<string> CheckAsync(string file, string backup, CancellationToken cancellation)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellation);
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        check.CommandTimeout = 0;
        var result = (string?)await check.ExecuteScalarAsync(cancellation);
        if (result != "ok")
        {
            throw new BackupException(
                $"The backup {backup} fails SQLite's integrity check ({result}); nothing was restored. Restore an earlier backup.",
                BackupException.Failed);
        }

        // VACUUM INTO writes a rollback-journal database; the portal runs in WAL mode and sets it on every connection,
        // which a read-only connection (EF's check that the database exists) cannot do on a file not yet in WAL mode.
        check.CommandText = "PRAGMA journal_mode=WAL;";
        await check.ExecuteNonQueryAsync(cancellation);

        await using var last = connection.CreateCommand();
        last.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';";
        if (await last.ExecuteScalarAsync(cancellation) is null)
        {
            throw new BackupException($"{backup} is a SQLite database but not the portal's (it has no migrations table); nothing was restored.",
                BackupException.Refused);
        }

        last.CommandText = "SELECT MigrationId FROM \"__EFMigrationsHistory\" ORDER BY MigrationId DESC LIMIT 1;";
        return (string?)await last.ExecuteScalarAsync(cancellation) ?? "none";
    }

    private static bool HasContent(string path) => new FileInfo(path) is { Exists: true, Length: > 0 };

    private static void DeleteWithCompanions(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }
    }
}
