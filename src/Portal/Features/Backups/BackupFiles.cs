using System.Globalization;

namespace Portal.Features.Backups;

/// <summary>
/// The names of backup files and which of them retention removes. A name says when and of which database:
/// <c>portal-20261206T031500Z.sqlite</c> or <c>.pgdump</c>, UTC, so that names sort by time as plain text. A file is
/// written under its name plus <see cref="PartialSuffix"/> and renamed when complete: a name without it is whole.
/// </summary>
public static class BackupFiles
{
    public const string SqliteExtension = ".sqlite";
    public const string PostgresExtension = ".pgdump";
    public const string PartialSuffix = ".partial";

    private const string Prefix = "portal-";
    private const string TimeFormat = "yyyyMMdd'T'HHmmss'Z'";

    public static string ExtensionFor(bool postgres) => postgres ? PostgresExtension : SqliteExtension;

    public static string NameFor(DateTimeOffset takenAt, bool postgres) =>
        Prefix + takenAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture) + ExtensionFor(postgres);

    /// <summary>When the backup of this name was taken; null for any other name (a file of someone else's, a partial file).</summary>
    public static DateTimeOffset? TakenAt(string fileName, string extension)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (!fileName.StartsWith(Prefix, StringComparison.Ordinal) || !fileName.EndsWith(extension, StringComparison.Ordinal))
        {
            return null;
        }

        var time = fileName[Prefix.Length..^extension.Length];
        return DateTime.TryParseExact(time, TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : null;
    }

    /// <summary>
    /// The complete backups of this kind beyond the newest <paramref name="keep"/>, oldest first. Only names this command
    /// writes count: other files in the folder, and backups of the other database kind, are never touched.
    /// </summary>
    public static IReadOnlyList<string> BeyondRetention(IEnumerable<string> fileNames, string extension, int keep)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        return [.. fileNames.Where(n => TakenAt(n, extension) is not null)
            .OrderByDescending(n => TakenAt(n, extension))
            .Skip(keep)
            .Reverse()];
    }

    /// <summary>
    /// Partial files older than the backup just completed: left by a run that died (a crash, a full disk). A partial
    /// file of the same second or later may belong to a run still going, and is left alone.
    /// </summary>
    public static IReadOnlyList<string> Abandoned(IEnumerable<string> fileNames, string extension, DateTimeOffset completed) =>
        [.. fileNames.Where(n => n.EndsWith(extension + PartialSuffix, StringComparison.Ordinal)
                && TakenAt(n[..^PartialSuffix.Length], extension) is { } at && at < completed)
            .Order(StringComparer.Ordinal)];
}
