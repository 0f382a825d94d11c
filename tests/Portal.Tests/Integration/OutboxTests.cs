using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Email;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

public sealed class OutboxTests
{
    [Fact]
    public async Task FailedSend_StaysVisibleWithItsError_AndIsRetriedLater_AndALongSubjectIsKeptOnOneLineWithinItsColumn()
    {
        await using var factory = new PortalFactory();
        factory.Settings["Smtp:Host"] = "127.0.0.1";
        factory.Settings["Smtp:Port"] = "9"; // discard port: nothing listens, every send fails
        _ = factory.Server;
        // A title with a line break and a long name: 400 characters, an emoji where the column ends.
        var subject = "Line one\r\nline two " + new string('x', 280) + "😀" + new string('y', 99);
        await factory.WithServicesAsync(async sp =>
        {
            sp.GetRequiredService<Outbox>().Enqueue("test", "someone@example.test", subject, "Body");
            return await sp.GetRequiredService<Portal.Data.PortalDbContext>().SaveChangesAsync();
        });

        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();
        Assert.Equal(0, await dispatcher.DispatchDueAsync());
        var message = await factory.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync());
        Assert.Equal(400, subject.Length);
        Assert.Equal("Line one line two " + new string('x', 280) + "…", message.Subject);
        Assert.True(message.Subject.Length <= Portal.Data.OutboxMessage.SubjectLength);
        Assert.Null(message.SentAt);
        Assert.Equal(1, message.Attempts);
        Assert.False(string.IsNullOrEmpty(message.LastError));

        // Not again before its time ...
        Assert.Equal(0, await dispatcher.DispatchDueAsync());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Outbox.Select(m => m.Attempts).SingleAsync()));

        // ... but again after it, and still kept.
        factory.Time.Advance(TimeSpan.FromMinutes(2));
        await dispatcher.DispatchDueAsync();
        Assert.Equal(2, await factory.WithDbAsync(db => db.Outbox.Select(m => m.Attempts).SingleAsync()));
    }

    [Fact]
    public async Task Secret_IsSealedWhileWaiting_AndErasedOnceDelivered()
    {
        await using var factory = new PortalFactory();
        var member = await TestAccounts.CreateAsync(factory, Portal.Data.PortalRole.Member);
        using var visitor = new Browser(factory);
        await visitor.OpenAsync("/Account/ForgotPassword");
        await visitor.SubmitAsync("form", new Dictionary<string, string> { ["Input.Email"] = member.Email });
        var waiting = await factory.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync());
        Assert.DoesNotContain("ResetPassword", waiting.Body, StringComparison.Ordinal);
        Assert.Contains("/Account/ResetPassword?token=", factory.Services.GetRequiredService<MailSeal>().Open(waiting), StringComparison.Ordinal);

        var delivered = Assert.Single(await Mailbox.DeliverAndReadAsync(factory, member.Email));
        Assert.Contains("/Account/ResetPassword?token=", delivered.Body, StringComparison.Ordinal);
        var kept = await factory.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync());
        Assert.NotNull(kept.SentAt);
        Assert.Equal(Outbox.ErasedBody, kept.Body);
    }

    [Fact]
    public async Task WithoutSmtp_MessagesWaitInTheOutboxForTheCoordinator()
    {
        await using var factory = new PortalFactory();
        factory.Settings["Smtp:Host"] = "";
        var coordinator = await TestAccounts.CreateAsync(factory, Portal.Data.PortalRole.Coordinator, "isu-test", twoFactor: true);
        using var visitor = new Browser(factory);
        await visitor.OpenAsync("/Account/ForgotPassword");
        await visitor.SubmitAsync("form", new Dictionary<string, string> { ["Input.Email"] = coordinator.Email });

        using var admin = new Browser(factory);
        await admin.SignInAsync(factory, coordinator);
        await admin.OpenAsync("/Admin/Outbox");
        Assert.Contains("No mail server is configured", admin.Text, StringComparison.Ordinal);
        var mail = Assert.Single(admin.Page!.QuerySelectorAll("[data-testid=mail]"));
        Assert.Contains("/Account/ResetPassword?token=", mail.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliveredMessage_HasTextAndHtmlParts_FromReplyToAndAStableMessageId()
    {
        await using var factory = new PortalFactory();
        _ = factory.Server;
        const string To = "parts@example.test";
        await factory.WithServicesAsync(async sp =>
        {
            var outbox = sp.GetRequiredService<Outbox>();
            outbox.Enqueue("test", To, "Two parts", "Dear reader,\n\n<b>Not bold</b> & co.\nOpen http://portal.test/Postings/1.\n", replyTo: "focal.point@example.test");
            outbox.Enqueue("test", To, "Second in the batch", "Also sent.");
            return await sp.GetRequiredService<Portal.Data.PortalDbContext>().SaveChangesAsync();
        });

        var mails = await Mailbox.DeliverAndReadAsync(factory, To);
        Assert.Equal(2, mails.Count);
        var mail = Assert.Single(mails, m => m.Subject == "Two parts");
        Assert.Contains("<b>Not bold</b> & co.", mail.Body, StringComparison.Ordinal);
        Assert.NotNull(mail.Html);
        Assert.Contains("&lt;b&gt;Not bold&lt;/b&gt; &amp; co.", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://portal.test/Postings/1\">", mail.Html, StringComparison.Ordinal);
        Assert.Equal("portal@portal.test", mail.From);
        Assert.Equal("focal.point@example.test", mail.ReplyTo);
        Assert.Equal("", Assert.Single(mails, m => m.Subject == "Second in the batch").ReplyTo);

        var row = await factory.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Subject == "Two parts"));
        Assert.Equal(MailComposer.MessageId(row, MimeKit.MailboxAddress.Parse("portal@portal.test")), mail.MessageId);
        Assert.EndsWith("@portal.test", mail.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMessageThatCannotBeSent_KeepsItsError_AndTheOthersOfTheBatchGo()
    {
        await using var factory = new PortalFactory();
        _ = factory.Server;
        const string To = "batch@example.test";
        await factory.WithServicesAsync(async sp =>
        {
            var outbox = sp.GetRequiredService<Outbox>();
            outbox.Enqueue("test", To, "First", "One.");
            outbox.Enqueue("test", "not an address", "Second", "Two.");
            outbox.Enqueue("test", To, "Third", "Three.");
            return await sp.GetRequiredService<Portal.Data.PortalDbContext>().SaveChangesAsync();
        });

        var mails = await Mailbox.DeliverAndReadAsync(factory, To);

        Assert.Equal(["First", "Third"], mails.Select(m => m.Subject).Order());
        var failed = await factory.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Subject == "Second"));
        Assert.Null(failed.SentAt);
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.True(failed.NextAttemptAt > factory.Time.GetUtcNow());
    }

    [Theory]
    [InlineData("Smtp:EnableSsl", "true", "Smtp:EnableSsl is no longer read")]
    [InlineData("Smtp:From", "not an address", "Smtp:From must be an e-mail address")]
    public async Task MisreadSmtpSettings_StopTheStart_WithWhatToSet(string key, string value, string message)
    {
        await using var factory = new PortalFactory();
        factory.Settings[key] = value;

        var error = Record.Exception(() => factory.Server);

        Assert.NotNull(error);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }
}
