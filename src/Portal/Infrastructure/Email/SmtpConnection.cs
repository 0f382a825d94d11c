using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;

namespace Portal.Infrastructure.Email;

/// <summary>
/// One SMTP connection for a batch of messages, opened at the first send and reopened after a failure: a daily summary
/// or a digest to many people is one conversation with the server, not one per message.
/// </summary>
internal sealed class SmtpConnection(SmtpOptions options) : IDisposable
{
    /// <summary>How long each step (connect, greeting, STARTTLS, sign-in, one message) may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private SmtpClient? client;

    /// <summary>True once opening the connection or signing in failed in this batch.</summary>
    public bool IsUnreachable { get; private set; }

    public async Task SendAsync(MimeKit.MimeMessage message, CancellationToken token)
    {
        if (client is { IsConnected: false })
        {
            // The server closed an idle connection between two messages.
            Reset();
        }

        if (client is null)
        {
            var opened = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
            try
            {
                await opened.ConnectAsync(options.Host ?? throw new InvalidOperationException("Smtp:Host is not set."), options.Port, options.Security, token);
                if (!string.IsNullOrEmpty(options.UserName))
                {
                    await opened.AuthenticateAsync(options.UserName, options.Password ?? "", token);
                }
            }
            catch
            {
                opened.Dispose();
                IsUnreachable = true;
                throw;
            }

            client = opened;
        }

        await client.SendAsync(message, token);
    }

    /// <summary>Drops the connection without a word to the server (it may not be listening any more).</summary>
    public void Reset()
    {
        client?.Dispose();
        client = null;
    }

    /// <summary>Says goodbye to the server when the batch is done.</summary>
    public async Task CloseAsync(CancellationToken token)
    {
        if (client is { IsConnected: true })
        {
            try
            {
                await client.DisconnectAsync(quit: true, token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ProtocolException or CommandException)
            {
                // Everything was sent; a goodbye the server did not hear loses nothing.
            }
        }

        Reset();
    }

    public void Dispose() => client?.Dispose();
}
