using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Email;

/// <summary>
/// The address people open, for links in e-mails and the start message: <c>Smtp:PublicBaseUrl</c> when it is set,
/// otherwise the address the portal listens on (once started; before, the one it is configured to listen on), so that a
/// link never points where nothing answers.
/// </summary>
public sealed class PublicAddress(IOptions<SmtpOptions> options, IServer server, IConfiguration configuration)
{
    // Kestrel's own default when no address is configured.
    private const string KestrelDefault = "http://localhost:5000";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl);

    public string BaseUrl => (IsConfigured ? options.Value.PublicBaseUrl! : Listening()).TrimEnd('/');

    private string Listening()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault(a => a.StartsWith("http://127.0.0.1", StringComparison.OrdinalIgnoreCase))
            ?? addresses?.FirstOrDefault()
            ?? configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
            ?? KestrelDefault;
        return WithoutWildcard(address);
    }

    // "Every interface" is no address to open: name this machine instead.
    public static string WithoutWildcard(string address) =>
        Uri.TryCreate(address.Replace("://+", "://wildcard", StringComparison.Ordinal).Replace("://*", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && uri.Host is "wildcard" or "0.0.0.0" or "[::]"
            ? new UriBuilder(uri) { Host = "localhost" }.Uri.GetLeftPart(UriPartial.Authority)
            : address;
}
