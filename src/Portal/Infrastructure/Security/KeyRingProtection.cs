using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Portal.Data;

namespace Portal.Infrastructure.Security;

/// <summary>
/// Where the Data Protection key ring lives and how it is sealed. The keys (which sign cookies, antiforgery tokens and
/// the links in e-mails) are kept in the database, so every instance shares them; with a certificate in configuration
/// each key is encrypted with it before it is stored, so a copy of the database (a backup, a dump) holds no usable key.
/// The certificate comes from files the operator places on each machine, never from the database:
/// <c>DataProtection:CertificateFile</c> and <c>DataProtection:KeyFile</c> (PEM). After a certificate change the old
/// one is named in <c>DataProtection:PreviousCertificates:N:CertificateFile</c>/<c>KeyFile</c> so keys sealed with it are
/// still read (docs/deployment.md, key rotation). Without a certificate the keys are stored as they are and the start
/// log says so.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    public string? CertificateFile { get; set; }

    public string? KeyFile { get; set; }

    public IList<CertificateFiles> PreviousCertificates { get; } = [];

    public sealed class CertificateFiles
    {
        public string? CertificateFile { get; set; }

        public string? KeyFile { get; set; }
    }
}

public static class KeyRingProtection
{
    public const string ApplicationName = "CooperationPortal";

    public static IServiceCollection AddPortalKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<PortalDbContext>();
        if (string.IsNullOrWhiteSpace(options.CertificateFile) && string.IsNullOrWhiteSpace(options.KeyFile))
        {
            services.AddHostedService<UnsealedKeyRingWarning>();
            return services;
        }

        var current = Load(options.CertificateFile, options.KeyFile, "DataProtection");
        var previous = options.PreviousCertificates
            .Select((files, index) => Load(files.CertificateFile, files.KeyFile, $"DataProtection:PreviousCertificates:{index}"));

        // Decrypting looks the certificate up by thumbprint in the machine's store unless it is named here; naming it
        // keeps the operator's files the only place it comes from.
        builder.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. previous]);
        return services;
    }

    private static X509Certificate2 Load(string? certificateFile, string? keyFile, string setting)
    {
        if (string.IsNullOrWhiteSpace(certificateFile) || string.IsNullOrWhiteSpace(keyFile))
        {
            throw new InvalidOperationException(
                $"{setting}:CertificateFile and {setting}:KeyFile go together: name both PEM files (docs/deployment.md, key rotation).");
        }

        try
        {
            var certificate = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException($"{setting}:KeyFile ({keyFile}) holds no private key for {certificateFile}.");
            }

            return certificate;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"{setting}: the certificate {certificateFile} with the key {keyFile} could not be read: {ex.Message}", ex);
        }
    }

    private sealed class UnsealedKeyRingWarning(ILogger<UnsealedKeyRingWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogWarning(
                "Data Protection keys are stored in the database unencrypted: a copy of the database could forge sign-in cookies. "
                + "Set DataProtection:CertificateFile and DataProtection:KeyFile (docs/deployment.md).");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
