using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Security;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the portal believes
/// (configuration <c>ForwardedHeaders:KnownProxies</c>, addresses, and <c>ForwardedHeaders:KnownNetworks</c>, CIDR ranges).
/// Nothing configured: the loopback interface only, which is nginx on the same machine. A request that reaches the
/// portal from anywhere else keeps its own address, whatever headers it sends; from a trusted proxy only the last
/// address of the header is taken, the one the proxy itself added, so a client cannot name itself in front of it.
/// That address is the one rate limits count (<see cref="RateLimits.PartitionKey"/>) and the audit log records.
/// </summary>
public sealed class TrustedProxiesOptions
{
    public const string Section = "ForwardedHeaders";

    public IList<string> KnownProxies { get; } = [];

    public IList<string> KnownNetworks { get; } = [];

    /// <summary>The entries that are not an address or a CIDR range, as whole sentences; empty when all are valid.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return string.Format(CultureInfo.InvariantCulture,
                "ForwardedHeaders:KnownProxies holds \"{0}\", which is not an IP address (for example 10.0.0.5 or ::1).", proxy);
        }

        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return string.Format(CultureInfo.InvariantCulture,
                "ForwardedHeaders:KnownNetworks holds \"{0}\", which is not a network in CIDR form (for example 10.0.0.0/24).", network);
        }
    }

    internal void ApplyTo(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

        // One proxy in front: the last entry of X-Forwarded-For is the address that proxy saw; earlier ones are whatever
        // the client sent.
        options.ForwardLimit = 1;
        if (KnownProxies.Count == 0 && KnownNetworks.Count == 0)
        {
            return; // ASP.NET Core's default: 127.0.0.0/8 and ::1.
        }

        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}

public static class TrustedProxiesSetup
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TrustedProxiesOptions>().Bind(configuration.GetSection(TrustedProxiesOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrustedProxiesOptions>, TrustedProxiesValidation>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxiesOptions>>(
            (options, trusted) => trusted.Value.ApplyTo(options));
        return services;
    }
}

/// <summary>Refuses to start with an entry that is not an address or a network, naming each one.</summary>
internal sealed class TrustedProxiesValidation : IValidateOptions<TrustedProxiesOptions>
{
    public ValidateOptionsResult Validate(string? name, TrustedProxiesOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
