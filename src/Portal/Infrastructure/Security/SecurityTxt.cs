using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Security;

public sealed class SecurityTxtOptions
{
    public string Contact { get; set; } = "mailto:security@example.org";

    public string? Policy { get; set; }

    public string PreferredLanguages { get; set; } = "en";

    /// <summary>RFC 9116 asks for an expiry; by default a year after the server started.</summary>
    public DateTimeOffset? Expires { get; set; }
}

public static class SecurityTxt
{
    public static IEndpointRouteBuilder MapSecurityTxt(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/.well-known/security.txt", [HttpMethods.Get, HttpMethods.Head], (IOptions<SecurityTxtOptions> options, TimeProvider time) =>
        {
            var o = options.Value;
            var expires = o.Expires ?? time.GetUtcNow().AddYears(1);
            var text = new StringBuilder()
                .Append("Contact: ").Append(o.Contact).Append('\n')
                .Append("Expires: ").Append(expires.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append('\n')
                .Append("Preferred-Languages: ").Append(o.PreferredLanguages).Append('\n');
            if (!string.IsNullOrWhiteSpace(o.Policy))
            {
                text.Append("Policy: ").Append(o.Policy).Append('\n');
            }

            return Results.Text(text.ToString(), "text/plain; charset=utf-8");
        }).AllowAnonymous();
        return endpoints;
    }
}
