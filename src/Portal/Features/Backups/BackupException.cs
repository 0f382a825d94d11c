namespace Portal.Features.Backups;

/// <summary>
/// A backup or restore that cannot go on, with the sentence the operator reads and the exit code the command returns
/// (a scheduler or script tells the kinds apart by it).
/// </summary>
public sealed class BackupException(string message, int exitCode) : Exception(message)
{
    /// <summary>The database, a tool or the file system failed midway; nothing was kept.</summary>
    public const int Failed = 1;

    /// <summary>Refused before doing anything: wrong arguments, a missing or unwritable folder, a target that is not empty.</summary>
    public const int Refused = 2;

    /// <summary>pg_dump or pg_restore is not installed (or not where <c>Backup:PostgresBin</c> says).</summary>
    public const int ToolMissing = 3;

    public int ExitCode { get; } = exitCode;
}
