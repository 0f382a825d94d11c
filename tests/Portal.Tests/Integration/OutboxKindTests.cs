using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.EntryCodes;
using Portal.Infrastructure.Email;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>Outbox messages are found by their kind, never by their wording: a rotation cancels exactly the old code's mails.</summary>
public sealed class OutboxKindTests : PortalTest
{
    private const string StatesCodeSubject = "Your entry code for the CCM Cooperation Portal (States)";

    [Fact]
    public async Task Rotation_CancelsOnlyTheUnsentMailsCarryingTheOldCodeOfThatAudience()
    {
        var statesCode = await RotateAsync(CodeAudience.States);
        var observersCode = await RotateAsync(CodeAudience.Observers);
        var delivered = Address("delivered");
        await QueueAsync((mail, _) => mail.SendCode(1, delivered, "Early Reader", "Iraq", CodeAudience.States, statesCode));
        Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, delivered));

        var waiting = Address("waiting");
        var observer = Address("observer");
        await QueueAsync((mail, outbox) =>
        {
            mail.SendCode(2, waiting, "Slow Reader", "Iraq", CodeAudience.States, statesCode);
            mail.SendCode(3, observer, "NGO Reader", "NGO X", CodeAudience.Observers, observersCode);
            // The same words as a code e-mail, but not one: the subject is text, not a key.
            outbox.Enqueue("test-note", waiting, StatesCodeSubject, "A note without any code.");
        });

        await RotateAsync(CodeAudience.States);

        var rows = await Factory.WithDbAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        var cancelled = Assert.Single(rows, m => m.CancelledAt is not null);
        Assert.Equal((EntryCodeMail.CodeKind(CodeAudience.States), waiting), (cancelled.Kind, cancelled.To));
        Assert.Equal(Outbox.ErasedBody, cancelled.Body);
        Assert.NotNull(rows.Single(m => m.To == delivered).SentAt);

        var slow = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, waiting));
        Assert.Contains("A note without any code.", slow.Body, StringComparison.Ordinal);
        Assert.Contains(observersCode, Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, observer)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migration_GivesMessagesQueuedBeforeItTheKindTheirSubjectSays_SoTheNextRotationStillCancelsTheirCode()
    {
        _ = Factory.Server;
        var waiting = Address("before-upgrade");
        await MigrateAsync("ImportedParts");
        foreach (var (to, subject) in new[]
        {
            (waiting, StatesCodeSubject),
            (Address("observer"), "Your entry code for the CCM Cooperation Portal (observers)"),
            (Address("coordinator"), "A request for access is waiting (#12)"),
            (Address("focal"), "Your offer expires on 1 March 2027: renew it?"),
            (Address("other"), "Hello"),
        })
        {
            await InsertBeforeKindAsync(to, subject);
        }

        await MigrateAsync(null);

        var kinds = await Factory.WithDbAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.Id).Select(m => m.Kind).ToListAsync());
        Assert.Equal(["entry-code:States", "entry-code:Observers", "access-request-waiting", "posting-expiry-reminder", "unclassified"], kinds);
        await RotateAsync(CodeAudience.States);
        var cancelled = await Factory.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.CancelledAt != null).Select(m => m.To).ToListAsync());
        Assert.Equal([waiting], cancelled);
    }

    private static string Address(string who) => $"{who}.{Guid.NewGuid():N}@example.test";

    private Task<string> RotateAsync(CodeAudience audience) =>
        Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(audience, "test"));

    private Task<int> QueueAsync(Action<EntryCodeMail, Outbox> queue) => Factory.WithServicesAsync(sp =>
    {
        queue(sp.GetRequiredService<EntryCodeMail>(), sp.GetRequiredService<Outbox>());
        return sp.GetRequiredService<PortalDbContext>().SaveChangesAsync();
    });

    private Task<int> MigrateAsync(string? target) => Factory.WithDbAsync(async db =>
    {
        await db.GetService<IMigrator>().MigrateAsync(target);
        return 0;
    });

    /// <summary>A row as the outbox held it before messages had a kind (raw SQL: the model has moved on).</summary>
    private Task<int> InsertBeforeKindAsync(string to, string subject) => Factory.WithDbAsync(db =>
    {
        // On SQLite the portal stores a time as a number (SqlitePortalDbContext); 0 is as good as any here.
        object now = db.Database.IsSqlite() ? 0L : Factory.Time.GetUtcNow();
        return db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Outbox" ("To", "Subject", "Body", "CreatedAt", "NextAttemptAt", "Attempts", "Sensitive")
            VALUES ({0}, {1}, 'Body', {2}, {2}, 0, FALSE)
            """, to, subject, now);
    });
}
