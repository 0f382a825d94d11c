using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Backups;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>`Portal backup DIR` and `Portal restore FILE` on the provider of the run, with the real tools (VACUUM INTO, pg_dump).</summary>
public sealed class BackupTests : PortalTest
{
    private readonly string folder = Directory.CreateTempSubdirectory("portal-backups-").FullName;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Backup_TakenWhileWritesGoOn_RestoresIntoANewDatabase_WithEveryWriteAcknowledgedBeforeIt()
    {
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, lao);
        var withAttachment = await owner.PublishAsync(new PostingSteps.Draft { Title = "Survey of the northern provinces" });
        var pdf = SampleFiles.Pdf("Survey plan kept in the backup");
        await owner.AttachAsync(withAttachment, "Survey plan.pdf", pdf);

        // A second browser publishes one posting after another until told to stop; each counts once its POST got its redirect.
        var acknowledged = new ConcurrentQueue<int>();
        using var stop = new CancellationTokenSource();
        using var writer = new Browser(Factory);
        await writer.SignInAsync(Factory, lao);
        var writing = Task.Run(async () =>
        {
            for (var n = 1; !stop.IsCancellationRequested; n++)
            {
                acknowledged.Enqueue(await writer.PublishAsync(new PostingSteps.Draft { Title = $"Clearance of district {n}" }));
            }
        });
        await WhileWritingUntilAsync(writing, () => acknowledged.Count >= 3);
        var beforeBackup = acknowledged.ToArray();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Task.Run(() => BackupCommand.RunAsync(Factory.Services, ["backup", folder], output, error));
        var atEnd = acknowledged.Count;
        await WhileWritingUntilAsync(writing, () => acknowledged.Count > atEnd);
        await stop.CancelAsync();
        await writing;

        Assert.True(exit == 0, error.ToString());
        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.Contains(file, output.ToString(), StringComparison.Ordinal);
        await using var restored = new PortalFactory
        {
            EmptyDatabase = true,
            PrepareDatabase = async connectionString =>
            {
                using var restoreError = new StringWriter();
                var restoreExit = await RestoreCommand.RunAsync(ServicesFor(connectionString), ["restore", file], TextWriter.Null, restoreError);
                Assert.True(restoreExit == 0, restoreError.ToString());
            },
        };

        // The portal starts on the restored database, and the same person signs in and finds what they published.
        using var reader = new Browser(restored);
        await reader.SignInAsync(restored, lao);
        foreach (var id in beforeBackup.Prepend(withAttachment))
        {
            var page = await reader.GetAsync($"/Postings/{id}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var attachment = await restored.WithDbAsync(db => db.PostingAttachments.SingleAsync(a => a.PostingId == withAttachment));
        var download = await reader.GetAsync($"/Postings/{withAttachment}/Attachments/{attachment.Id}");
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        var audited = await restored.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "PostingPublished").Select(a => a.Target).ToListAsync());
        Assert.All(beforeBackup.Prepend(withAttachment), id => Assert.Contains($"posting {id}", audited));
    }

    [Fact]
    public async Task Restore_IntoADatabaseThatHoldsData_IsRefused_AndSoIsAFileThatIsNoBackup()
    {
        Assert.Equal(0, await BackupCommand.RunAsync(Factory.Services, ["backup", folder], TextWriter.Null, TextWriter.Null));
        var file = Assert.Single(Directory.GetFiles(folder));
        var participants = await Factory.WithDbAsync(db => db.Participants.CountAsync());

        using var error = new StringWriter();
        Assert.Equal(2, await RestoreCommand.RunAsync(Factory.Services, ["restore", file], TextWriter.Null, error));
        Assert.Contains("is not empty", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("restored only into an empty database", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(participants, await Factory.WithDbAsync(db => db.Participants.CountAsync()));

        var notes = Path.Combine(folder, "notes.txt");
        await File.WriteAllTextAsync(notes, "Not a backup.");
        using var wrongFile = new StringWriter();
        Assert.Equal(2, await RestoreCommand.RunAsync(ServicesFor("unused"), ["restore", notes], TextWriter.Null, wrongFile));
        Assert.Contains(TestEnvironment.IsPostgres ? "is not a PostgreSQL backup" : "is not a SQLite database", wrongFile.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_KeepsTheNewestBackupKeep_AndRemovesOnlyTheOldestOfItsOwnKind()
    {
        Factory.Settings["Backup:Keep"] = "1";
        string[] foreign = ["notes.txt", BackupFiles.NameFor(Factory.Time.GetUtcNow().AddYears(-1), postgres: !TestEnvironment.IsPostgres)];
        foreach (var name in foreign)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name), "Someone else's.");
        }

        Assert.Equal(0, await BackupCommand.RunAsync(Factory.Services, ["backup", folder], TextWriter.Null, TextWriter.Null));
        var first = BackupFiles.NameFor(Factory.Time.GetUtcNow(), TestEnvironment.IsPostgres);
        Factory.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await BackupCommand.RunAsync(Factory.Services, ["backup", folder], TextWriter.Null, TextWriter.Null));
        var second = BackupFiles.NameFor(Factory.Time.GetUtcNow(), TestEnvironment.IsPostgres);

        Assert.NotEqual(first, second);
        Assert.Equal(foreign.Append(second).Order(StringComparer.Ordinal), Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Backup_WithoutAFolderThatExists_OrWithoutPgDump_IsRefusedWithItsReason_AndLeavesNoFile()
    {
        // Read only on PostgreSQL; the SQLite backup needs no tool.
        Factory.Settings["Backup:PostgresBin"] = Path.Combine(folder, "no-postgres-here");
        var missing = Path.Combine(folder, "not-here");
        using var error = new StringWriter();

        Assert.Equal(2, await BackupCommand.RunAsync(Factory.Services, ["backup", missing], TextWriter.Null, error));
        Assert.Contains($"The backup folder {missing} does not exist.", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await BackupCommand.RunAsync(Factory.Services, ["backup"], TextWriter.Null, TextWriter.Null));
        if (TestEnvironment.IsPostgres)
        {
            Assert.Equal(3, await BackupCommand.RunAsync(Factory.Services, ["backup", folder], TextWriter.Null, error));
            Assert.Contains("pg_dump was not found", error.ToString(), StringComparison.Ordinal);
        }

        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    /// <summary>What the restore command resolves: the configured database, as the app registers it.</summary>
    private static ServiceProvider ServicesFor(string connectionString) => new ServiceCollection()
        .AddSingleton(new DatabaseTarget(connectionString, TestEnvironment.IsPostgres))
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
        .BuildServiceProvider();

    private static async Task WhileWritingUntilAsync(Task writing, Func<bool> done)
    {
        while (!done())
        {
            // The writer's own pace decides; a writer that failed ends the wait with its failure.
            await Task.WhenAny(writing, Task.Delay(5));
            if (writing.IsCompleted)
            {
                await writing;
            }
        }
    }
}
