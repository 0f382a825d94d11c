using MimeKit;
using Portal.Data;
using Portal.Infrastructure.Email;

namespace Portal.Tests.Unit;

public sealed class MailComposerTests
{
    private static OutboxMessage Message(string body, string? replyTo = null) => new()
    {
        Id = 42,
        Kind = "test",
        To = "someone@example.test",
        Subject = "Subject <with> markup",
        Body = body,
        ReplyTo = replyTo,
        CreatedAt = new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Html_RunsTheLinesOfAParagraphTogether_AndKeepsListItemsAndAddressesOnTheirOwnLines()
    {
        var html = MailComposer.Html("Title", "Dear Ana,\n\nThe offer that Norway published\nexpires soon.\n\n- First item\n  http://portal.test/a\n- Second item\n");

        Assert.Contains("<p>Dear Ana,</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>The offer that Norway published expires soon.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>- First item<br>\n<a href=\"http://portal.test/a\">http://portal.test/a</a><br>\n- Second item</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_EncodesWhatAPersonTyped_AndLinksOnlyWebAddresses()
    {
        var html = MailComposer.Html("<script>", "<img src=x onerror=alert(1)> \"quoted\" & javascript:alert(1)\nSee https://portal.test/Postings/7?x=1&y=2.");

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; &amp; javascript:alert(1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.Ordinal);
        // The full stop that ends the sentence is not part of the address.
        Assert.Contains("<a href=\"https://portal.test/Postings/7?x=1&amp;y=2\">https://portal.test/Postings/7?x=1&amp;y=2</a>.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_HasBothParts_TheSenderAndReplyTo()
    {
        using var mime = MailComposer.Compose(Message("Hello.", "focal@example.test"), "CCM Cooperation Portal <portal@example.org>");

        Assert.Equal("Hello.", mime.TextBody);
        Assert.Contains("<p>Hello.</p>", mime.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("portal@example.org", Assert.Single(mime.From.Mailboxes).Address);
        Assert.Equal("CCM Cooperation Portal", Assert.Single(mime.From.Mailboxes).Name);
        Assert.Equal("focal@example.test", Assert.Single(mime.ReplyTo.Mailboxes).Address);
        Assert.Equal("Subject <with> markup", mime.Subject);
    }

    [Fact]
    public void Compose_NamesTheUnsubscribePage_InAHeaderThatSurvivesTheWire()
    {
        var message = Message("Hello.");
        message.UnsubscribeUrl = "https://portal.example.org/Unsubscribe?token=CfDJ8abc";
        using var mime = MailComposer.Compose(message, "portal@example.org");
        using var wire = new MemoryStream();
        mime.WriteTo(wire);
        wire.Position = 0;
        using var read = MimeMessage.Load(wire);

        Assert.Equal("<https://portal.example.org/Unsubscribe?token=CfDJ8abc>", read.Headers[HeaderId.ListUnsubscribe]);
        Assert.Equal("List-Unsubscribe=One-Click", read.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public void Compose_WithoutReplyTo_HasNone()
    {
        using var mime = MailComposer.Compose(Message("Hello."), "portal@example.org");

        Assert.Empty(mime.ReplyTo);
    }

    [Fact]
    public void MessageId_IsTheSameOnEveryAttempt_AndDiffersBetweenMessages()
    {
        var sender = MailboxAddress.Parse("portal@example.org");
        var message = Message("Hello.");
        using var first = MailComposer.Compose(message, "portal@example.org");
        using var again = MailComposer.Compose(message, "portal@example.org");
        var other = Message("Hello.");
        other.Id = 43;

        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(MailComposer.MessageId(message, sender), first.MessageId);
        Assert.NotEqual(MailComposer.MessageId(message, sender), MailComposer.MessageId(other, sender));
        Assert.EndsWith("@example.org", first.MessageId, StringComparison.Ordinal);
    }
}
