using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Portal.Tests.Infrastructure;

/// <summary>What tests that start real servers (the portal's process, nginx, PostgreSQL) need from the machine.</summary>
public static class LocalMachine
{
    /// <summary>A loopback port free at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A self-signed certificate for <paramref name="subject"/> and its private key, written as PEM files
    /// <paramref name="name"/>.crt and <paramref name="name"/>.key in <paramref name="directory"/>.
    /// </summary>
    public static (string Certificate, string Key, string Sha256Thumbprint) WriteSelfSignedCertificate(string directory, string name, string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var certificateFile = Path.Combine(directory, name + ".crt");
        var keyFile = Path.Combine(directory, name + ".key");
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, rsa.ExportPkcs8PrivateKeyPem());
        return (certificateFile, keyFile, certificate.GetCertHashString(HashAlgorithmName.SHA256));
    }
}
