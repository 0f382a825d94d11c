using Portal.Data;

namespace Portal.Features.Backups;

/// <summary>
/// <c>Portal backup DIR</c>: a consistent copy of the portal's database, taken while the portal runs, written to DIR
/// under a name that says when (<see cref="BackupFiles"/>); then only the newest <c>Backup:Keep</c> backups stay.
/// Everything the portal holds is in its database: postings with their attachments, contributions with their
/// photographs, the book's builds, accounts, the audit log, the outbox and the Data Protection keys.
/// </summary>
public static class BackupCommand
{
    public const string Name = "backup";
    public const int DefaultKeep = 14;

    public static async Task<int> RunAsync(
        IServiceProvider services, string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        output ??= Console.Out;
        error ??= Console.Error;
        try
        {
            if (args is not [Name, var folder, ..] || folder.StartsWith('-'))
            {
                throw new BackupException($"Usage: {Name} DIR (the folder the backup is written to; it must exist).", BackupException.Refused);
            }

            var configuration = services.GetRequiredService<IConfiguration>();
            var keep = configuration.GetValue("Backup:Keep", DefaultKeep);
            if (keep < 1)
            {
                throw new BackupException($"Backup:Keep must be 1 or more (it is {keep}): the number of backups kept in the folder.", BackupException.Refused);
            }

            var target = services.GetRequiredService<DatabaseTarget>();
            var takenAt = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var (path, extension) = await TakeAsync(target, Path.GetFullPath(folder), takenAt, configuration["Backup:PostgresBin"], cancellation);

            var size = new FileInfo(path).Length / (1024.0 * 1024.0);
            await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Backup written: {path} ({size:0.0} MB)."));
            var removed = RemoveOlder(Path.GetDirectoryName(path)!, extension, keep, takenAt);
            await output.WriteLineAsync($"Keeping the newest {keep} backup(s); removed {removed} older file(s).");
            return 0;
        }
        catch (BackupException failure)
        {
            await error.WriteLineAsync(failure.Message);
            return failure.ExitCode;
        }
    }

    /// <summary>Retention, once the new backup is complete: a failed backup never costs an older one.</summary>
    private static int RemoveOlder(string folder, string extension, int keep, DateTimeOffset takenAt)
    {
        var names = Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().ToList();
        var older = BackupFiles.BeyondRetention(names, extension, keep).Concat(BackupFiles.Abandoned(names, extension, takenAt)).ToList();
        foreach (var name in older)
        {
            try
            {
                File.Delete(Path.Combine(folder, name));
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                throw new BackupException(
                    $"The backup was written, but the older {name} could not be removed: {e.Message}", BackupException.Failed);
            }
        }

        return older.Count;
    }

    /// <summary>Writes the backup under a partial name and renames it when complete, so a whole-looking name is a whole file.</summary>
    private static async Task<(string Path, string Extension)> TakeAsync(
        DatabaseTarget target, string folder, DateTimeOffset takenAt, string? toolFolder, CancellationToken cancellation)
    {
        if (!Directory.Exists(folder))
        {
            throw new BackupException(
                $"The backup folder {folder} does not exist. Create it, writable by the user the portal runs as, or name another.",
                BackupException.Refused);
        }

        var extension = BackupFiles.ExtensionFor(target.IsPostgres);
        var path = Path.Combine(folder, BackupFiles.NameFor(takenAt, target.IsPostgres));
        if (File.Exists(path))
        {
            throw new BackupException($"{path} exists already: a backup was taken this very second. Run the command again.", BackupException.Refused);
        }

        var partial = path + BackupFiles.PartialSuffix;
        try
        {
            // Empty, as VACUUM INTO wants it; creating it is also the test that the folder is writable.
            await File.WriteAllBytesAsync(partial, [], cancellation);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new BackupException($"The portal cannot write to the backup folder {folder}: {e.Message}", BackupException.Refused);
        }

        try
        {
            if (target.IsPostgres)
            {
                await PostgresBackups.BackupAsync(target.ConnectionString, partial, toolFolder, cancellation);
            }
            else
            {
                await SqliteBackups.BackupAsync(target.ConnectionString, partial, cancellation);
            }

            File.Move(partial, path);
        }
        catch (Exception e)
        {
            File.Delete(partial);
            if (e is BackupException)
            {
                throw;
            }

            throw new BackupException($"The backup failed, and nothing was kept: {e.Message}", BackupException.Failed);
        }

        return (path, extension);
    }
}
