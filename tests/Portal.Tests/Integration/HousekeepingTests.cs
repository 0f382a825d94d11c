using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Infrastructure;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

public sealed class HousekeepingTests : PortalTest
{
    private const string TestKind = "housekeeping-test";
    private const string Someone = "someone@example.test";

    [Fact]
    public async Task Housekeeping_RemovesWhatIsPastItsPeriod_AndKeepsWhatIsNot()
    {
        // Sessions kept 40 days here, to show the setting is read; links and e-mails keep the default 30. Batches of 2
        // rows, so that removing the many old e-mails takes several.
        Factory.Settings["Housekeeping:SessionDays"] = "40";
        Factory.Settings["Housekeeping:BatchSize"] = "2";
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var user = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == lao.Email).Select(u => new { u.Id, u.ParticipantId }).SingleAsync());
        var audited = await Factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        await SeedAsync("old", user.Id, user.ParticipantId, manySentMails: 5);
        Factory.Time.Advance(TimeSpan.FromDays(20));
        await SeedAsync("new", user.Id, user.ParticipantId, manySentMails: 0);
        Factory.Time.Advance(TimeSpan.FromDays(11));

        // 31 days after the old rows: their links and e-mails are due, their sessions (40 days) not yet; nothing new is due.
        Assert.Equal(new HousekeepingReport(0, 2, 7), await RunAsync());
        Assert.Equal(["new ended", "new ran out", "old ended", "old ran out"], await SessionsAsync());
        Assert.Equal(["new expired", "new used", "old invitation expired 24 days ago"], await TokensAsync());
        Assert.Equal(["new cancelled", "new sent", "old failing", "old queued"], await MailsAsync());

        Factory.Time.Advance(TimeSpan.FromDays(10));
        Assert.Equal(new HousekeepingReport(2, 1, 0), await RunAsync());
        Assert.Equal(["new ended", "new ran out"], await SessionsAsync());
        Assert.Equal(["new expired", "new used"], await TokensAsync());
        // E-mails not sent are kept whatever their age: the dispatcher still tries them, the outbox page shows why they fail.
        Assert.Equal(["new cancelled", "new sent", "old failing", "old queued"], await MailsAsync());
        Assert.Equal(audited + 1, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public void Start_WithAPeriodOutOfRange_IsRefusedNamingTheSetting()
    {
        Factory.Settings["Housekeeping:SentMailDays"] = "0";

        var refusal = Assert.ThrowsAny<Exception>(() => Factory.CreateClient());

        Assert.Contains("Housekeeping:SentMailDays must be a number of days from 1 to 3650.", refusal.ToString(), StringComparison.Ordinal);
    }

    private Task<HousekeepingReport> RunAsync() => Factory.WithServicesAsync(sp => sp.GetRequiredService<Housekeeping>().RunAsync());

    private Task<string[]> SessionsAsync() => NamesAsync(db => db.Sessions.Where(s => s.Email == Someone).Select(s => s.DisplayName));

    private Task<string[]> TokensAsync() => NamesAsync(db => db.AccountTokens.Select(t => t.TokenHash));

    private Task<string[]> MailsAsync() => NamesAsync(db => db.Outbox.Where(m => m.Kind == TestKind).Select(m => m.Subject));

    private async Task<string[]> NamesAsync(Func<PortalDbContext, IQueryable<string>> query) =>
        [.. (await Factory.WithDbAsync(db => query(db).ToListAsync())).Order(StringComparer.Ordinal)];

    /// <summary>One of everything housekeeping looks at, finished (or not) now, named with <paramref name="age"/>.</summary>
    private Task SeedAsync(string age, string userId, int participantId, int manySentMails) => Factory.WithDbAsync(async db =>
    {
        var now = Factory.Time.GetUtcNow();
        PortalSession Session(string name, DateTimeOffset? endedAt) => new()
        {
            Id = Guid.NewGuid().ToString("N"),
            Kind = SessionKind.Account,
            UserId = userId,
            ParticipantId = participantId,
            Role = PortalRole.FocalPoint,
            DisplayName = $"{age} {name}",
            Email = Someone,
            CreatedAt = now,
            EndedAt = endedAt,
        };
        db.Sessions.AddRange(Session("ended", now.AddHours(1)), Session("ran out", null));

        AccountToken Token(string name, AccountTokenPurpose purpose, TimeSpan lifetime, DateTimeOffset? usedAt) => new()
        {
            UserId = userId,
            Purpose = purpose,
            TokenHash = $"{age} {name}",
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            UsedAt = usedAt,
        };
        db.AccountTokens.AddRange(
            Token("used", AccountTokenPurpose.Invitation, TimeSpan.FromDays(7), now.AddHours(1)),
            Token("expired", AccountTokenPurpose.PasswordReset, TimeSpan.FromHours(2), null));
        if (age == "old")
        {
            db.AccountTokens.Add(Token("invitation expired 24 days ago", AccountTokenPurpose.Invitation, TimeSpan.FromDays(7), null));
        }

        OutboxMessage Mail(string kind, string name, Action<OutboxMessage>? finish = null)
        {
            var message = new OutboxMessage
            {
                Kind = kind,
                To = Someone,
                Subject = $"{age} {name}",
                Body = "Body",
                CreatedAt = now,
                NextAttemptAt = now,
            };
            finish?.Invoke(message);
            return message;
        }

        db.Outbox.AddRange(
            Mail(TestKind, "sent", m => m.SentAt = now),
            Mail(TestKind, "cancelled", m => (m.CancelledAt, m.CancelReason) = (now, "Superseded.")));
        if (age == "old")
        {
            db.Outbox.AddRange(
                Mail(TestKind, "failing", m => (m.Attempts, m.LastError) = (9, "550 Mailbox unavailable")),
                Mail(TestKind, "queued"));
            db.Outbox.AddRange(Enumerable.Range(0, manySentMails).Select(_ => Mail("housekeeping-test-many", "many", m => m.SentAt = now)));
            db.AuditEntries.Add(new AuditEntry { At = now, Actor = "system", Action = "HousekeepingTest" });
        }

        return await db.SaveChangesAsync();
    });
}
