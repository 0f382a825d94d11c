using Portal.Features.Backups;

namespace Portal.Tests.Unit;

public class BackupFilesTests
{
    private static readonly DateTimeOffset Night = new(2026, 12, 6, 3, 15, 0, TimeSpan.Zero);

    [Fact]
    public void NameFor_SaysTheUtcTimeAndTheDatabaseKind_AndReadsBack()
    {
        var inGeneva = new DateTimeOffset(2026, 12, 6, 4, 15, 0, TimeSpan.FromHours(1));

        Assert.Equal("portal-20261206T031500Z.sqlite", BackupFiles.NameFor(inGeneva, postgres: false));
        Assert.Equal("portal-20261206T031500Z.pgdump", BackupFiles.NameFor(Night, postgres: true));
        Assert.Equal(Night, BackupFiles.TakenAt("portal-20261206T031500Z.sqlite", BackupFiles.SqliteExtension));
    }

    [Theory]
    [InlineData("portal-20261206T031500Z.pgdump")]
    [InlineData("portal-20261206T031500Z.sqlite.partial")]
    [InlineData("portal-20261306T031500Z.sqlite")]
    [InlineData("portal-latest.sqlite")]
    [InlineData("notes.sqlite")]
    public void TakenAt_AnyOtherName_IsNotABackupOfThisKind(string name) =>
        Assert.Null(BackupFiles.TakenAt(name, BackupFiles.SqliteExtension));

    [Fact]
    public void Names_SortByTime_AsPlainText()
    {
        var times = Enumerable.Range(0, 30).Select(i => Night.AddHours(i * 37).AddSeconds(i)).ToList();
        var names = times.Select(t => BackupFiles.NameFor(t, postgres: false)).ToList();

        Assert.Equal(names, names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BeyondRetention_RemovesOnlyTheOldestBeyondKeep_OfItsOwnKind()
    {
        var sqlite = Enumerable.Range(0, 5).Select(d => BackupFiles.NameFor(Night.AddDays(d), postgres: false)).ToList();
        string[] others = ["portal-20200101T000000Z.pgdump", "notes.txt", "portal-20200101T000000Z.sqlite.partial", "portal-old.sqlite"];
        var folder = sqlite.Concat(others).Reverse().ToList();

        Assert.Equal(sqlite.Take(2), BackupFiles.BeyondRetention(folder, BackupFiles.SqliteExtension, keep: 3));
        Assert.Empty(BackupFiles.BeyondRetention(folder, BackupFiles.SqliteExtension, keep: 5));
        Assert.Empty(BackupFiles.BeyondRetention(folder, BackupFiles.PostgresExtension, keep: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BackupFiles.BeyondRetention(folder, BackupFiles.SqliteExtension, keep: 0));
    }

    [Fact]
    public void Abandoned_IsAPartialFileOlderThanTheBackupJustCompleted()
    {
        var dead = BackupFiles.NameFor(Night.AddDays(-1), postgres: false) + BackupFiles.PartialSuffix;
        var running = BackupFiles.NameFor(Night, postgres: false) + BackupFiles.PartialSuffix;
        var otherKind = BackupFiles.NameFor(Night.AddDays(-1), postgres: true) + BackupFiles.PartialSuffix;

        Assert.Equal([dead], BackupFiles.Abandoned([dead, running, otherKind, "x.sqlite.partial"], BackupFiles.SqliteExtension, Night));
    }
}
